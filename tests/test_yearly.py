"""The yearly table's rules, on hand-made indicator rows with known answers."""
from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from report_extract import yearly
from report_extract.schema import DOCUMENTS_SCHEMA, INDICATOR_COLUMNS
from report_extract.tables import write_outputs

# Spellings of one unit share its key, as unit.py gives them.
_KEYS = {"Hội Nông dân huyện A": "nong dan|huyen|a", "Hội nông dân Huyện A": "nong dan|huyen|a",
         "Hội Nông dân huyện A.": "nong dan|huyen|a", "Đoàn Thanh niên xã B": "doan tn|xa|b",
         "Hội Phụ nữ xã D": "lhpn|xa|d"}


def _key(unit: str | None) -> str | None:
    return _KEYS.get(unit, unit.lower()) if unit else None


def _doc(doc_id: str, year: int | None, period: str, unit: str | None,
         figures: list[tuple]) -> tuple[dict, list[tuple]]:
    """A document and its rows; a figure is (indicator, value, noun) or (…, part_of index)."""
    rows = []
    for i, (indicator, value, noun, *parent) in enumerate(figures):
        rows.append({
            "doc_id": doc_id, "source": f"{doc_id}.txt", "year": year, "period": period, "unit": unit,
            "unit_key": _key(unit), "quantity_id": f"{doc_id}-{i:04d}", "indicator": indicator,
            "value": float(value), "noun": noun,
            "qualifier": "exact", "part_of": f"{doc_id}-{parent[0]:04d}" if parent else None, "parts_check": None,
            "text": f"{value} {noun}", "start": 0, "end": 1, "sentence": "", "rule": None, "section": None,
        })
    doc = {name: None for name in DOCUMENTS_SCHEMA.names}
    doc.update(doc_id=doc_id, source=f"{doc_id}.txt", year=year, period=period, unit=unit, unit_key=_key(unit),
               n_quantities=len(rows), status="ok")
    return doc, [tuple(row[c] for c in INDICATOR_COLUMNS) for row in rows]


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    out = tmp_path_factory.mktemp("yearly") / "out"
    docs = [
        # Hội Nông dân huyện A, 2023: a year report and a half-year one; the year report wins.
        _doc("a1", 2023, "year", "Hội Nông dân huyện A", [
            ("members_new", 120, "hội viên"), ("members_new", 120, "hội viên"),  # headline repeats the body
            ("training_classes", 9, "lớp"), ("members_new", 70, "hội viên", 0),  # a part: its total counts
            ("rate_pct", 95.5, "%")]),
        _doc("a2", 2023, "half_year", "Hội nông dân Huyện A", [("members_new", 60, "hội viên")]),
        # A second year report of the same unit (another spelling) adds to the year's sums.
        _doc("a3", 2023, "year", "Hội Nông dân huyện A.", [
            ("members_new", 30, "hội viên mới"), ("rate_pct", 97.0, "%")]),
        # Terms cover several years; no unit or no year has no place in the table.
        _doc("b1", 2023, "term", "Đoàn Thanh niên xã B", [("members_new", 500, "đoàn viên")]),
        _doc("c1", 2023, "year", None, [("members_new", 5, "hội viên")]),
        _doc("d1", None, "year", "Hội Phụ nữ xã D", [("members_new", 5, "hội viên")]),
        _doc("e1", 2022, "quarter", "Hội Phụ nữ xã D", [("members_new", 7, "hội viên")]),
    ]
    write_outputs(out, iter(docs), {"members_new": "sum", "training_classes": "sum", "rate_pct": "none"})
    return pq.read_table(out / "yearly.parquet").to_pylist()


def test_one_row_per_year_unit_indicator(table):
    assert [(r["year"], r["unit_key"], r["indicator"]) for r in table] == [
        (2022, "lhpn|xa|d", "members_new"),
        (2023, "nong dan|huyen|a", "members_new"),
        (2023, "nong dan|huyen|a", "rate_pct"),
        (2023, "nong dan|huyen|a", "training_classes"),
    ]


