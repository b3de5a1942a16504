#!/usr/bin/env python3
"""Tantivy peer: index the archive's cues, run the query set warm, print one JSON object.

    Benchmarks/peers/tantivy_peer.py --archive DIR --queries FILE --work DIR [--rounds 3]

Setup (the closest Tantivy has to talks): one document per cue; `text` indexed with
positions through a custom analyzer (simple tokenizer, lowercase, Snowball Swedish stemmer)
and stored; `speaker` with the default tokenizer, stored; `series` raw; episode number,
start, end and the episode's date (`ts`) as stored/fast fields. Episode metadata is kept in
a Python dict and joined for the top 10. Writer: 256 MB heap, as many threads as cores.
Build time = creating the writer, building the documents in Python, adding, committing and
waiting for merges. The archive is read and parsed before the clock starts.

Query translation (built with the Query API, terms run through the same analyzer):
words -> term queries ANDed (Must), "phrase" -> phrase query, prefix* -> regex query
`prefix.*` on the indexed (stemmed) terms, a OR b -> Should, -word -> MustNot,
speaker:"X" -> phrase on `speaker`, series -> term on `series`, after/before -> range on `ts`.
Typos and forms without å/ä/ö are searched as typed (no fuzzy, no folding) and still timed.
Top 10 by BM25, each with stored fields and an HTML snippet (SnippetGenerator).

Benchmark tool only.
"""

import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

import tantivy  # noqa: E402

HEAP_BYTES = 256_000_000


def analyzer():
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.stemmer("swedish"))
            .build())


def make_schema():
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text", stored=True, tokenizer_name="sv_stem", index_option="position")
    builder.add_text_field("speaker", stored=True, tokenizer_name="default",
                           index_option="position")
    builder.add_text_field("series", stored=False, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("episode", stored=True, indexed=False, fast=False)
    builder.add_integer_field("ts", stored=False, indexed=True, fast=True)
    builder.add_float_field("start", stored=True, indexed=False)
    builder.add_float_field("end", stored=True, indexed=False)
    return builder.build()


def build(episodes, path):
    if os.path.exists(path):
        shutil.rmtree(path)
    os.makedirs(path)
    schema = make_schema()
    index = tantivy.Index(schema, path=path)
    index.register_tokenizer("sv_stem", analyzer())
    writer = index.writer(heap_size=HEAP_BYTES, num_threads=0)
    for number, episode in enumerate(episodes):
        series = episode.get("series") or ""
        ts = episode["timestamp"]
        for start, end, speaker, text in episode["cues"]:
            writer.add_document(tantivy.Document(
                text=text, speaker=speaker or "", series=series, episode=number, ts=ts,
                start=float(start), end=float(end)))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index, schema


class Translator:
    def __init__(self, index, schema):
        self.index = index
        self.schema = schema
        self.text_analyzer = analyzer()
        self.default_analyzer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                                 .filter(tantivy.Filter.lowercase()).build())

    def words_query(self, field, tokens):
        if not tokens:
            return None
        if len(tokens) == 1:
            return tantivy.Query.term_query(self.schema, field, tokens[0])
        return tantivy.Query.phrase_query(self.schema, field, tokens)

    def clause_query(self, clause):
        if clause.kind in ("term", "phrase"):
            return self.words_query("text", self.text_analyzer.analyze(clause.value))
        if clause.kind == "prefix":
            return tantivy.Query.regex_query(self.schema, "text",
                                             re.escape(clause.value.lower()) + ".*")
        if clause.kind == "or":
            children = [self.clause_query(child) for child in clause.children]
            return tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, child) for child in children if child is not None])
        if clause.kind == "filter":
            if clause.field == "speaker":
                return self.words_query("speaker", self.default_analyzer.analyze(clause.value))
            if clause.field == "series":
                return tantivy.Query.term_query(self.schema, "series", clause.value)
            try:
                value = common.date_timestamp(clause.value)
            except ValueError:
                return None
            if clause.field == "after":
                return tantivy.Query.range_query(self.schema, "ts", tantivy.FieldType.Integer,
                                                 value, None)
            return tantivy.Query.range_query(self.schema, "ts", tantivy.FieldType.Integer,
                                             None, value, include_upper=False)
        return None

    def translate(self, query):
        """(whole query, text-only query for snippets) or (None, None)."""
        parts, text_parts = [], []
        positive = False
        for clause in common.parse_query(query):
            sub = self.clause_query(clause)
            if sub is None:
                continue
            occur = tantivy.Occur.MustNot if clause.negated else tantivy.Occur.Must
            parts.append((occur, sub))
            if not clause.negated:
                positive = True
                if clause.kind != "filter":
                    text_parts.append((tantivy.Occur.Must, sub))
        if not parts:
            return None, None
        if not positive:
            parts.append((tantivy.Occur.Must, tantivy.Query.all_query()))
        whole = tantivy.Query.boolean_query(parts)
        text_only = tantivy.Query.boolean_query(text_parts) if text_parts else None
        return whole, text_only


def make_search(index, schema, episodes, limit=10):
    translator = Translator(index, schema)
    searcher = index.searcher()

    def search(query):
        whole, text_only = translator.translate(query)
        if whole is None:
            return 0
        result = searcher.search(whole, limit)
        generator = None
        if text_only is not None and result.hits:
            generator = tantivy.SnippetGenerator.create(searcher, text_only, schema, "text")
        rows = []
        for score, address in result.hits:
            document = searcher.doc(address)
            episode = episodes[document["episode"][0]]
            snippet = generator.snippet_from_doc(document).to_html() if generator else ""
            rows.append((episode["id"], episode.get("title"), document["start"][0],
                         document["end"][0], document["speaker"][0], document["text"][0],
                         snippet, score))
        return len(rows)
    return search


def main():
    common.measure_peer(__doc__.split("\n\n")[0], "tantivy", "tantivy-py " + _version(),
                        "tantivy", lambda episodes, path: build(episodes, path),
                        lambda built, episodes: make_search(built[0], built[1], episodes),
                        extra=lambda built: {"threads": os.cpu_count(),
                                             "segments": built[0].searcher().num_segments})


def _version():
    try:
        from importlib.metadata import version
        return version("tantivy")
    except Exception:  # noqa: BLE001 - the version is informative only
        return "unknown"


if __name__ == "__main__":
    main()
