#!/usr/bin/env python3
"""The graded relevance evaluation: talks, SQLite FTS5 and Tantivy on judged queries.

    Benchmarks/eval/evaluate.py --talks BIN --work DIR
        [--set archive=JUDGMENTS.tsv:ARCHIVE_DIR ...] [--json OUT] [--markdown OUT]

For each judged set (a judgments TSV and the archive it judges) every engine indexes the
archive and answers every query; each answer becomes a ranked list of cues, scored with
`metrics.py` (nDCG@10, MRR, and for the must-find-nothing class the share of queries
with zero results). Prints one table per set and one over all sets.

Engines, set up as close to talks as each allows:
- talks: `talks ingest ARCHIVE --index DIR`, then `talks search --queries FILE --json
  --limit 10 --hits 10`; the ranking is the episodes in order, each episode's hits in order.
- SQLite FTS5 (Python sqlite3): one row per cue (text, speaker), `unicode61
  remove_diacritics 2` (case and diacritics folded: å/ä/ö typed without dots match), no
  stemming; the talks query language translated by `peers/fts5_peer.py` (words ANDed in
  the text column, "phrases", -word as NOT, speaker:"X" as a speaker-column phrase);
  top 10 cues by bm25().
- Tantivy 0.27 (tantivy-py): one document per cue, simple tokenizer + lowercase + Snowball
  Swedish stemmer, queries built by `peers/tantivy_peer.py` (Must/MustNot, phrase,
  speaker field); top 10 cues by BM25.
Both peers get the speaker of a cue from its voice tag or, like talks, from a leading
"Name Surname:" in a cue without one (Zoom-style transcripts).

Benchmark tool only, never a runtime dependency of talks.
"""

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "peers"))
import common  # noqa: E402
import metrics  # noqa: E402

NAME_PREFIX = re.compile(r"^([A-ZÅÄÖ][\w-]+(?: [A-ZÅÄÖ][\w-]+){1,3}): (.+)$", re.S)
LIMIT = 10


def load_archive(path):
    """common.load_archive, plus the speaker of a cue named in a leading "Name: " prefix."""
    episodes = common.load_archive(path)
    for episode in episodes:
        cues = []
        for start, end, speaker, text in episode["cues"]:
            if not speaker:
                match = NAME_PREFIX.match(text)
                if match:
                    speaker, text = match.group(1), match.group(2)
            cues.append((start, end, speaker, text))
        episode["cues"] = cues
    return episodes


def check_cues_exist(queries, episodes, judgments):
    """Every judged cue must be a cue of the archive (a mistyped start would count 0)."""
    cues = {metrics.cue_key(episode["id"], cue[0]) for episode in episodes for cue in episode["cues"]}
    missing = [(query.id, key) for query in queries for key in query.grades if key not in cues]
    if missing:
        raise SystemExit(f"{judgments}: {len(missing)} judged cues are not in the archive, "
                         f"first {missing[:5]}")


# --------------------------------------------------------------------------- engines

def run_talks(talks, archive, queries, work):
    index = os.path.join(work, "talks-index")
    shutil.rmtree(index, ignore_errors=True)
    subprocess.run([talks, "ingest", archive, "--index", index], check=True,
                   stdout=subprocess.DEVNULL)
    query_file = os.path.join(work, "queries.txt")
    with open(query_file, "w", encoding="utf-8") as f:
        for query in queries:
            f.write(query.text + "\n")
    output = subprocess.run([talks, "search", "--queries", query_file, "--index", index,
                             "--json", "--limit", str(LIMIT), "--hits", str(LIMIT)],
                            check=False, capture_output=True, text=True)
    lines = [json.loads(line) for line in output.stdout.splitlines() if line.strip()]
    if len(lines) != len(queries):
        raise SystemExit(f"talks answered {len(lines)} of {len(queries)} queries: {output.stderr}")
    answers = {}
    for query, line in zip(queries, lines):
        if line.get("query") != query.text:
            raise SystemExit(f"talks answered '{line.get('query')}' for '{query.text}'")
        # A hit's "start" is when its first matched word is said (word times); the judged
        # cue is the one starting at "cue_start".
        ranking = [metrics.cue_key(result["episode"]["id"], hit.get("cue_start", hit["start"]))
                   for result in line.get("results", []) for hit in result.get("hits", [])]
        answers[query.id] = (ranking, len(line.get("results", [])))
    return answers


