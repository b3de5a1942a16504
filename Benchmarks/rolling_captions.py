"""Writes YouTube automatic captions in their "rolling" shape, as yt-dlp saves them.

Benchmark and fixture tool only, never a runtime dependency of talks.

The shape (see ../shared/testdata/caption-formats/youtube-auto.sv.vtt): a `Kind:`/`Language:`
header; for every spoken line a cue whose first line is the previous finished line (a
single space for the first) and whose second line builds the new line word by word with
inline `<hh:mm:ss.mmm><c> word</c>` tags, the first word untagged at the cue's start; then a
10 ms "hold" cue showing the finished line above a line of one space. Cue settings
`align:start position:0%`. Each building cue ends 10 ms before the next line starts.

Usage:
  rolling_captions.py --minutes 60 --seed 1 --out DIR      # generated Swedish speech
  rolling_captions.py --text LINES.txt --seed 1 --out DIR  # the given lines, in order

writes DIR/rolling.sv.vtt (the rolling track), DIR/rolling.sv.srt (the same track as
yt-dlp's `--convert-subs srt` gives it: the same cues, tags gone), DIR/plain.sv.vtt (the same
lines and times as ordinary WebVTT, one cue per spoken line: the peer a reader is measured
against) and DIR/spoken.txt (one spoken line per line: what a reader must give back, each
once).
Deterministic: the same arguments give byte-identical files.
"""

import argparse
import os
import random

# Spoken Swedish as automatic captions write it: lower case, no punctuation. Sentences are
# drawn at random and cut into caption lines of 4-9 words; sometimes a speaker repeats a
# short line ("ja", "det är jätteviktigt"), which a reader must keep twice.
SENTENCES = """
hej och välkomna till dagens webbinarium om lokal energi på gården
vi spelar in och inspelningen läggs ut efteråt på vår webbplats
elpriset har varierat väldigt mycket de senaste åren och det märks i lantbruket
många lantbrukare har börjat titta på solceller på ladugårdstaket eller på marken bredvid
det räcker inte med att sätta upp panelerna man måste också tänka på hur elen används
mjölkkylning och spannmålstorkning drar mycket ström mitt på dagen när solen lyser
en gård med spannmålstork har en tydlig topp i augusti och september
en mjölkgård har en jämnare förbrukning över hela året
batterier blir mer och mer intressanta men de är fortfarande ganska dyra
vi brukar rekommendera att man börjar med att flytta förbrukningen till dagtid
för en anläggning på taket behövs oftast inget bygglov men på marken kan det behövas
man ska alltid prata med nätägaren i god tid innan man bestämmer sig
det kan ta flera månader att få besked om anslutningen
länsstyrelsen i östergötland har ett stöd för energikartläggning på gårdsnivå
vi har gjort en kartläggning på ett hundratal gårdar i regionen
resultatet visar att nästan alla kan spara tio till tjugo procent
vattenbrist är ett annat stort problem för många gårdar i sydöstra sverige
våtmarker kan hålla kvar vattnet i landskapet och minska torkan på sommaren
livsmedelsstrategin lyfter fram just energi och vatten som viktiga frågor
kompetensförsörjningen är en utmaning när det gäller installatörer på landsbygden
det finns en nationell livsmedelsstrategi och flera regionala strategier
vi vill att fler ska kunna producera sin egen el och sälja överskottet
biogas från gödsel är ett bra komplement till solel under vintern
en biogasanläggning kräver ganska mycket gödsel för att bli lönsam
flera gårdar kan gå ihop och dela på en gemensam anläggning
vi har sett fina exempel på samarbeten mellan grannar i skåne och halland
frågan om elnätets kapacitet kommer upp i nästan varje samtal
vi tar gärna emot frågor i chatten så läser jag upp dem efter pausen
nu går vi vidare till nästa punkt på agendan
tack så mycket för att ni lyssnade och välkomna tillbaka nästa månad
""".strip().splitlines()

REPEATED = ["ja", "okej", "precis", "ja precis", "det är jätteviktigt", "tack så mycket"]


def clock(seconds):
    milliseconds = int(round(seconds * 1000))
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    whole, thousandths = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{whole:02d}.{thousandths:03d}"


