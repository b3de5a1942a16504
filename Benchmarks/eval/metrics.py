"""Judgments and the two measures of the graded evaluation: nDCG@10 and MRR.

Benchmark tool only, never a runtime dependency of talks. The Swift floor test
(`Tests/TalksSearchTests/GradedEvaluationTests.swift`) computes the same two measures the
same way; keep them in step.

- A ranking is a list of cues `(episode id, cue start)`, best first; only the first 10 count.
- Gain of a cue = 2^grade - 1 (grade 0-3 from the judgments; an unjudged cue is 0).
- DCG@10 = sum over ranks r = 1..10 of gain / log2(r + 1); nDCG@10 = DCG / ideal DCG, where
  the ideal ranking is the query's judged grades in descending order.
- MRR: 1 / rank of the first cue with grade >= 1 within the first 10, else 0; averaged.
- A query judged "must return nothing" (class `nothing`) has no nDCG or MRR; its measure
  is whether the engine returned zero results, reported as the share of such queries.
- Cue starts are compared to the millisecond.
"""

import csv
import math
import os
from collections import OrderedDict

DEPTH = 10
NOTHING = "nothing"


class Query:
    """One judged query: id, class, text, archive, and grades by (episode, start ms)."""

    def __init__(self, query_id, kind, text, archive):
        self.id = query_id
        self.kind = kind
        self.text = text
        self.archive = archive
        self.grades = {}

    @property
    def must_find_nothing(self):
        return self.kind == NOTHING


def cue_key(episode, start):
    return (episode, int(round(float(start) * 1000)))


def read_judgments(path):
    """Queries in file order from a judgments TSV (lines starting with # are comments)."""
    queries = OrderedDict()
    with open(path, encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        query = queries.get(row["query_id"])
        if query is None:
            query = Query(row["query_id"], row["class"], row["query"], row["archive"])
            queries[query.id] = query
        elif (query.kind, query.text) != (row["class"], row["query"]):
            raise ValueError(f"{path}: query {query.id} has two texts or classes")
        if row["episode"] != "-":
            key = cue_key(row["episode"], row["cue_start"])
            if key in query.grades:
                raise ValueError(f"{path}: {query.id} judges {key} twice")
            grade = int(row["grade"])
            if not 0 <= grade <= 3:
                raise ValueError(f"{path}: {query.id} grade {grade} is not 0-3")
            query.grades[key] = grade
    for query in queries.values():
        if query.must_find_nothing and any(query.grades.values()):
            raise ValueError(f"{path}: {query.id} must find nothing but has relevant cues")
        if not query.must_find_nothing and not any(query.grades.values()):
            raise ValueError(f"{path}: {query.id} has no relevant cue")
    return list(queries.values())


def gain(grade):
    return (1 << grade) - 1


def ndcg(ranking, grades, depth=DEPTH):
    dcg = sum(gain(grades.get(key, 0)) / math.log2(rank + 2)
              for rank, key in enumerate(ranking[:depth]))
    ideal = sorted(grades.values(), reverse=True)[:depth]
    best = sum(gain(grade) / math.log2(rank + 2) for rank, grade in enumerate(ideal))
    return dcg / best if best else 0.0


def reciprocal_rank(ranking, grades, depth=DEPTH):
    for rank, key in enumerate(ranking[:depth]):
        if grades.get(key, 0) >= 1:
            return 1.0 / (rank + 1)
    return 0.0


def score(queries, rankings):
    """Per class and overall: {class: {"n", "ndcg", "mrr"}} plus "nothing" zero-result share.

    rankings: {query id: [(episode, start ms), ...]} (an engine's answer, best first).
    """
    by_class = OrderedDict()
    for query in queries:
        ranking = rankings.get(query.id, [])
        entry = by_class.setdefault(query.kind, {"n": 0, "ndcg": 0.0, "mrr": 0.0, "empty": 0})
        entry["n"] += 1
        if query.must_find_nothing:
            entry["empty"] += 1 if not ranking else 0
        else:
            entry["ndcg"] += ndcg(ranking, query.grades)
            entry["mrr"] += reciprocal_rank(ranking, query.grades)
    overall = {"n": 0, "ndcg": 0.0, "mrr": 0.0}
    result = OrderedDict()
    for kind, entry in by_class.items():
        if kind == NOTHING:
            result[kind] = {"n": entry["n"], "empty_share": entry["empty"] / entry["n"]}
            continue
        overall["n"] += entry["n"]
        overall["ndcg"] += entry["ndcg"]
        overall["mrr"] += entry["mrr"]
        result[kind] = {"n": entry["n"], "ndcg": entry["ndcg"] / entry["n"],
                        "mrr": entry["mrr"] / entry["n"]}
    if overall["n"]:
        result["overall"] = {"n": overall["n"], "ndcg": overall["ndcg"] / overall["n"],
                             "mrr": overall["mrr"] / overall["n"]}
    return result


def repository_root():
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
