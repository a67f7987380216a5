"""End to end: the CLI over samples/ writes the contract's tables, deterministically."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from report_extract.cli import app
from report_extract.evaluate import load_gold, score
from report_extract.ingest import read_document
from report_extract.schema import DOCUMENTS_SCHEMA, INDICATORS_SCHEMA, YEARLY_SCHEMA

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED_SCORER = ROOT.parent / "shared" / "corpus" / "score.py"
runner = CliRunner()


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("run") / "out"
    result = runner.invoke(app, ["run", str(SAMPLES), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _indicators(out: Path):
    return ds.dataset(out / "indicators", format="parquet", partitioning="hive").to_table()


def test_tables_follow_the_schema(outputs):
    table = _indicators(outputs)
    assert set(INDICATORS_SCHEMA.names) == set(table.schema.names)
    assert pq.read_schema(outputs / "documents.parquet").names == DOCUMENTS_SCHEMA.names
    assert pq.read_schema(outputs / "yearly.parquet").names == YEARLY_SCHEMA.names
    assert sorted(p.name for p in (outputs / "indicators").iterdir()) == [
        "year=2021", "year=2022", "year=2023", "year=2024", "year=2025"]


def _reports() -> list[Path]:
    """The sample reports (every file but the gold answers)."""
    return [p for p in SAMPLES.iterdir() if not p.name.endswith(".gold.json")]


def _decoded(path: Path) -> str:
    """The text a report's offsets point into: the file's characters, or what its reader decoded."""
    return read_document(path).text


def test_every_row_is_traceable_to_its_characters(outputs):
    for row in _indicators(outputs).to_pylist():
        source = _decoded(SAMPLES / row["source"])
        assert source[row["start"]:row["end"]] == row["text"]


def test_part_of_points_at_a_quantity_of_the_same_document(outputs):
    rows = _indicators(outputs).to_pylist()
    ids = {r["quantity_id"]: r["doc_id"] for r in rows}
    linked = [r for r in rows if r["part_of"]]
    assert linked
    assert all(ids[r["part_of"]] == r["doc_id"] for r in linked)


def test_documents_one_row_per_file(outputs):
    docs = pq.read_table(outputs / "documents.parquet").to_pylist()
    inputs = sorted(p.name for p in _reports())
    assert sorted(d["source"] for d in docs) == inputs
    assert all(d["status"] == "ok" for d in docs)


def test_yearly_table_is_keyed_by_year_unit_indicator(outputs):
    yearly = pq.read_table(outputs / "yearly.parquet").to_pandas()
    assert not yearly.duplicated(["year", "unit", "indicator"]).any()
    money = yearly[(yearly.indicator == "money_vnd")]
    assert not money.empty and (money["aggregate"] == "sum").all() and (money["value"] > 0).all()
    rates = yearly[yearly.indicator.isin(["rate_pct", "plan_completion_pct"])]
    assert not rates.empty and rates["value"].isna().all()


def test_two_runs_give_identical_tables(outputs, tmp_path):
    again = tmp_path / "again"
    assert runner.invoke(app, ["run", str(SAMPLES), "--out", str(again)]).exit_code == 0
    for name in ("documents.parquet", "yearly.parquet"):
        assert pq.read_table(outputs / name).equals(pq.read_table(again / name))
    assert _indicators(outputs).equals(_indicators(again))


def test_samples_score_against_their_gold(outputs):
    rows = _indicators(outputs).to_pylist()
    docs = pq.read_table(outputs / "documents.parquet").to_pylist()
    result = score(load_gold(SAMPLES), rows, docs)
    assert result["f1"] >= 0.95 and result["year_acc"] == 1.0 and result["unit_acc"] == 1.0


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="the reference scorer is not beside this checkout")
def test_eval_agrees_with_the_reference_scorer(outputs):
    reference = subprocess.run(
        [sys.executable, str(SHARED_SCORER), str(SAMPLES), str(outputs / "indicators"),
         "--docs", str(outputs / "documents.parquet")], capture_output=True, text=True, check=True)
    expected = json.loads(reference.stdout)
    ours = json.loads(runner.invoke(app, ["eval", "--gold", str(SAMPLES), "--pred", str(outputs), "--json"]).output)
    for key in expected:
        assert ours[key] == expected[key], key


def test_show_highlights_evidence_and_speaks_json():
    sample = SAMPLES / "hoi-nong-dan-so-ket-6-thang-2024.txt"
    result = runner.invoke(app, ["show", str(sample), "--json"])
    assert result.exit_code == 0
    payload = json.loads(result.output)
    assert payload["document"]["status"] == "ok" and payload["quantities"]
    assert payload["text"][payload["quantities"][0]["start"]:payload["quantities"][0]["end"]] == \
        payload["quantities"][0]["text"]
    text = runner.invoke(app, ["show", str(sample)])
    assert text.exit_code == 0 and "money_vnd" in text.output


def test_show_gives_a_formal_reports_letterhead_and_sections():
    shown = runner.invoke(app, ["show", str(SAMPLES / "formal-tuyen-giao-nam-son-2024.docx")])
    assert shown.exit_code == 0, shown.output
    assert "unit=Ban Tuyên giáo Huyện ủy Nam Sơn" in shown.output and "issued=2024-12-12" in shown.output
    assert "title: Tổng kết công tác tuyên giáo năm 2024" in shown.output
    assert "§ I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024 > 1. Công tác tham mưu" in shown.output


def test_review_page_marks_every_figure(tmp_path):
    sample = SAMPLES / "bao-cao-tuyen-giao-2023.txt"
    page = tmp_path / "review.html"
    assert runner.invoke(app, ["show", str(sample), "--html", str(page)]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    rows = json.loads(runner.invoke(app, ["show", str(sample), "--json"]).output)["quantities"]
    assert html.count("documents_issued") >= sum(r["indicator"] == "documents_issued" for r in rows) > 0


def test_a_bad_file_is_reported_and_the_batch_goes_on(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SAMPLES / "bao-cao-tuyen-giao-2023.txt", inputs / "good.txt")
    (inputs / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (inputs / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(inputs), "--out", str(out)])
    assert result.exit_code == 0
    docs = {d["source"]: d for d in pq.read_table(out / "documents.parquet").to_pylist()}
    assert docs["good.txt"]["status"] == "ok" and docs["good.txt"]["n_quantities"] > 0
    assert docs["broken.docx"]["status"] != "ok" and docs["broken.docx"]["error"]
    assert docs["empty.txt"]["status"] == "empty"
    strict = runner.invoke(app, ["run", str(inputs), "--out", str(out), "--strict"])
    assert strict.exit_code == 1


def test_progress_goes_to_stderr_when_asked_and_stays_out_of_logs_otherwise(tmp_path):
    quiet = runner.invoke(app, ["run", str(SAMPLES), "--out", str(tmp_path / "quiet")])
    done = f"files {len(_reports())}/{len(_reports())},"
    assert quiet.exit_code == 0 and done not in quiet.stderr
    shown = runner.invoke(app, ["run", str(SAMPLES), "--out", str(tmp_path / "shown"), "--progress"])
    assert shown.exit_code == 0
    assert done in shown.stderr and done not in shown.stdout


def test_eval_reads_a_gold_folder_made_of_links(tmp_path):
    """A selection of gold texts made with links (to keep some texts apart) scores as the texts themselves."""
    selection = tmp_path / "selection"
    selection.mkdir()
    for path in SAMPLES.iterdir():
        (selection / path.name).symlink_to(path)
    direct = runner.invoke(app, ["eval", "--gold", str(SAMPLES), "--json"])
    linked = runner.invoke(app, ["eval", "--gold", str(selection), "--json"])
    assert direct.exit_code == linked.exit_code == 0, linked.output
    assert json.loads(linked.stdout)["f1"] == json.loads(direct.stdout)["f1"] > 0.9


DEV = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.mark.skipif(not (SHARED_SCORER.exists() and DEV.is_dir()), reason="the dev corpus is not beside this checkout")
def test_eval_agrees_with_the_reference_scorer_on_the_dev_corpus(tmp_path):
    """The dev corpus holds the shapes samples/ does not (abbreviated units, repeated figures)."""
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(DEV), "--out", str(out), "--jobs", "1"]).exit_code == 0
    reference = subprocess.run(
        [sys.executable, str(SHARED_SCORER), str(DEV), str(out / "indicators"), "--docs", str(out / "documents.parquet")],
        capture_output=True, text=True, check=True)
    expected = json.loads(reference.stdout)
    ours = json.loads(runner.invoke(app, ["eval", "--gold", str(DEV), "--pred", str(out), "--json"]).output)
    assert {key: ours[key] for key in expected} == expected
