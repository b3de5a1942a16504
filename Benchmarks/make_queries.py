#!/usr/bin/env python3
"""Derive the benchmark query set from the generator's vocabulary and a 200-episode archive.

    Benchmarks/make_queries.py [--archive DIR]   (default: generates Benchmarks/work/archive-200)

Writes Benchmarks/queries.txt (one query a line, talks query language) and
Benchmarks/queries-kinds.tsv (kind TAB query, same order) so reports can break latency
down by kind. Every query is picked so that it hits the 200-episode archive (typos and
forms without å/ä/ö hit only an engine that corrects or folds). The output is checked in;
rerun only when the generator changes.

Benchmark tool only.
"""

import argparse
import collections
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import swedish_vocabulary  # noqa: E402

WORD = re.compile(r"[A-Za-zÅÄÖåäöéü0-9]+")
VOICE = re.compile(r"^<v [^>]+>")
FOLD = str.maketrans("åäöÅÄÖé", "aaoAAOe")


def read_archive(root):
    """Counts words and adjacent word pairs in the transcripts; collects speakers."""
    words = collections.Counter()
    pairs = collections.Counter()
    speakers = collections.Counter()
    cues = []  # (speaker, tokens) of every cue, for co-occurring AND queries
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name, "transcript.vtt")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            blocks = f.read().split("\n\n")[1:]
        for block in blocks:
            lines = block.rstrip("\n").split("\n")[2:]
            text = " ".join(lines)
            match = VOICE.match(text)
            speaker = None
            if match:
                speaker = match.group(0)[3:-1]
                speakers[speaker] += 1
                text = text[match.end():]
            tokens = [token.lower() for token in WORD.findall(text)]
            cues.append((speaker, tokens))
            words.update(tokens)
            pairs.update(zip(tokens, tokens[1:]))
    return words, pairs, speakers, cues


def typo(word, rng):
    """One edit: drop, swap or double a letter inside the word."""
    position = 1 + int(rng.random() * (len(word) - 3))
    kind = rng.choice(("drop", "swap", "double"))
    if kind == "drop":
        return word[:position] + word[position + 1:]
    if kind == "swap":
        return word[:position] + word[position + 1] + word[position] + word[position + 2:]
    return word[:position] + word[position] + word[position:]


