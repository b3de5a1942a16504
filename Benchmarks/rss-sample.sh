#!/usr/bin/env bash
# Peak memory of one command, split into anonymous memory and mapped files.
#
# Usage: Benchmarks/rss-sample.sh OUT COMMAND [ARGUMENT ...]
# Runs COMMAND (its stdout/stderr go to OUT.stdout / OUT.stderr), reads /proc/PID/status
# every 50 ms, and writes to OUT (and prints) the exit status and the largest VmHWM (peak
# RSS), RssAnon and RssFile seen, in MB. Short peaks between two samples can be missed in
# RssAnon/RssFile; VmHWM is the kernel's own high-water mark.
if [ $# -lt 2 ]; then sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 64; fi
out=$1; shift
"$@" > "$out.stdout" 2> "$out.stderr" &
pid=$!
max_hwm=0; max_anon=0; max_file=0
while kill -0 "$pid" 2>/dev/null; do
  if read -r hwm anon file < <(awk '/^VmHWM/{h=$2}/^RssAnon/{a=$2}/^RssFile/{f=$2}END{print h,a,f}' "/proc/$pid/status" 2>/dev/null); then
    [ -n "$hwm" ] && [ "$hwm" -gt "$max_hwm" ] && max_hwm=$hwm
    [ -n "$anon" ] && [ "$anon" -gt "$max_anon" ] && max_anon=$anon
    [ -n "$file" ] && [ "$file" -gt "$max_file" ] && max_file=$file
  fi
  sleep 0.05
done
wait "$pid"; status=$?
echo "rc=$status max VmHWM (peak RSS) $((max_hwm / 1024)) MB, max RssAnon $((max_anon / 1024)) MB, max RssFile $((max_file / 1024)) MB" | tee "$out"