def generated_lines(rng, seconds):
    """Caption lines of generated speech, more than `seconds` of it (cut by `main`)."""
    lines = []
    words_needed = int(seconds / 60 * 200)
    count = 0
    while count < words_needed:
        if rng.random() < 0.04:
            line = rng.choice(REPEATED).split()
            lines += [line, line]  # said twice in a row: genuine repetition
            count += 2 * len(line)
            continue
        words = rng.choice(SENTENCES).split()
        while words:
            size = min(len(words), rng.randint(4, 9))
            lines.append(words[:size])
            count += size
            words = words[size:]
    return lines


def timed(rng, lines):
    """Each line with the start time of each of its words, and when it ends."""
    result = []
    time = 0.32
    for words in lines:
        starts = []
        for word in words:
            starts.append(time)
            time += 0.12 + 0.045 * len(word) + rng.uniform(0, 0.12)
        result.append((words, starts, time))
        time += rng.choice([0.0, 0.0, 0.0, 0.16, 0.4, 1.3])  # breaths and pauses
    return result


def rolling_vtt(timed_lines):
    out = ["WEBVTT", "Kind: captions", "Language: sv", ""]
    previous = " "
    for index, (words, starts, end) in enumerate(timed_lines):
        start = starts[0]
        next_start = timed_lines[index + 1][1][0] if index + 1 < len(timed_lines) else end + 0.5
        build_end = next_start - 0.010
        built = words[0] + "".join(f"<{clock(t)}><c> {w}</c>" for w, t in zip(words[1:], starts[1:]))
        out += [f"{clock(start)} --> {clock(build_end)} align:start position:0%", previous, built, ""]
        finished = " ".join(words)
        out += [f"{clock(build_end)} --> {clock(next_start)} align:start position:0%", finished, " ", ""]
        previous = finished
    return "\n".join(out) + "\n"


def rolling_srt(timed_lines):
    out = []
    previous = " "
    for index, (words, starts, end) in enumerate(timed_lines):
        next_start = timed_lines[index + 1][1][0] if index + 1 < len(timed_lines) else end + 0.5
        build_end = next_start - 0.010
        finished = " ".join(words)
        for number, start, stop, text in ((2 * index + 1, starts[0], build_end, f"{previous}\n{finished}"),
                                          (2 * index + 2, build_end, next_start, f"{finished}\n ")):
            out += [str(number), f"{clock(start)} --> {clock(stop)}".replace(".", ","), text, ""]
        previous = finished
    return "\n".join(out) + "\n"


def plain_vtt(timed_lines):
    out = ["WEBVTT", ""]
    for index, (words, starts, end) in enumerate(timed_lines):
        out += [str(index + 1), f"{clock(starts[0])} --> {clock(end)}", " ".join(words), ""]
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--text", help="caption lines to use, one per line, instead of generated speech")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    if arguments.text:
        with open(arguments.text, encoding="utf-8") as handle:
            lines = [line.split() for line in handle.read().splitlines() if line.strip()]
    else:
        lines = generated_lines(rng, arguments.minutes * 60)
    timed_lines = timed(rng, lines)
    if not arguments.text:
        # Exactly as many whole lines as are spoken within the requested time.
        timed_lines = [line for line in timed_lines if line[2] <= arguments.minutes * 60]
        lines = [words for words, _, _ in timed_lines]
    os.makedirs(arguments.out, exist_ok=True)
    files = {
        "rolling.sv.vtt": rolling_vtt(timed_lines),
        "rolling.sv.srt": rolling_srt(timed_lines),
        "plain.sv.vtt": plain_vtt(timed_lines),
        "spoken.txt": "".join(" ".join(words) + "\n" for words in lines),
    }
    for name, text in files.items():
        with open(os.path.join(arguments.out, name), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    spoken_words = sum(len(words) for words in lines)
    print(f"{len(lines)} lines, {spoken_words} words, {2 * len(lines)} rolling cues, "
          f"{timed_lines[-1][2] / 60:.1f} minutes, {len(files['rolling.sv.vtt'].encode())} bytes rolling")


if __name__ == "__main__":
    main()
