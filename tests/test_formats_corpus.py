"""The same reports in every form an archive holds them give the same figures.

Each annotated corpus (the project's samples and blind held-out reports, and the dev corpus
when ../shared is beside the checkout) is converted with the project's own converters to
docx, pdf, an HTML news page, UTF-16, Windows-1258, TCVN3, VNI and TCVN3-in-docx, then
scored: F1 must stay within 0.02 of the plain text's.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers.convert import to_cp1258, to_docx, to_html, to_pdf, to_tcvn3, to_utf16, to_vni

from report_extract.api import extract_file
from report_extract.evaluate import load_gold, score

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {"samples": ROOT / "samples", "heldout": ROOT / "tests" / "corpus",
           "dev": ROOT.parent / "shared" / "corpus" / "dev"}
FORMATS = {
    "docx": (".docx", to_docx),
    "pdf": (".pdf", to_pdf),
    "html": (".html", to_html),
    "utf16": (".txt", to_utf16),
    "cp1258": (".txt", to_cp1258),
    "tcvn3": (".txt", to_tcvn3),
    "vni": (".txt", to_vni),
    "tcvn3-docx": (".docx", lambda text, path: to_docx(text, path, font=".VnTime")),
}


def _score(folder: Path, files: list[Path]) -> dict:
    docs, rows = [], []
    for path in files:
        doc, quantities = extract_file(path, path.name)
        docs.append(doc)
        rows.extend(quantities)
    return score(load_gold(folder), rows, docs)


def _reports(folder: Path) -> list[Path]:
    """The annotated reports of a folder: those with a NAME.gold.json beside them."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md")
                  and (folder / f"{p.stem}.gold.json").exists())


@pytest.fixture(scope="module", params=[k for k, v in CORPORA.items() if v.exists()])
def corpus(request):
    folder = CORPORA[request.param]
    return folder, _score(folder, _reports(folder))


@pytest.mark.parametrize("form", list(FORMATS))
def test_every_form_scores_like_plain_text(corpus, form, tmp_path):
    folder, plain = corpus
    suffix, convert = FORMATS[form]
    converted = []
    for report in _reports(folder):
        target = tmp_path / (report.stem + suffix)
        convert(report.read_text(encoding="utf-8"), target)
        converted.append(target)
        shutil.copy(folder / f"{report.stem}.gold.json", tmp_path)
    result = _score(tmp_path, converted)
    assert result["f1"] >= plain["f1"] - 0.02, (form, result["f1"], plain["f1"], result["misses"][:3])
    assert result["year_acc"] >= plain["year_acc"] - 0.05 and result["unit_acc"] >= plain["unit_acc"] - 0.05
