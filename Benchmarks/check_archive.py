#!/usr/bin/env python3
"""Check that a generated archive is well formed, until `talks check DIR --json` exists.

    Benchmarks/check_archive.py DIR [--talks BIN]

For every DIR/<id>/: episode.json has the archive fields with the right types and an
ISO 8601 date with offset; transcript.vtt starts with the WEBVTT signature, every block
is an optional id, a timing line `hh:mm:ss.ttt --> hh:mm:ss.ttt` with start < end and
starts in order, and non-empty text lines without "-->", each cue opening with a voice
span `<v Name>` naming one of the episode's speakers. Prints a summary; exit 1 on any error.
With --talks, also runs `talks check DIR --json` and compares its episode and cue counts
(and its warnings and errors) with this check's; above 1,000 episodes only its exit status.

Benchmark tool only.
"""

import datetime
import json
import os
import re
import sys

TIMING = re.compile(r"^(\d{2,}):([0-5]\d):([0-5]\d)\.(\d{3}) --> (\d{2,}):([0-5]\d):([0-5]\d)\.(\d{3})$")
VOICE = re.compile(r"^<v ([^>]+)>")
FIELDS = {"id": str, "series": str, "number": int, "title": str, "date": str, "language": str,
          "speakers": list, "description": str, "recording": str, "page": str, "tags": list,
          "duration": (int, float)}


def seconds(groups):
    hours, minutes, secs, millis = (int(value) for value in groups)
    return hours * 3600 + minutes * 60 + secs + millis / 1000


def check_episode(folder, errors):
    metadata_path = os.path.join(folder, "episode.json")
    with open(metadata_path, encoding="utf-8") as f:
        episode = json.load(f)
    for field, kind in FIELDS.items():
        if not isinstance(episode.get(field), kind):
            errors.append(f"{metadata_path}: field {field} missing or not {kind}")
    try:
        date = datetime.datetime.fromisoformat(episode.get("date", ""))
        if date.utcoffset() is None:
            errors.append(f"{metadata_path}: date has no UTC offset")
    except ValueError:
        errors.append(f"{metadata_path}: date is not ISO 8601")
    names = {speaker.get("name") for speaker in episode.get("speakers", [])}

    vtt_path = os.path.join(folder, "transcript.vtt")
    with open(vtt_path, encoding="utf-8") as f:
        blocks = f.read().split("\n\n")
    if not blocks or not re.match(r"^WEBVTT($|[ \t])", blocks[0]):
        errors.append(f"{vtt_path}:1: no WEBVTT signature")
        return 0
    line_number = blocks[0].count("\n") + 3
    previous_start = -1.0
    cues = 0
    for block in blocks[1:]:
        lines = block.rstrip("\n").split("\n")
        if lines == [""]:
            line_number += 2
            continue
        timing_index = 1 if len(lines) > 1 and "-->" not in lines[0] else 0
        match = TIMING.match(lines[timing_index])
        where = f"{vtt_path}:{line_number + timing_index}"
        if not match:
            errors.append(f"{where}: bad timing line {lines[timing_index]!r}")
        else:
            start, end = seconds(match.groups()[:4]), seconds(match.groups()[4:])
            if not start < end:
                errors.append(f"{where}: start {start} not before end {end}")
            if start < previous_start:
                errors.append(f"{where}: cue starts before the previous one")
            previous_start = start
        text = lines[timing_index + 1:]
        if not text or any(not line.strip() or "-->" in line for line in text):
            errors.append(f"{where}: empty cue text or '-->' in text")
        else:
            voice = VOICE.match(text[0])
            if not voice or voice.group(1) not in names:
                errors.append(f"{where}: cue does not open with a known speaker's voice span")
        cues += 1
        line_number += len(lines) + 1
    return cues


def talks_check(talks, root, episodes, cues):
    """Problems `talks check DIR --json` reports or disagrees with us on."""
    import subprocess
    import tempfile
    with tempfile.TemporaryFile("w+", encoding="utf-8") as output:
        completed = subprocess.run([talks, "check", root, "--json"], stdout=output,
                                   stderr=subprocess.PIPE, text=True)
        if completed.returncode != 0:
            return [f"talks check exited {completed.returncode}: {completed.stderr[-300:]}"]
        if episodes > 1000:
            return []
        output.seek(0)
        report = json.load(output)
    problems = []
    # talks check also reports the archive's synonyms.txt as an entry without cues.
    found = [entry for entry in report.get("episodes", []) if entry.get("id") != "synonyms.txt"]
    talks_cues = sum(len(episode.get("cues", [])) for episode in found)
    if len(found) != episodes or talks_cues != cues:
        problems.append(f"talks check read {len(found)} episodes and {talks_cues} cues, "
                        f"this check {episodes} and {cues}")
    for episode in found:
        for kind in ("warnings", "errors"):
            for item in episode.get(kind, []):
                problems.append(f"talks check {kind[:-1]} in {episode.get('id')}: {item}")
    return problems


def main():
    arguments = sys.argv[1:]
    talks = None
    if len(arguments) == 3 and arguments[1] == "--talks":
        talks = arguments[2]
        arguments = arguments[:1]
    if len(arguments) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    root = arguments[0]
    errors = []
    episodes = 0
    cues = 0
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if os.path.isdir(folder):
            episodes += 1
            cues += check_episode(folder, errors)
    if talks:
        errors.extend(talks_check(talks, root, episodes, cues))
    for error in errors[:50]:
        print(error)
    checked = " (and talks check agrees)" if talks and not errors else ""
    print(f"{episodes} episodes, {cues} cues, {len(errors)} errors{checked}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