def run_fts5(episodes, queries, work):
    import fts5_peer
    path = os.path.join(work, "fts5.sqlite")
    if os.path.exists(path):
        os.remove(path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("CREATE TABLE episodes(rowid INTEGER PRIMARY KEY, id TEXT)")
    connection.execute("""CREATE VIRTUAL TABLE cues USING fts5(text, speaker,
        episode UNINDEXED, start UNINDEXED, tokenize="unicode61 remove_diacritics 2")""")
    with connection:
        for rowid, episode in enumerate(episodes, 1):
            connection.execute("INSERT INTO episodes VALUES (?, ?)", (rowid, episode["id"]))
            connection.executemany(
                "INSERT INTO cues(text, speaker, episode, start) VALUES (?,?,?,?)",
                ((text, speaker or "", rowid, start) for start, _, speaker, text in episode["cues"]))
    answers = {}
    for query in queries:
        expression, conditions, parameters = fts5_peer.translate(query.text)
        rows = []
        if expression is not None:
            where = "".join(" AND " + condition for condition in conditions)
            try:
                rows = connection.execute(
                    "SELECT e.id, c.start FROM cues AS c JOIN episodes AS e ON e.rowid = c.episode "
                    f"WHERE cues MATCH ?{where} ORDER BY bm25(cues) LIMIT ?",
                    [expression] + parameters + [LIMIT]).fetchall()
            except sqlite3.OperationalError as failure:
                print(f"fts5: '{query.text}': {failure}", file=sys.stderr)
        answers[query.id] = ([metrics.cue_key(episode, start) for episode, start in rows], len(rows))
    connection.close()
    return answers


def run_tantivy(episodes, queries, work):
    import tantivy_peer
    path = os.path.join(work, "tantivy")
    index, schema = tantivy_peer.build(episodes, path)
    translator = tantivy_peer.Translator(index, schema)
    searcher = index.searcher()
    answers = {}
    for query in queries:
        whole, _ = translator.translate(query.text)
        ranking = []
        if whole is not None:
            for _, address in searcher.search(whole, LIMIT).hits:
                document = searcher.doc(address)
                episode = episodes[document["episode"][0]]
                ranking.append(metrics.cue_key(episode["id"], document["start"][0]))
        answers[query.id] = (ranking, len(ranking))
    return answers


# --------------------------------------------------------------------------- report

ENGINES = ("talks", "Tantivy", "FTS5")


def evaluate(answers_by_engine, queries):
    scores = {}
    for engine, answers in answers_by_engine.items():
        rankings = {query_id: ranking for query_id, (ranking, count) in answers.items()}
        counts = {query_id: count for query_id, (ranking, count) in answers.items()}
        result = metrics.score(queries, rankings)
        nothing = [query for query in queries if query.must_find_nothing]
        if nothing:
            result[metrics.NOTHING] = {
                "n": len(nothing),
                "empty_share": sum(1 for q in nothing if counts.get(q.id, 0) == 0) / len(nothing)}
        scores[engine] = result
    return scores


def table(title, scores, queries):
    classes = []
    for query in queries:
        if query.kind not in classes and query.kind != metrics.NOTHING:
            classes.append(query.kind)
    header = "| class | queries | " + " | ".join(f"{e} nDCG@10 | {e} MRR" for e in ENGINES) + " |"
    lines = [f"### {title}", "", header, "|" + "---|" * (2 + 2 * len(ENGINES))]
    for kind in classes + ["overall"]:
        row = scores[ENGINES[0]].get(kind)
        if row is None:
            continue
        cells = []
        for engine in ENGINES:
            entry = scores[engine][kind]
            cells.append(f"{entry['ndcg']:.3f} | {entry['mrr']:.3f}")
        name = f"**{kind}**" if kind == "overall" else kind
        lines.append(f"| {name} | {row['n']} | " + " | ".join(cells) + " |")
    if metrics.NOTHING in scores[ENGINES[0]]:
        n = scores[ENGINES[0]][metrics.NOTHING]["n"]
        cells = " | ".join(f"{scores[e][metrics.NOTHING]['empty_share']:.2f} | –" for e in ENGINES)
        lines.append(f"| must find nothing: share with zero results | {n} | {cells} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--talks", required=True, help="the talks executable")
    parser.add_argument("--work", required=True, help="scratch folder for the indexes")
    parser.add_argument("--set", action="append", required=True, metavar="NAME=JUDGMENTS:ARCHIVE",
                        help="a judged set: its name, judgments TSV and archive folder")
    parser.add_argument("--json", help="write every query's answer and scores here")
    parser.add_argument("--markdown", help="write the tables here")
    arguments = parser.parse_args()

    all_queries, all_answers, sections, details = [], {e: {} for e in ENGINES}, [], {}
    for spec in arguments.set:
        name, _, rest = spec.partition("=")
        judgments, _, archive = rest.partition(":")
        queries = metrics.read_judgments(judgments)
        work = os.path.join(arguments.work, name)
        os.makedirs(work, exist_ok=True)
        episodes = load_archive(archive)
        check_cues_exist(queries, episodes, judgments)
        print(f"evaluate: {name}: {len(queries)} queries, {len(episodes)} episodes, "
              f"{sum(len(e['cues']) for e in episodes)} cues", file=sys.stderr)
        answers = {"talks": run_talks(arguments.talks, archive, queries, work),
                   "FTS5": run_fts5(episodes, queries, work),
                   "Tantivy": run_tantivy(episodes, queries, work)}
        scores = evaluate(answers, queries)
        sections.append(table(f"{name} ({len(queries)} queries)", scores, queries))
        all_queries.extend(queries)
        for engine in ENGINES:
            all_answers[engine].update(answers[engine])
        for query in queries:
            details[query.id] = {
                "class": query.kind, "query": query.text, "set": name,
                **{engine: {"ndcg": round(metrics.ndcg(answers[engine][query.id][0], query.grades), 3),
                            "results": answers[engine][query.id][1],
                            "top": [list(key) for key in answers[engine][query.id][0][:3]]}
                   for engine in ENGINES}}
    if len(arguments.set) > 1:
        scores = evaluate(all_answers, all_queries)
        sections.append(table(f"all sets ({len(all_queries)} queries)", scores, all_queries))
    text = "\n".join(sections)
    print(text)
    if arguments.markdown:
        with open(arguments.markdown, "w", encoding="utf-8") as f:
            f.write(text)
    if arguments.json:
        with open(arguments.json, "w", encoding="utf-8") as f:
            json.dump(details, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
