"""Figures on the evaluation set (tests/data/real/figures/): every figure of each document
written out by hand, scored for precision, recall and "all fields right" (value, unit, kind,
year, region, qualifier). docs/quality.md records the scores; run this file with -s to print
them and the remaining errors."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from metroviewer.core.models import Figure
from metroviewer.figures.extract import article_figures
from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.regions.tagger import RegionTagger

SET = Path(__file__).parent / "data" / "real" / "figures"
FIELDS = ("kind", "year", "region", "qualifier")


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    right: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def all_right(self) -> float:
        return self.right / self.gold if self.gold else 1.0


def _key(kind: str, value: Any, high: Any, unit: str, year: Any, when: Any) -> tuple[Any, ...]:
    """What identifies a figure in its document: its value and unit (a milestone: its date)."""
    if kind == "milestone":
        return ("milestone", when or str(year))
    return (value, high, unit)


def _fields(f: Figure) -> dict[str, Any]:
    return {"kind": f.kind, "year": f.year, "region": f.region_id, "qualifier": f.qualifier}


@lru_cache(maxsize=1)
def _tagger() -> RegionTagger:
    return RegionTagger(default_gazetteer())


def score_set() -> Score:
    score = Score()
    documents = sorted(SET.glob("*.json"))
    for path in documents:
        doc = json.loads(path.read_text(encoding="utf-8"))
        predicted = article_figures(doc["title"], doc["body"], _tagger())
        score.gold += len(doc["figures"])
        score.predicted += len(predicted)
        unmatched = list(predicted)
        for gold in doc["figures"]:
            key = _key(gold["kind"], gold["value"], gold.get("high"), gold["unit"], gold["year"], gold.get("when"))
            found = next((f for f in unmatched if _key(f.kind, f.value, f.high, f.unit, f.year, f.when) == key), None)
            if found is None:
                score.errors.append(f"{path.stem}: missed {gold['text']} ({gold['kind']}, {gold['region']})")
                continue
            unmatched.remove(found)
            score.matched += 1
            wrong = {k: (v, gold[k]) for k, v in _fields(found).items() if v != gold[k]}
            if wrong:
                said = ", ".join(f"{k} {got!r} for {want!r}" for k, (got, want) in wrong.items())
                score.errors.append(f"{path.stem}: {gold['text']}: {said}")
            else:
                score.right += 1
        score.errors.extend(f"{path.stem}: extra {f.text} ({f.kind}, {f.region_id})" for f in unmatched)
    return score


def test_the_set_has_at_least_fifteen_documents_in_both_languages():
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in SET.glob("*.json")]
    assert len(docs) >= 15
    assert {d["language"] for d in docs} == {"zh", "en"}
    for d in docs:
        assert d["figures"] and all(set(FIELDS) <= set(f) for f in d["figures"])


def test_figures_meet_the_quality_goals():
    score = score_set()
    print(f"\nfigures: {score.gold} labelled, {score.predicted} read, precision {score.precision:.3f}, "
          f"recall {score.recall:.3f}, all fields right {score.all_right:.3f}")
    for error in score.errors:
        print("  ", error)
    assert score.recall >= 0.90
    assert score.all_right >= 0.90
    assert score.precision >= 0.90


@pytest.mark.parametrize("path", sorted(SET.glob("*.json")), ids=lambda p: p.stem)
def test_labels_quote_their_document(path):
    """Each label's text is in its document, so a reader can check it (… marks a gap)."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    text = doc["title"] + "\n" + doc["body"]
    for f in doc["figures"]:
        assert all(part in text for part in f["text"].split("…")), f["text"]
