#!/usr/bin/env bash
# Checks the watch page (/watch/{id}) in a real headless browser (Debian's chromium):
#   1. builds talks and makes a two-minute test video with Debian's ffmpeg (VP8 WebM),
#   2. runs Scripts/watch_page_check.py (driving chromium with Scripts/browser.py), which serves the video with Range support, ingests
#      the sample episode landet-lar-55 with that video as its recording, starts talks serve,
#      loads /watch/landet-lar-55?t=106&q=strategi in headless chromium through the DevTools
#      protocol and checks the player, every cue, the <mark>s, the aria-current cue, that
#      clicking a line moves the video's currentTime and that the current line follows
#      playback; then clicks a hit on the search page (/?q=strategi) and checks the watch page
#      opens at its time with the cue current and the query marked, and leads back, and
#   3. takes screenshots at desktop (1280x800) and phone (390x844) width, light and dark
#      (look at them: the file tool shows PNGs).
# Usage: Scripts/check-watch-page.sh [OUTPUT_DIR]
# Exit status 0 when every check passed. Installs chromium and ffmpeg with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
output="${1:-.build/watch-page}"
mkdir -p "$output"

command -v chromium >/dev/null 2>&1 || Scripts/install-debian-packages.sh chromium fonts-dejavu-core
command -v ffmpeg >/dev/null 2>&1 || Scripts/install-debian-packages.sh ffmpeg

swift build --product talks >&2
talks="$(swift build --show-bin-path)/talks"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

ffmpeg -nostdin -loglevel error -f lavfi -i testsrc=duration=120:size=320x240:rate=10 \
    -c:v libvpx -b:v 200k -deadline realtime -cpu-used 8 -an "$work/test.webm"
python3 Scripts/watch_page_check.py --talks "$talks" --video "$work/test.webm" --archive archive --output "$output"
