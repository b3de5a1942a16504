#!/usr/bin/env python3
"""Generate a deterministic archive of Swedish webinar episodes for the benchmark.

    Benchmarks/generate_archive.py --episodes N --out DIR [--seed S] [--jobs J] [--first F]

Writes DIR/<id>/episode.json and DIR/<id>/transcript.vtt for N episodes of about
45 minutes (about 650 cues of 3-7 s, about 6,500 words, 1-3 speakers with voice tags),
in the talks archive format. Each episode has its own random stream seeded from
(seed, index), so the first 200 episodes of a 1,000-episode archive are the 200-episode
archive, and the same seed gives byte-identical output.

Benchmark tool only, never a runtime dependency of talks.
"""

import argparse
import bisect
import datetime
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import swedish_vocabulary  # noqa: E402

EPISODE_SECONDS_RANGE = (40 * 60, 50 * 60)
WORDS_PER_SECOND = 2.45
TOPIC_WORD_RATE = 0.035      # share of words drawn from the episode's topic vocabulary
INFLECT_RATE = 0.25          # share of inflectable common words replaced by another form
PLACE_RATE = 0.004
NUMBER_RATE = 0.006
PHRASE_PER_CUE = 0.40        # chance that a cue contains one spoken phrase
LINE_WIDTH = 42
FIRST_DATE = datetime.date(2019, 1, 9)


def stockholm_offset(day):
    """UTC offset of Europe/Stockholm at noon on `day` (EU summer time rules)."""
    def last_sunday(month):
        last = datetime.date(day.year, month, 31)
        return last - datetime.timedelta(days=(last.weekday() + 1) % 7)
    return "+02:00" if last_sunday(3) <= day < last_sunday(10) else "+01:00"


def timestamp(milliseconds):
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def form_weights(forms):
    """Base form most common, then other forms, genitives least."""
    weights = []
    for index, form in enumerate(forms):
        if index == 0:
            weights.append(4.0)
        elif form.endswith("s") and not forms[0].endswith("s"):
            weights.append(0.4)
        else:
            weights.append(2.0)
    return weights