def test_widest_span_repeats_once_parts_left_out(table):
    members = next(r for r in table if r["year"] == 2023 and r["indicator"] == "members_new")
    assert members["period"] == "year" and members["aggregate"] == "sum"
    assert members["value"] == 150.0  # 120 (once) + 30; not the part, not the half year
    assert (members["n_figures"], members["n_documents"]) == (2, 2)
    assert (members["min_value"], members["max_value"]) == (30.0, 120.0)
    assert members["nouns"] == "hội viên; hội viên mới"
    assert members["sources"] == ["a1.txt", "a3.txt"]
    assert members["unit"] == "Hội Nông dân huyện A."  # spellings tie on use: the longest wins


def test_aggregate_none_keeps_range_only(table):
    rates = next(r for r in table if r["indicator"] == "rate_pct")
    assert rates["value"] is None and (rates["min_value"], rates["max_value"]) == (95.5, 97.0)


def test_a_quarter_counts_when_it_is_the_widest_span(table):
    quarter = next(r for r in table if r["year"] == 2022)
    assert (quarter["period"], quarter["value"], quarter["unit"]) == ("quarter", 7.0, "Hội Phụ nữ xã D")


def test_a_document_split_across_read_batches_still_counts_its_repeats_once(tmp_path, monkeypatch):
    monkeypatch.setattr(yearly, "_BATCH_ROWS", 3)
    figures = [("members_new", 10, "hội viên")] * 5 + [("members_new", 4, "hội viên")]
    docs = [_doc("x1", 2024, "year", "Hội CCB xã X", figures), _doc("x2", 2024, "year", "Hội CCB xã X", figures)]
    write_outputs(tmp_path / "out", iter(docs), {})
    row, = pq.read_table(tmp_path / "out" / "yearly.parquet").to_pylist()
    assert (row["value"], row["n_figures"], row["n_documents"]) == (28.0, 4, 2)


def test_threads_give_the_same_table_in_year_order(tmp_path):
    """Year partitions worked on by several threads come out as one thread makes them."""
    docs = [_doc(f"y{year}", year, "year", "Hội Nông dân huyện A", [("members_new", year - 2000, "hội viên")])
            for year in (2021, 2019, 2022, 2020)]
    write_outputs(tmp_path / "out", iter(docs), {})
    indicators = tmp_path / "out" / "indicators"
    one = [t.to_pylist() for t in yearly.yearly_tables(indicators, {"members_new": "sum"})]
    three = [t.to_pylist() for t in yearly.yearly_tables(indicators, {"members_new": "sum"}, threads=3)]
    assert three == one
    assert [(rows[0]["year"], rows[0]["value"]) for rows in one] == [(2019, 19), (2020, 20), (2021, 21), (2022, 22)]


def test_a_year_too_big_for_one_pass_is_worked_on_by_units_with_the_same_rows(tmp_path, monkeypatch):
    """Memory must not grow with the reports of a year: past _PASS_ROWS rows, a year is
    aggregated a range of units at a time, and the pieces follow one another in unit order."""
    units = ["Hội Nông dân xã C", "Hội Nông dân xã A", "Đoàn Thanh niên xã B", "Hội Phụ nữ xã D"]
    docs = [_doc(f"u{i}", 2023, "year", units[i % 4], [("members_new", i + 1, "hội viên"),
                                                        ("training_classes", 2, "lớp")])
            for i in range(12)]
    write_outputs(tmp_path / "out", iter(docs), {})
    indicators = tmp_path / "out" / "indicators"
    whole = [t.to_pylist() for t in yearly.yearly_tables(indicators, {})]
    monkeypatch.setattr(yearly, "_PASS_ROWS", 7)  # each unit has 6 rows: one unit a pass
    for threads in (1, 2):
        pieces = [t.to_pylist() for t in yearly.yearly_tables(indicators, {}, threads=threads)]
        assert len(pieces) == 4
        assert [row for piece in pieces for row in piece] == whole[0]
    assert len(whole) == 1 and len(whole[0]) == 8
