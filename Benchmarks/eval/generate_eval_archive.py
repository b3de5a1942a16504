#!/usr/bin/env python3
"""Generate the judged evaluation archive: filler episodes plus planted, graded sentences.

    Benchmarks/eval/generate_eval_archive.py --out DIR [--episodes 60] [--seed 1]
                                             [--judgments FILE]

The filler is `generate_archive.py`'s word salad (wordfreq frequencies, hunspell forms,
topic compounds, 1-3 speakers), episode for episode the same random streams. Two things
are done to it, both deterministic:

1. Scrub: every filler word (and title, description and tag) that contains one of the
   `scrub` substrings of `plantings.GROUPS` is replaced by another word drawn from the
   same vocabulary, so no filler cue holds a relevant form of any evaluation query.
2. Plant: every sentence of every group replaces the words of one cue (distractors of the
   near-pair groups in `copies` cues), chosen with a seeded random stream; the sentences
   of a speaker group go into one episode with at least two speakers, each sentence into
   a cue of the speaker it names.

The judgments (one row per query and planted cue with a grade above 0, and one `-` row
for a query that must find nothing) come from the planting and are written as TSV:
query_id, class, query, archive, episode, cue_start, grade. The same arguments give the
same archive and the same judgments, byte for byte.

Benchmark tool only, never a runtime dependency of talks.
"""

import argparse
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
import generate_archive  # noqa: E402
import plantings  # noqa: E402
import swedish_vocabulary  # noqa: E402

WORD = re.compile(r"^(\w+)(\W*)$")
ARCHIVE_NAME = "generated"


def reserved_substrings():
    substrings = []
    for group in plantings.GROUPS:
        substrings.extend(group["scrub"])
    return sorted(set(substrings))


def is_reserved(word, reserved):
    lowered = word.lower()
    return any(part in lowered for part in reserved)


class Scrubber:
    """Replaces reserved words by other vocabulary words from its own random stream."""

    def __init__(self, vocabulary, reserved, seed, index):
        self.vocabulary = vocabulary
        self.reserved = reserved
        self.random = random.Random(f"talks-eval/{seed}/scrub/{index}")
        self.replaced = 0

    def replacement(self):
        while True:
            word = self.random.choices(self.vocabulary.common_words,
                                       cum_weights=self.vocabulary.common_cumulative)[0]
            if not is_reserved(word, self.reserved):
                return word

    def word(self, token):
        match = WORD.match(token)
        core, tail = (match.group(1), match.group(2)) if match else (token, "")
        if not is_reserved(core, self.reserved):
            return token
        self.replaced += 1
        new = self.replacement()
        if core[:1].isupper():
            new = new[:1].upper() + new[1:]
        return new + tail

    def words(self, tokens):
        return [self.word(token) for token in tokens]

    def text(self, text):
        return " ".join(self.words(text.split(" ")))


def build_episodes(count, seed):
    vocabulary = swedish_vocabulary.Vocabulary()
    reserved = reserved_substrings()
    episodes = []
    replaced = 0
    for index in range(count):
        episode, cues, speakers = generate_archive.EpisodeWriter(vocabulary, seed, index).build()
        scrubber = Scrubber(vocabulary, reserved, seed, index)
        cues = [(start, end, speaker, scrubber.words(words)) for start, end, speaker, words in cues]
        episode["title"] = scrubber.text(episode["title"])
        episode["description"] = scrubber.text(episode["description"])
        episode["tags"] = [tag for tag in episode["tags"] if not is_reserved(tag, reserved)]
        replaced += scrubber.replaced
        episodes.append([episode, cues, speakers])
    return episodes, replaced


def plant(episodes, seed):
    """Plants every sentence; returns {(group name, label): [(episode index, cue index)]}
    and {group name: (speaker 0 name, speaker 1 name)} for the speaker groups."""
    rng = random.Random(f"talks-eval/{seed}/plant")
    taken = set()
    where = {}
    speaker_names = {}

    def free_cue(episode_index, speaker=None):
        cues = episodes[episode_index][1]
        candidates = [i for i, cue in enumerate(cues)
                      if (episode_index, i) not in taken and (speaker is None or cue[2] == speaker)]
        return rng.choice(candidates)

    for group in plantings.GROUPS:
        has_speakers = any(len(sentence) > 2 for sentence in group["sentences"])
        if has_speakers:
            choices = [i for i, e in enumerate(episodes) if len(e[2]) >= 2]
            fixed_episode = rng.choice(choices)
            names = episodes[fixed_episode][2]
            speaker_names[group["name"]] = (names[0]["name"], names[1]["name"])
        for sentence in group["sentences"]:
            label, text = sentence[0], sentence[1]
            speaker = sentence[2] if len(sentence) > 2 else None
            copies = group.get("copies", 1) if label.startswith("x") else 1
            for _ in range(copies):
                episode_index = fixed_episode if has_speakers else rng.randrange(len(episodes))
                cue_index = free_cue(episode_index, speaker)
                taken.add((episode_index, cue_index))
                start, end, cue_speaker, _ = episodes[episode_index][1][cue_index]
                episodes[episode_index][1][cue_index] = (start, end, cue_speaker, text.split(" "))
                where.setdefault((group["name"], label), []).append((episode_index, cue_index))
    return where, speaker_names