class EpisodeWriter:
    """Builds one episode from its own random stream."""

    def __init__(self, vocabulary, seed, index):
        self.vocabulary = vocabulary
        self.index = index
        self.random = random.Random(f"talks-benchmark/{seed}/{index}")

    def pick_weighted(self, items, cumulative):
        point = self.random.random() * cumulative[-1]
        return items[bisect.bisect_right(cumulative, point)]

    def topic_word(self, topic_forms):
        # Zipf-like over the topic's entries, then a form of the entry.
        entry = topic_forms[min(int(self.random.paretovariate(1.0)) - 1, len(topic_forms) - 1)]
        return self.random.choices(entry, weights=form_weights(entry))[0]

    def words(self, count, topic_forms):
        vocabulary = self.vocabulary
        rng = self.random
        drawn = rng.choices(vocabulary.common_words, cum_weights=vocabulary.common_cumulative,
                            k=count)
        inflections = vocabulary.inflections
        result = []
        for word in drawn:
            roll = rng.random()
            if roll < TOPIC_WORD_RATE:
                word = self.topic_word(topic_forms)
            elif roll < TOPIC_WORD_RATE + PLACE_RATE:
                word = rng.choice(swedish_vocabulary.PLACES)
            elif roll < TOPIC_WORD_RATE + PLACE_RATE + NUMBER_RATE:
                word = str(rng.choice((2, 3, 5, 10, 15, 20, 30, 50, 100, 150, 2020, 2021, 2022,
                                       2023, 2025, 2030, 2045)))
            else:
                forms = inflections.get(word)
                if forms is not None and rng.random() < INFLECT_RATE:
                    word = forms[int(rng.random() * len(forms))]
            result.append(word)
        return result

    def cue_texts(self, count_words, topic_forms, state):
        """Turns a run of words into cue text with sentences, commas and a phrase."""
        words = self.words(count_words, topic_forms)
        rng = self.random
        if rng.random() < PHRASE_PER_CUE and words:
            phrase = self.pick_weighted(self.vocabulary.phrases, self.vocabulary.phrase_cumulative)
            position = int(rng.random() * len(words))
            words[position:position] = phrase.split()
        out = []
        for word in words:
            if state["sentence_start"]:
                word = word[:1].upper() + word[1:]
                state["sentence_start"] = False
            state["sentence_left"] -= 1
            if state["sentence_left"] <= 0:
                word += "?" if rng.random() < 0.1 else "."
                state["sentence_start"] = True
                state["sentence_left"] = 4 + int(rng.random() * 14)
            elif rng.random() < 0.06:
                word += ","
            out.append(word)
        return out

    def build(self):
        vocabulary = self.vocabulary
        rng = self.random
        topic_names = vocabulary.topics
        topic = topic_names[self.index % len(topic_names)] if rng.random() < 0.5 \
            else rng.choice(topic_names)
        second = rng.choice(topic_names)
        topic_forms = vocabulary.topic_forms[topic] + vocabulary.topic_forms[second][:4]
        topic_info = swedish_vocabulary.TOPICS[topic]

        speaker_count = rng.choice((1, 2, 2, 3, 3))
        speakers = []
        used_names = set()
        while len(speakers) < speaker_count:
            name = f"{rng.choice(swedish_vocabulary.FIRST_NAMES)} {rng.choice(swedish_vocabulary.SURNAMES)}"
            if name in used_names:
                continue
            used_names.add(name)
            speakers.append({"name": name,
                             "organisation": rng.choice(swedish_vocabulary.ORGANISATIONS)})

        series = self.pick_weighted(vocabulary.series, vocabulary.series_cumulative)
        number = self.index + 1
        day = FIRST_DATE + datetime.timedelta(days=7 * (self.index // 3) + 2 * (self.index % 3))
        date = f"{day.isoformat()}T12:00:00{stockholm_offset(day)}"
        episode_id = f"ep{number:05d}"
        title = f"{rng.choice(topic_info['title'])} – del {1 + self.index // len(topic_names)}"

        # Cues: back to back with short pauses, speaker turns of a few cues.
        target_ms = int(rng.uniform(*EPISODE_SECONDS_RANGE) * 1000)
        cues = []
        now = 1000 + int(rng.random() * 4000)
        speaker = 0
        turn_left = 0
        state = {"sentence_start": True, "sentence_left": 4 + int(rng.random() * 14)}
        while now < target_ms:
            if turn_left <= 0:
                if speaker_count > 1:
                    speaker = (speaker + 1 + int(rng.random() * (speaker_count - 1))) % speaker_count
                turn_left = 3 + int(rng.random() * 25)
                state["sentence_start"] = True
            turn_left -= 1
            duration = 3000 + int(4000 * rng.random() ** 2.5)
            count = max(2, int(duration / 1000 * WORDS_PER_SECOND + rng.uniform(-1.5, 1.5)))
            words = self.cue_texts(count, topic_forms, state)
            cues.append((now, now + duration, speaker, words))
            now += duration + (int(rng.random() * 400) if rng.random() < 0.3 else 0)

        description_words = self.cue_texts(30, topic_forms, {"sentence_start": True,
                                                             "sentence_left": 14})
        description = " ".join(description_words).rstrip(",")
        if not description.endswith((".", "?")):
            description += "."
        episode = {
            "id": episode_id,
            "series": series,
            "number": number,
            "title": title,
            "date": date,
            "language": "sv",
            "speakers": speakers,
            "description": description,
            "recording": f"https://media.example.se/{episode_id}.mp4",
            "page": f"https://www.example.se/webbinarier/{episode_id}",
            "tags": list(topic_info["tags"]),
            "duration": round(cues[-1][1] / 1000 + 2, 3),
        }
        return episode, cues, speakers


def vtt_text(cues, speakers):
    lines = ["WEBVTT", ""]
    for number, (start, end, speaker, words) in enumerate(cues, 1):
        lines.append(str(number))
        lines.append(f"{timestamp(start)} --> {timestamp(end)}")
        text = " ".join(words)
        voice = f"<v {speakers[speaker]['name']}>"
        if len(text) > LINE_WIDTH:
            middle = len(text) // 2
            split = text.rfind(" ", 0, middle + 8)
            if split > 0:
                lines.append(voice + text[:split])
                lines.append(text[split + 1:])
            else:
                lines.append(voice + text)
        else:
            lines.append(voice + text)
        lines.append("")
    return "\n".join(lines)


def generate_range(episodes, out, seed, progress=False, first=0, step=1):
    """Writes episodes first, first + step, ... below `episodes`; returns their stats.
    Each episode depends only on (seed, index), so any split gives the same bytes."""
    vocabulary = swedish_vocabulary.Vocabulary()
    os.makedirs(out, exist_ok=True)
    stats = {"episodes": 0, "cues": 0, "words": 0, "cue_text_bytes": 0, "vtt_bytes": 0}
    for index in range(first, episodes, step):
        episode, cues, speakers = EpisodeWriter(vocabulary, seed, index).build()
        folder = os.path.join(out, episode["id"])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "episode.json"), "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(episode, ensure_ascii=False, indent=2) + "\n")
        vtt = vtt_text(cues, speakers)
        encoded = vtt.encode("utf-8")
        with open(os.path.join(folder, "transcript.vtt"), "wb") as f:
            f.write(encoded)
        stats["episodes"] += 1
        stats["cues"] += len(cues)
        for cue in cues:
            stats["words"] += len(cue[3])
            stats["cue_text_bytes"] += len(" ".join(cue[3]).encode("utf-8"))
        stats["vtt_bytes"] += len(encoded)
        if progress and stats["episodes"] % 1000 == 0:
            print(f"  worker {first}: {stats['episodes']} episodes", file=sys.stderr)
    return stats


def _generate_worker(arguments):
    return generate_range(*arguments)


def generate(episodes, out, seed, progress=False, jobs=1, first=0):
    """Writes episodes first..episodes-1 with `jobs` worker processes (episode i goes to
    worker i mod jobs); the bytes do not depend on `jobs`."""
    if jobs <= 1:
        return generate_range(episodes, out, seed, progress, first)
    import multiprocessing
    with multiprocessing.Pool(jobs) as pool:
        parts = pool.map(_generate_worker,
                         [(episodes, out, seed, progress, first + worker, jobs)
                          for worker in range(jobs)])
    return {key: sum(part[key] for part in parts) for key in parts[0]}


def source_versions():
    """Versions of the word list and dictionary: the same seed gives the same bytes only
    with the same versions (and the same Python random module)."""
    import platform
    import subprocess
    from importlib.metadata import version
    try:
        hunspell = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "hunspell-sv-se"],
                                  capture_output=True, text=True).stdout.strip()
    except OSError:
        hunspell = "unknown"
    return {"wordfreq": version("wordfreq"), "hunspell-sv-se": hunspell or "unknown",
            "python": platform.python_version()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--episodes", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--progress", action="store_true")
    parser.add_argument("--jobs", type=int, default=1,
                        help="worker processes (the output does not depend on it)")
    parser.add_argument("--first", type=int, default=0,
                        help="write only episodes from this index on (numbers first+1..N): the "
                             "episodes a larger archive adds to a smaller one")
    arguments = parser.parse_args()
    started = time.perf_counter()
    stats = generate(arguments.episodes, arguments.out, arguments.seed, arguments.progress,
                     arguments.jobs, arguments.first)
    stats["seconds"] = round(time.perf_counter() - started, 2)
    stats["cue_text_mb"] = round(stats["cue_text_bytes"] / 1e6, 2)
    stats["seed"] = arguments.seed
    stats["sources"] = source_versions()
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
