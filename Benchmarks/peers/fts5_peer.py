#!/usr/bin/env python3
"""SQLite FTS5 peer: index the archive's cues, run the query set warm, print one JSON object.

    Benchmarks/peers/fts5_peer.py --archive DIR --queries FILE --work DIR [--rounds 3]

Setup (the closest FTS5 has to talks): one FTS5 row per cue with the cue text and the
speaker, `tokenize="unicode61 remove_diacritics 0"` (case folding, no stemming, å/ä/ö kept),
the episode rowid and cue times UNINDEXED; episode fields in a plain table joined at query
time (series/date filters). Ranking bm25(); snippet() with <mark>. Built in one transaction
with journal and sync off, then 'optimize' (counted in the build time). The archive is read
and parsed before the clock starts: build time is index build only.

Query translation: words -> "word" (AND), "phrase" -> "phrase", prefix* -> "prefix"*,
a OR b -> ("a" OR "b"), -word -> NOT, speaker:"X" -> speaker column phrase, series/after/before
-> SQL conditions. Typos and forms without å/ä/ö are searched as typed (FTS5 has no
correction or folding of å/ä/ö in this setup) and still timed.

Benchmark tool only.
"""

import json
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def build(episodes, path):
    if os.path.exists(path):
        os.remove(path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("""CREATE TABLE episodes(rowid INTEGER PRIMARY KEY, id TEXT, series TEXT,
        number INTEGER, title TEXT, date TEXT, ts INTEGER, speakers TEXT, recording TEXT,
        page TEXT)""")
    connection.execute("""CREATE VIRTUAL TABLE cues USING fts5(text, speaker,
        episode UNINDEXED, start UNINDEXED, end UNINDEXED,
        tokenize="unicode61 remove_diacritics 0")""")
    with connection:
        for rowid, episode in enumerate(episodes, 1):
            connection.execute("INSERT INTO episodes VALUES (?,?,?,?,?,?,?,?,?,?)", (
                rowid, episode["id"], episode.get("series"), episode.get("number"),
                episode.get("title"), episode.get("date"), episode["timestamp"],
                json.dumps(episode.get("speakers", []), ensure_ascii=False),
                episode.get("recording"), episode.get("page")))
            connection.executemany(
                "INSERT INTO cues(text, speaker, episode, start, end) VALUES (?,?,?,?,?)",
                ((text, speaker or "", rowid, start, end)
                 for start, end, speaker, text in episode["cues"]))
        connection.execute("INSERT INTO cues(cues) VALUES('optimize')")
    connection.execute("CREATE INDEX episodes_series ON episodes(series)")
    connection.commit()
    return connection


def quote(text):
    return '"' + text.replace('"', '""') + '"'


def match_expression(clause):
    if clause.kind == "term" or clause.kind == "phrase":
        return quote(clause.value)
    if clause.kind == "prefix":
        return quote(clause.value) + "*"
    if clause.kind == "or":
        return "(" + " OR ".join(match_expression(child) for child in clause.children) + ")"
    raise ValueError(clause.kind)


def translate(query):
    """(MATCH expression or None, SQL conditions, parameters)."""
    positives, negatives, conditions, parameters = [], [], [], []
    for clause in common.parse_query(query):
        if clause.kind == "filter":
            if clause.field == "speaker":
                (negatives if clause.negated else positives).append(
                    "speaker : " + quote(clause.value))
            elif clause.field == "series":
                conditions.append("e.series IS NOT ?" if clause.negated else "e.series = ?")
                parameters.append(clause.value)
            elif clause.field in ("after", "before"):
                try:
                    value = common.date_timestamp(clause.value)
                except ValueError:
                    continue
                conditions.append("e.ts >= ?" if clause.field == "after" else "e.ts < ?")
                parameters.append(value)
            continue
        expression = "text : " + match_expression(clause)
        (negatives if clause.negated else positives).append(expression)
    if not positives:
        return None, conditions, parameters  # FTS5 cannot run a purely negative query
    expression = " AND ".join(positives)
    if negatives:
        expression = "(" + expression + ") NOT (" + " OR ".join(negatives) + ")"
    return expression, conditions, parameters


def make_search(connection, limit=10):
    def search(query):
        expression, conditions, parameters = translate(query)
        if expression is None:
            return 0
        where = "".join(" AND " + condition for condition in conditions)
        rows = connection.execute(
            "SELECT e.id, e.title, e.series, e.date, c.start, c.end, c.speaker, c.text, "
            "snippet(cues, 0, '<mark>', '</mark>', '…', 12), bm25(cues) "
            "FROM cues AS c JOIN episodes AS e ON e.rowid = c.episode "
            f"WHERE cues MATCH ?{where} ORDER BY bm25(cues) LIMIT ?",
            [expression] + parameters + [limit]).fetchall()
        return len(rows)
    return search


def main():
    common.measure_peer(__doc__.split("\n\n")[0], "fts5", "SQLite " + sqlite3.sqlite_version,
                        "fts5.sqlite", build, lambda connection, _: make_search(connection),
                        extra=lambda _: {"threads": 1})


if __name__ == "__main__":
    main()
