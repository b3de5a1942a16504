"""Writes a folder shaped like one yt-dlp leaves for a channel: per video an info.json and
an automatic Swedish caption track in YouTube's rolling shape.

Benchmark tool only, never a runtime dependency of talks.

Usage: ytdlp_folder.py --videos 200 --minutes 10 --seed 1 --out DIR

Each video gets `<title> [<id>].info.json` (the fields talks reads plus a `formats` list of
120 entries, so the file is about the size of a real one, 60-100 KB) and
`<title> [<id>].sv.vtt` (Benchmarks/rolling_captions.py's generated speech, `--minutes`
long). Deterministic: the same arguments give byte-identical files.
"""

import argparse
import json
import os
import random
import string

import rolling_captions


def video_id(rng):
    return "".join(rng.choice(string.ascii_letters + string.digits + "-_") for _ in range(11))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--videos", type=int, default=200)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    os.makedirs(arguments.out, exist_ok=True)
    total = 0
    for number in range(1, arguments.videos + 1):
        identifier = video_id(rng)
        title = f"Landet lär #{number} - {rng.choice(rolling_captions.SENTENCES)[:40].strip()}"
        base = os.path.join(arguments.out, f"{title} [{identifier}]")
        lines = rolling_captions.generated_lines(rng, arguments.minutes * 60)
        timed = [line for line in rolling_captions.timed(rng, lines) if line[2] <= arguments.minutes * 60]
        captions = rolling_captions.rolling_vtt(timed)
        timestamp = 1_600_000_000 + number * 604_800
        formats = [{"format_id": str(100 + index), "ext": rng.choice(["mp4", "webm", "m4a"]),
                    "url": f"https://rr1---sn-exempel.googlevideo.com/videoplayback?expire={timestamp}&id={identifier}&itag={100 + index}&"
                           + "".join(rng.choice(string.ascii_letters) for _ in range(400)),
                    "width": rng.choice([256, 426, 640, 854, 1280, 1920]), "tbr": round(rng.uniform(50, 5000), 3)}
                   for index in range(120)]
        info = {
            "id": identifier, "title": title, "fulltitle": title, "description": " ".join(rolling_captions.SENTENCES[:3]),
            "timestamp": timestamp, "duration": int(arguments.minutes * 60),
            "webpage_url": f"https://www.youtube.com/watch?v={identifier}", "channel": "Landsbygdsnätverket",
            "tags": ["landet lär", "landsbygd"], "language": "sv", "formats": formats,
            "chapters": [{"start_time": 0.0, "end_time": 60.0, "title": "Inledning"},
                         {"start_time": 60.0, "end_time": arguments.minutes * 60, "title": "Samtal"}],
            "subtitles": {}, "automatic_captions": {"sv": [{"ext": "vtt", "url": "https://www.youtube.com/api/timedtext"}]},
            "extractor": "youtube", "extractor_key": "Youtube", "_type": "video",
        }
        with open(base + ".info.json", "w", encoding="utf-8") as handle:
            json.dump(info, handle, ensure_ascii=False)
        with open(base + ".sv.vtt", "w", encoding="utf-8", newline="\n") as handle:
            handle.write(captions)
        total += os.path.getsize(base + ".info.json") + len(captions.encode())
    print(f"{arguments.videos} videos, {total / 1e6:.1f} MB in {arguments.out}")


if __name__ == "__main__":
    main()
