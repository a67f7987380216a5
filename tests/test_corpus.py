"""Scores on the project's own annotated reports: samples/ and the blind-written tests/corpus/.

tests/corpus/ was written and annotated by a teammate who never saw the rules or the code,
from ANNOTATION.md alone; it guards against rules that only fit the texts they were tuned on.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from report_extract.api import extract_file
from report_extract.evaluate import load_gold, score

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("folder", [ROOT / "samples", ROOT / "tests" / "corpus"], ids=["samples", "heldout"])
def test_corpus_scores(folder):
    docs, rows = [], []
    for path in sorted(folder.iterdir()):
        if not path.name.endswith(".gold.json"):  # every format a sample comes in: .txt, .md, .docx, .pdf
            doc, quantities = extract_file(path, path.name)
            docs.append(doc)
            rows.extend(quantities)
    result = score(load_gold(folder), rows, docs)
    assert result["f1"] >= 0.97, result["misses"][:5] + result["extras"][:5]
    assert result["indicator_acc"] >= 0.9
    assert result["year_acc"] >= 0.9 and result["unit_acc"] >= 0.9, result["wrong_documents"]