def build(archive):
    rng = random.Random("talks-benchmark-queries/1")
    vocabulary = swedish_vocabulary.Vocabulary()
    counts, pairs, speakers, cues = read_archive(archive)
    queries = []
    known = vocabulary.hunspell.entries  # picks from the word list must be dictionary words

    def add(kind, query):
        if query not in [q for _, q in queries]:
            queries.append((kind, query))

    # Common words: mostly content words people type, a few function words.
    for word in ("och", "det", "inte"):
        add("common", word)
    common = [w for w in vocabulary.common_words[30:1500]
              if len(w) >= 4 and counts[w] > 0 and w in known]
    for word in rng.sample(common, 22):
        add("common", word)

    # Rare words: present in the 200-episode archive, 1-20 times.
    rare = sorted(w for w, c in counts.items()
                  if 1 <= c <= 20 and len(w) >= 6 and w.isalpha() and w in known)
    for word in rng.sample(rare, 25):
        add("rare", word)

    # Two- and three-word AND: words that occur together in one cue (cue-level AND hits).
    topic_bases = {forms[0] for topic in vocabulary.topic_forms.values() for forms in topic}
    places = {place.lower() for place in swedish_vocabulary.PLACES}
    mid = {w for w in vocabulary.common_words[100:3000] if len(w) >= 4 and w in known}

    def cooccurring(first_set, second_set, size):
        while True:
            _, tokens = cues[int(rng.random() * len(cues))]
            firsts = [t for t in tokens if t in first_set]
            seconds = sorted({t for t in tokens if t in second_set} - {firsts[0] if firsts else ""})
            if firsts and len(seconds) >= size - 1:
                picked = [firsts[0]] + rng.sample(seconds, size - 1)
                return " ".join(w.capitalize() if w in places else w for w in picked)

    for _ in range(12):
        add("and", cooccurring(topic_bases, mid, 2))
    for _ in range(6):
        add("and", cooccurring(topic_bases, places, 2))
    for _ in range(6):
        add("and", cooccurring(mid, mid, 2))
    for _ in range(6):
        add("and", cooccurring(topic_bases, mid, 3))
    topic_bases = sorted(topic_bases)

    # Phrases: common-word phrases (the expensive ones), topic phrases, real bigrams.
    for phrase in ("och sen", "det är", "så att", "på något sätt", "i och med att",
                   "till exempel", "just nu", "vi har"):
        add("phrase_common", f'"{phrase}"')
    for phrase in ("offentliga måltider", "gröna näringar", "ute på gårdarna", "under pandemin",
                   "på landsbygden", "det handlar om", "när det gäller", "i regionen"):
        add("phrase", f'"{phrase}"')
    bigrams = sorted(p for p, c in pairs.items()
                     if 3 <= c <= 200 and all(len(w) >= 4 and w in known for w in p))
    for first, second in rng.sample(bigrams, 9):
        add("phrase", f'"{first} {second}"')

    # Prefixes.
    for prefix in ("livsm", "kompetens", "vatten", "strateg", "skogs", "upphandl", "mjölk",
                   "besöks", "klimat", "landsbygd", "utbild", "gård", "för", "od", "kluster"):
        add("prefix", prefix + "*")

    # Compounds whole, and their parts.
    compounds = sorted(vocabulary.compound_forms)
    for word in ("livsmedelsstrategi", "kompetensförsörjning", "vattenbrist", "våtmark",
                 "djurhållning", "besöksnäring", "äldreomsorg", "skogsägare",
                 "klusterorganisation", "landsbygdsutveckling"):
        add("compound", word)
    for part in ("strategi", "försörjning", "brist", "näring", "omsorg", "ägare", "kedja",
                 "odling", "park", "turism"):
        add("compound_part", part)

    # Inflected forms (definite, plural, genitive) of topic nouns and places.
    for word in ("strategin", "strategierna", "torkan", "Östergötlands", "våtmarkerna",
                 "måltiderna", "kompetensförsörjningen", "skolan", "brunnarna", "kommunerna",
                 "livsmedelsstrategins", "upphandlingen", "gårdarna", "skogsägarna", "klustren",
                 "Linköpings", "innovationerna", "kockarna", "sensorerna", "bioekonomin"):
        add("inflected", word)

    # Typos: one edit in a topic form of 6+ letters.
    long_forms = sorted({form for compound in compounds for form in
                         vocabulary.compound_forms[compound][:3] if len(form) >= 6})
    for word in rng.sample(long_forms, 15):
        add("typo", typo(word, rng))

    # Without å/ä/ö.
    for word in ("vatmarker", "Ostergotland", "vaxtskydd", "aldreomsorgen", "maltider",
                 "skogsagare", "besoksnaring", "gardsbutik", "kompetensforsorjning",
                 "djurhallning", "mjolkgard", "Jamtland", "Orebro", "Sormland", "overgang"):
        add("folded", word)
    assert all(word.translate(FOLD) == word for kind, word in queries if kind == "folded")

    # OR and NOT.
    for left, right in (("torka", "vattenbrist"), ("skolmat", "måltider"), ("skog", "virke"),
                        ("kluster", "innovation"), ("turism", "besöksnäring"),
                        ("mjölk", "foder"), ("kurs", "utbildning"), ("kommun", "region")):
        add("or", f"{left} OR {right}")
    for left, right in (("livsmedel", "strategi"), ("skog", "virke"), ("vatten", "torka"),
                        ("kompetens", "utbildning"), ("kommun", "upphandling"),
                        ("gård", "mjölk"), ("klimat", "anpassning"), ("det", "och")):
        add("not", f"{left} -{right}")

    # Filters.
    named = [name for name, _ in speakers.most_common(6)]
    for name in named[:2]:
        said = sorted({t for speaker, tokens in cues if speaker == name for t in tokens
                       if t in topic_bases})
        add("filter", f'speaker:"{name}" {rng.choice(said)}')
    add("filter", f'speaker:"{named[2]}" "det är"')
    add("filter", 'series:"Landet lär" torka')
    add("filter", 'series:"Gröna samtal" livsmedelsstrategi')
    add("filter", "after:2020-01-01 livsmedelsstrategi")
    add("filter", "before:2020-01-01 vatten")
    add("filter", "after:2019-06-01 before:2020-06-01 kluster")
    return queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--archive", default=os.path.join(HERE, "work", "archive-200"))
    arguments = parser.parse_args()
    if not os.path.isdir(arguments.archive):
        subprocess.check_call([sys.executable, os.path.join(HERE, "generate_archive.py"),
                               "--episodes", "200", "--out", arguments.archive, "--seed", "1"])
    queries = build(arguments.archive)
    with open(os.path.join(HERE, "queries.txt"), "w", encoding="utf-8") as f:
        f.write("".join(query + "\n" for _, query in queries))
    with open(os.path.join(HERE, "queries-kinds.tsv"), "w", encoding="utf-8") as f:
        f.write("".join(f"{kind}\t{query}\n" for kind, query in queries))
    kinds = collections.Counter(kind for kind, _ in queries)
    print(f"{len(queries)} queries: " + ", ".join(f"{k} {v}" for k, v in kinds.items()))


if __name__ == "__main__":
    main()
