"""The scorer lists what its agreement figures count, so that a rule can be fixed."""
from __future__ import annotations

from report_extract.evaluate import score

GOLD = {"r1": {"period": {"year": 2024}, "unit": "Hội Nông dân huyện A", "quantities": [
    {"text": "64 văn bản", "value": 64, "noun": "văn bản", "indicator": "documents_issued"},
    {"text": "42 kế hoạch", "value": 42, "noun": "kế hoạch", "indicator": "documents_issued",
     "part_of": "64 văn bản"},
    {"text": "hơn 500 hội viên", "value": 500, "noun": "hội viên", "indicator": "members", "qualifier": "over"},
    {"text": "12 lớp", "value": 12, "noun": "lớp", "indicator": "training_courses"},
]}}


def _row(value, noun, indicator, qualifier="exact", part_of=None, rule="r"):
    return {"source": "r1.txt", "value": value, "noun": noun, "indicator": indicator, "qualifier": qualifier,
            "part_of": part_of, "rule": rule}


def test_disagreements_name_the_field_gold_prediction_and_rule():
    rows = [_row(64, "văn bản", "documents_issued"),
            _row(42, "kế hoạch", "plans", rule="documents.plans"),  # filed otherwise, and not linked
            _row(500, "hội viên", "members"),  # hedge lost
            _row(12, "lớp", "training_courses", part_of="r1-0000")]  # a link the gold does not ask for
    result = score(GOLD, rows)
    assert result["tp"] == 4 and result["indicator_acc"] == 0.75 and result["qualifier_acc"] == 0.75
    assert result["part_of_recall"] == 0.0
    assert [(d["text"], d["field"], d["gold"], d["pred"], d["rule"]) for d in result["disagreements"]] == [
        ("42 kế hoạch", "indicator", "documents_issued", "plans", "documents.plans"),
        ("42 kế hoạch", "part_of", "64 văn bản", None, "documents.plans"),
        ("hơn 500 hội viên", "qualifier", "over", "exact", "r"),
    ]


def test_full_agreement_lists_nothing():
    rows = [_row(64, "văn bản", "documents_issued"), _row(42, "kế hoạch", "documents_issued", part_of="r1-0000"),
            _row(500, "hội viên", "members", qualifier="over"), _row(12, "lớp", "training_courses")]
    result = score(GOLD, rows)
    assert result["indicator_acc"] == result["qualifier_acc"] == result["part_of_recall"] == 1.0
    assert result["disagreements"] == []


UNIT_PAIRS = [  # (gold, predicted, same unit?) in the shapes ANNOTATION.md settles
    ("Hội Liên hiệp Phụ nữ huyện Đông Sơn", "Hội LHPN huyện Đông Sơn", True),
    ("Ủy ban nhân dân xã Tân Lập", "UBND xã Tân Lập", True),
    ("Liên đoàn Lao động quận Hải An", "Liên đoàn Lao động (LĐLĐ) quận Hải An", True),
    ("Đảng bộ huyện Triệu Phong", "Huyện ủy Triệu Phong", True),
    ("Đảng bộ xã Vĩnh Long", "Ban Chấp hành Đảng bộ xã Vĩnh Long", True),
    ("Phòng Giáo dục và Đào tạo huyện Hòa An", "Phòng GD&ĐT huyện Hòa An", True),
    ("Sở Lao động - Thương binh và Xã hội tỉnh Nam Định", "Sở LĐ-TB&XH tỉnh Nam Định", True),
    ("Hội Nông dân huyện Đông Sơn", "Hội Cựu chiến binh huyện Đông Sơn", False),
    ("Ban Tuyên giáo Huyện ủy Triệu Phong", "Ủy ban nhân dân tỉnh Quảng Trị", False),
]


def test_unit_names_match_as_annotation_md_settles():
    from report_extract.evaluate import unit_match

    assert [unit_match(gold, pred) for gold, pred, _ in UNIT_PAIRS] == [same for *_, same in UNIT_PAIRS]


def test_a_repeated_figure_pairs_with_the_prediction_of_the_same_evidence_first():
    same = {"source": "d.txt", "value": 5, "noun": "lớp", "text": "5 lớp bồi dưỡng", "indicator": "training_classes"}
    gold = {"d": {"quantities": [{key: same[key] for key in ("value", "noun", "text", "indicator")}]}}
    other = {"source": "d.txt", "value": 5, "noun": "lớp", "text": "5 lớp tập huấn", "indicator": "other"}
    for rows in ([same, other], [other, same]):
        result = score(gold, rows)
        assert result["tp"] == 1 and result["indicator_acc"] == 1.0


def test_a_table_cell_is_right_only_with_the_golds_figures_outside_breakdowns():
    """Cells: documents_issued {64}, members {500}, training_courses {12} in the gold."""
    right = [_row(64, "văn bản", "documents_issued"), _row(42, "kế hoạch", "documents_issued", part_of="r1-0000"),
             _row(500, "hội viên", "members"), _row(500, "hội viên", "members"),  # told twice: one figure
             _row(12, "lớp", "training_courses")]
    assert score(GOLD, right)["cells_acc"] == 1.0
    unlinked_part = [_row(64, "văn bản", "documents_issued"), _row(42, "kế hoạch", "documents_issued"),
                     _row(500, "hội viên", "members"), _row(12, "lớp", "training_courses")]
    assert score(GOLD, unlinked_part)["cells_acc"] == round(2 / 3, 4)
    misfiled = [_row(64, "văn bản", "documents_issued"), _row(500, "hội viên", "attendees"),
                _row(12, "lớp", "training_courses")]
    assert score(GOLD, misfiled)["cells_acc"] == round(2 / 3, 4)
