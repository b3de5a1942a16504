#!/usr/bin/env python3
"""Generate one episode with a very long transcript, for the memory bound of `talks ingest`.

    Benchmarks/generate_long_transcript.py --out DIR [--cues 81795] [--cue-bytes 700]
        [--shape words|unique|letters|tiny|short|voices|ids] [--format vtt|srt] [--crlf] [--seed 1]

Writes DIR/long/episode.json and DIR/long/transcript.vtt (or .srt): one episode of CUES
cues of about CUE_BYTES bytes of text each. The defaults give a transcript of about 60 MB
and 81,795 cues of Swedish word salad (the words of generate_archive.py: wordfreq's Swedish
list with hunspell forms, topic compounds, phrases; 1-3 speakers with voice tags): the
shape that once took `talks ingest --memory 256` to 453 MB. The other shapes are the ones
the loading-cost estimate (`TranscriptLoadingCost`) was fitted on:

  unique   random 5-9 letter words, nearly all distinct (every word a term)
  letters  single letters a-ö separated by spaces (the most tokens per byte)
  tiny     one-letter cues (the most cues per byte; use --cues 100000)
  short    ~60-byte cues of common words (ordinary captions)
  voices   a 200-letter voice name and two words per cue
  ids      a 400-letter cue identifier and one word per cue

Deterministic for a given seed. Benchmark tool only, never a runtime dependency of talks.
"""

import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

LETTERS = "abcdefghijklmnopqrstuvwxyzåäö"
COMMON = ["och", "det", "att", "är", "som", "en", "på", "för", "med", "har", "strategi",
          "livsmedelsstrategin", "vatten", "kommunen", "landsbygden", "utveckling"]


def timestamp(milliseconds, separator="."):
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def fill(rng, cue_bytes, word):
    words, length = [], 0
    while length < cue_bytes:
        words.append(word())
        length += len(words[-1].encode("utf-8")) + 1
    return " ".join(words)


def cue_texts(shape, cues, cue_bytes, seed):
    """Yields (identifier or None, text) for each cue."""
    rng = random.Random(f"talks-long/{shape}/{seed}")
    name = lambda n: "".join(rng.choice(LETTERS[:26]) for _ in range(n))  # noqa: E731
    if shape == "words":
        import generate_archive
        import swedish_vocabulary
        vocabulary = swedish_vocabulary.Vocabulary()
        writer = generate_archive.EpisodeWriter(vocabulary, seed, 0)
        topic_forms = vocabulary.topic_forms[vocabulary.topics[0]]
        state = {"sentence_start": True, "sentence_left": 10}
        speakers = ["Ingrid Åberg", "Lars Nilsson", "Sara Lind"]
        for _ in range(cues):
            words, length = [], 0
            while length < cue_bytes:
                more = writer.cue_texts(12, topic_forms, state)
                words += more
                length += sum(len(word.encode("utf-8")) + 1 for word in more)
            yield None, f"<v {speakers[int(writer.random.random() * 3)]}>" + " ".join(words)
        return
    for _ in range(cues):
        if shape == "unique":
            yield None, fill(rng, cue_bytes, lambda: "".join(rng.choice(LETTERS) for _ in range(rng.randint(5, 9))))
        elif shape == "letters":
            yield None, fill(rng, cue_bytes, lambda: rng.choice(LETTERS))
        elif shape == "tiny":
            yield None, "a"
        elif shape == "short":
            yield None, " ".join(rng.choice(COMMON) for _ in range(9))
        elif shape == "voices":
            yield None, f"<v {name(200)}>ord {name(5)}"
        elif shape == "ids":
            yield name(400), "ord"
        else:
            raise SystemExit(f"unknown shape {shape}")


def generate(out, cues, cue_bytes, shape, fmt, crlf, seed):
    folder = os.path.join(out, "long")
    os.makedirs(folder, exist_ok=True)
    newline = "\r\n" if crlf else "\n"
    path = os.path.join(folder, f"transcript.{fmt}")
    now = 1000
    text_bytes = 0
    with open(path, "w", encoding="utf-8", newline="") as transcript:
        if fmt == "vtt":
            transcript.write("WEBVTT" + newline + newline)
        for number, (identifier, text) in enumerate(cue_texts(shape, cues, cue_bytes, seed), 1):
            text_bytes += len(text.encode("utf-8"))
            duration = 20000 + (number * 7919) % 20000
            if fmt == "srt":
                header = f"{number}{newline}{timestamp(now, ',')} --> {timestamp(now + duration, ',')}"
            else:
                header = (identifier + newline if identifier else "") + \
                    f"{timestamp(now)} --> {timestamp(now + duration)}"
            transcript.write(header + newline + text + newline + newline)
            now += duration
    episode = {"id": "long", "title": f"Lång konferens ({shape})", "date": "2023-05-04T09:00:00+02:00",
               "language": "sv", "duration": round(now / 1000 + 2, 3)}
    with open(os.path.join(folder, "episode.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(episode, ensure_ascii=False, indent=2) + "\n")
    return {"shape": shape, "cues": cues, "cue_text_bytes": text_bytes, "file_bytes": os.path.getsize(path)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--cues", type=int, default=81795)
    parser.add_argument("--cue-bytes", type=int, default=700)
    parser.add_argument("--shape", default="words",
                        choices=["words", "unique", "letters", "tiny", "short", "voices", "ids"])
    parser.add_argument("--format", default="vtt", choices=["vtt", "srt"])
    parser.add_argument("--crlf", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    print(json.dumps(generate(arguments.out, arguments.cues, arguments.cue_bytes, arguments.shape,
                              arguments.format, arguments.crlf, arguments.seed)))


if __name__ == "__main__":
    main()
