"""Rule files are validated on load: a broken one fails with the file and the rule named."""
from __future__ import annotations

from pathlib import Path

import pytest

from report_extract.rules import RuleError, default_rules_dir, load_rules

GOOD_MASK = """
  - id: mask.test_code
    pattern: 'KH-\\d+'
    examples: ["theo [KH-12]"]
"""


def _rules_dir(tmp_path: Path, body: str, kind: str = "mask", name: str = "test.yml") -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(f"kind: {kind}\nrules:\n{body}", encoding="utf-8")
    return folder


def test_a_valid_file_loads(tmp_path):
    rules = load_rules(_rules_dir(tmp_path, GOOD_MASK))
    assert [rule.id for rule in rules.of_kind("mask")] == ["mask.test_code"]


@pytest.mark.parametrize("body,kind,message", [
    (GOOD_MASK.replace("    pattern:", "    patern:"), "mask", "rule 'mask.test_code': unknown keys ['patern']"),
    (GOOD_MASK.replace("'KH-\\d+'", "'KH-(\\d+'"), "mask", "rule 'mask.test_code', key 'pattern': pattern"),
    (GOOD_MASK.replace('    examples: ["theo [KH-12]"]\n', ""), "mask", "rule 'mask.test_code': needs at least one example"),
    (GOOD_MASK.replace("  - id: mask.test_code\n", "  - description: no id\n"), "mask", "a rule has no 'id'"),
    (GOOD_MASK + GOOD_MASK, "mask", "rule 'mask.test_code': duplicate id"),
    ("  - id: scope.test\n    examples: [x]\n", "scope", "rule 'scope.test': missing required keys ['cue']"),
    ("  - id: hedge.test\n    pattern: 'độ$'\n    qualifier: roughly\n    examples: [x]\n", "hedge",
     "rule 'hedge.test': qualifier 'roughly' is not one of"),
    ("  - id: reject.test\n    before: [7]\n    examples: [x]\n", "reject",
     "rule 'reject.test', key 'before': expected a non-empty list of phrases"),
    (GOOD_MASK, "masks", "unknown kind 'masks'"),
    (GOOD_MASK + '    examples: ["theo [KH-13]"]\n', "mask", "key 'examples' written twice"),
    ("  - id: [unclosed\n", "mask", "not valid YAML"),
])
def test_a_broken_file_names_the_file_and_the_rule(tmp_path, body, kind, message):
    with pytest.raises(RuleError) as error:
        load_rules(_rules_dir(tmp_path, body, kind))
    assert str(error.value).startswith("test.yml")
    assert message in str(error.value)


def test_an_indicator_rule_must_name_a_known_key(tmp_path):
    folder = _rules_dir(tmp_path, "  - id: people.test\n    indicator: people.nobody\n    examples: [x]\n", "indicator")
    (folder / "keys.yml").write_text("kind: indicator_keys\nkeys:\n  people.members:\n    description: members\n",
                                     encoding="utf-8")
    with pytest.raises(RuleError, match="test.yml: rule 'people.test': unknown indicator 'people.nobody'"):
        load_rules(folder)


def test_a_missing_folder_is_named():
    with pytest.raises(RuleError, match="rules folder not found: .*no-such-rules"):
        load_rules("/no-such-rules")


def test_rules_load_once_per_folder_however_it_is_named(monkeypatch):
    """Workers ask for the folder by its path string; they must reuse what was loaded."""
    default = load_rules()
    assert load_rules(str(default_rules_dir())) is default
    assert load_rules(default_rules_dir()) is default
    monkeypatch.chdir(default_rules_dir().parent)
    assert load_rules(default_rules_dir().name) is default


def test_the_cues_scanned_over_every_report_keep_their_literal_prefilter():
    """A cue whose matches all start with known words is tried only where those occur
    (literals.py); one optional group in front of a new alternative would make every report
    scanned at every character (it cost a fifth of extraction once)."""
    rules = load_rules()
    for kind, rule_id in (("breakdown", "breakdown.trong_do"), ("breakdown", "breakdown.rating"),
                          ("scope", "scope.target"), ("scope", "scope.earlier_period")):
        rule = next(r for r in rules.of_kind(kind) if r.id == rule_id)
        assert rule.starts.get("cue") or rule.starts.get("cue@lower"), rule_id


def test_a_units_file_with_a_misspelt_vocabulary_is_refused(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "units.yml").write_text("kind: units\norganisations: {ubnd: [UBND]}\nlevels: [xã]\nnamed_onyl: [ubnd]\n",
                                      encoding="utf-8")
    with pytest.raises(RuleError, match=r"units.yml: unknown keys \['named_onyl'\]"):
        load_rules(folder)
