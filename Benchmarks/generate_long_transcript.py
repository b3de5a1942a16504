#!/usr/bin/env python3
"""Generate one episode with a very long transcript, for the memory bound of `talks ingest`.

    Benchmarks/generate_long_transcript.py --out DIR [--cues 81795] [--cue-bytes 700] [--seed 1]

Writes DIR/long/episode.json and DIR/long/transcript.vtt: one episode of CUES cues of
about CUE_BYTES bytes of Swedish text each (the same word salad as generate_archive.py:
wordfreq's Swedish words with hunspell forms, topic compounds, phrases), 1-3 speakers with
voice tags. The defaults give a transcript of about 60 MB and 81,795 cues, the shape that
once took `talks ingest --memory 256` to 890 MB. Deterministic for a given seed.

Benchmark tool only, never a runtime dependency of talks.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate_archive  # noqa: E402
import swedish_vocabulary  # noqa: E402


def generate(out, cues, cue_bytes, seed):
    vocabulary = swedish_vocabulary.Vocabulary()
    writer = generate_archive.EpisodeWriter(vocabulary, seed, 0)
    episode, _, speakers = writer.build()
    rng = writer.random
    topic_forms = vocabulary.topic_forms[vocabulary.topics[0]]
    state = {"sentence_start": True, "sentence_left": 10}
    folder = os.path.join(out, "long")
    os.makedirs(folder, exist_ok=True)
    now = 1000
    text_bytes = 0
    path = os.path.join(folder, "transcript.vtt")
    with open(path, "w", encoding="utf-8", newline="\n") as vtt:
        vtt.write("WEBVTT\n\n")
        for number in range(1, cues + 1):
            words = []
            length = 0
            while length < cue_bytes:
                more = writer.cue_texts(12, topic_forms, state)
                words += more
                length += sum(len(word.encode("utf-8")) + 1 for word in more)
            text = " ".join(words)
            text_bytes += len(text.encode("utf-8"))
            duration = 20000 + int(rng.random() * 20000)
            speaker = speakers[int(rng.random() * len(speakers))]["name"]
            vtt.write(f"{number}\n{generate_archive.timestamp(now)} --> "
                      f"{generate_archive.timestamp(now + duration)}\n<v {speaker}>{text}\n\n")
            now += duration
    episode["id"] = "long"
    episode["duration"] = round(now / 1000 + 2, 3)
    with open(os.path.join(folder, "episode.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(episode, ensure_ascii=False, indent=2) + "\n")
    return {"cues": cues, "cue_text_bytes": text_bytes, "vtt_bytes": os.path.getsize(path)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--cues", type=int, default=81795)
    parser.add_argument("--cue-bytes", type=int, default=700)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    print(json.dumps(generate(arguments.out, arguments.cues, arguments.cue_bytes, arguments.seed)))


if __name__ == "__main__":
    main()