def seconds(milliseconds):
    """A cue start as talks reports it: seconds with up to three decimals (1462.812)."""
    return f"{milliseconds // 1000}.{milliseconds % 1000:03d}".rstrip("0").rstrip(".")


def judgments(episodes, where, speaker_names):
    rows = []
    for group in plantings.GROUPS:
        names = speaker_names.get(group["name"], ("", ""))
        for query_id, kind, query, grades in group["queries"]:
            text = query.replace("{speaker0}", names[0]).replace("{speaker1}", names[1])
            judged = []
            for label, grade in grades.items():
                for episode_index, cue_index in where[(group["name"], label)]:
                    episode = episodes[episode_index][0]
                    start_ms = episodes[episode_index][1][cue_index][0]
                    judged.append((episode["id"], start_ms, grade))
            if not judged:
                rows.append((query_id, kind, text, ARCHIVE_NAME, "-", "-", 0))
            for episode_id, start_ms, grade in sorted(judged):
                rows.append((query_id, kind, text, ARCHIVE_NAME, episode_id,
                             seconds(start_ms), grade))
    return rows


def cross_check(where):
    """Planted sentences that contain another group's scrubbed text: printed for review
    (the near-pair distractors are meant to; anything else is a judging mistake)."""
    notes = []
    for group in plantings.GROUPS:
        for other in plantings.GROUPS:
            if other is group:
                continue
            for sentence in other["sentences"]:
                hits = [part for part in group["scrub"] if part in sentence[1].lower()]
                if hits:
                    notes.append(f"{group['name']}: '{sentence[1]}' ({other['name']}.{sentence[0]}) "
                                 f"contains {hits}")
    return notes


def write(episodes, out):
    os.makedirs(out, exist_ok=True)
    for episode, cues, speakers in episodes:
        folder = os.path.join(out, episode["id"])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "episode.json"), "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(episode, ensure_ascii=False, indent=2) + "\n")
        with open(os.path.join(folder, "transcript.vtt"), "wb") as f:
            f.write(generate_archive.vtt_text(cues, speakers).encode("utf-8"))
    # Synonyms are read from the archive folder at query time (SynonymSource), so the
    # organisers' groups the synonym queries are judged with go beside the episodes.
    with open(os.path.join(out, "synonyms.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Organisers' synonyms for the generated evaluation archive "
                "(plantings.SYNONYMS).\n")
        for group in plantings.SYNONYMS:
            f.write(", ".join(group) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="archive folder to write")
    parser.add_argument("--episodes", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--judgments", help="write the judgments TSV here")
    parser.add_argument("--check", action="store_true",
                        help="print planted sentences that contain another group's forms")
    arguments = parser.parse_args()

    episodes, replaced = build_episodes(arguments.episodes, arguments.seed)
    where, speaker_names = plant(episodes, arguments.seed)
    write(episodes, arguments.out)
    rows = judgments(episodes, where, speaker_names)
    if arguments.judgments:
        with open(arguments.judgments, "w", encoding="utf-8", newline="\n") as f:
            f.write(f"# written by Benchmarks/eval/generate_eval_archive.py --episodes "
                    f"{arguments.episodes} --seed {arguments.seed}; do not edit, edit plantings.py\n")
            f.write("query_id\tclass\tquery\tarchive\tepisode\tcue_start\tgrade\n")
            for row in rows:
                f.write("\t".join(str(value) for value in row) + "\n")
    if arguments.check:
        for note in cross_check(where):
            print("check:", note, file=sys.stderr)
    queries = len({row[0] for row in rows})
    cues = sum(len(e[1]) for e in episodes)
    print(f"generate_eval_archive: {len(episodes)} episodes, {cues} cues, {replaced} filler words "
          f"scrubbed, {queries} queries, {len(rows)} judgment rows", file=sys.stderr)


if __name__ == "__main__":
    main()
