"""Region tagging scored on the evaluation set in tests/data/real/tagging/ (docs/quality.md).

Each document's first line is its title, the rest its body; expected.json holds the tags a
reader expects. Precision and recall are micro-averaged over the set: cities, metropolitan
areas and agglomerations together, and counties (county-level units) apart.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.regions.tagger import RegionTagger

FOLDER = Path(__file__).parent / "data" / "real" / "tagging"
AREA_KINDS = {"city", "metro", "agglomeration"}
GOALS = {"regions": (0.97, 0.95), "counties": (None, 0.90)}


def documents() -> list[dict]:
    return json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))["documents"]


@pytest.fixture(scope="module")
def scores() -> dict[str, dict]:
    gazetteer = default_gazetteer()
    tagger = RegionTagger(gazetteer)
    totals = {k: {"tp": 0, "fp": 0, "fn": 0, "errors": []} for k in GOALS}
    for doc in documents():
        title, _, body = (FOLDER / doc["file"]).read_text(encoding="utf-8").partition("\n")
        found = {m.region_id for m in tagger.tag(title, body)}
        got = {"regions": {r for r in found if gazetteer.regions[r].kind in AREA_KINDS},
               "counties": {r for r in found if gazetteer.regions[r].kind == "district"}}
        for key in GOALS:
            want = set(doc[key])
            total = totals[key]
            total["tp"] += len(got[key] & want)
            total["fp"] += len(got[key] - want)
            total["fn"] += len(want - got[key])
            total["errors"] += [f"{doc['file']}: extra {sorted(got[key] - want)}"] if got[key] - want else []
            total["errors"] += [f"{doc['file']}: missing {sorted(want - got[key])}"] if want - got[key] else []
    for total in totals.values():
        tp = total["tp"]
        total["precision"] = tp / (tp + total["fp"]) if tp + total["fp"] else 1.0
        total["recall"] = tp / (tp + total["fn"]) if tp + total["fn"] else 1.0
    return totals


def test_the_set_is_large_and_its_expected_tags_exist():
    docs = documents()
    assert len(docs) >= 30
    gazetteer = default_gazetteer()
    for doc in docs:
        assert (FOLDER / doc["file"]).exists(), doc["file"]
        for rid in doc["regions"]:
            assert gazetteer.regions[rid].kind in AREA_KINDS, rid
        for rid in doc["counties"]:
            assert gazetteer.regions[rid].kind == "district", rid


@pytest.mark.parametrize("key", list(GOALS))
def test_tagging_meets_its_goals(scores, key):
    total = scores[key]
    precision_goal, recall_goal = GOALS[key]
    report = (f"{key}: precision {total['precision']:.3f}, recall {total['recall']:.3f} "
              f"(tp {total['tp']}, fp {total['fp']}, fn {total['fn']})\n" + "\n".join(total["errors"]))
    print(report)
    if precision_goal is not None:
        assert total["precision"] >= precision_goal, report
    assert total["recall"] >= recall_goal, report
