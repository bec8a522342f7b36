#!/usr/bin/env bash
# The demo gateway's start and footprint (benchmarks/run.sh gateway-footprint [starts] [minutes] [churn]), launched as
# the README launches it (distribution/bin/wpa4j, with its JVM defaults; WPA4J_JAVA_OPTS as there):
#  1. `starts` times (default 5): a fresh JVM on a private copy of distribution/, timed from the launch to the demo
#     station's CTRL-EVENT-CONNECTED on the console (polled every 20 ms); resident memory and threads 20 s later;
#  2. one gateway kept `minutes` (default 10), its resident memory and threads sampled every minute; with churn=1 the
#     station reconnects once a minute (DISCONNECT then RECONNECT on its control socket, as wpa_cli sends them), and
#     the CONNECTED lines are counted.
# Prints figures only. Needs a built tree (mvn -B -DskipTests install) and python3 (for the control socket).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dist="$(cd "$here/../distribution" && pwd)"
jar="$dist/target/wpa4j.jar"
starts="${1:-5}"; minutes="${2:-10}"; churn="${3:-0}"
[ -f "$jar" ] || { echo "no $jar: build first (mvn -B -DskipTests install)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'pkill -f "$work" 2>/dev/null || true; rm -rf "$work"' EXIT

home() {
  rm -rf "$work/gw" && mkdir -p "$work/gw/secrets"
  cp -r "$dist/bin" "$dist/etc" "$dist/load" "$work/gw/"
  ln -s "$dist/target" "$work/gw/target"
  (umask 077 && printf 'wpa4j-demo-passphrase\n' > "$work/gw/secrets/demo.passphrase")
}

launch() {
  # the work directory in the command line: the trap finds the JVM by it
  (exec "$work/gw/bin/wpa4j" </dev/null >"$work/gw/out.log" 2>&1) &
  echo $!
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
threads() { ls "/proc/$1/task" | wc -l; }

ctrl() {
  python3 - "$1" <<'PY'
import os, socket, sys, tempfile
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
local = tempfile.mktemp(prefix="wpa4j-bench-ctrl-")
s.bind(local)
s.settimeout(5)
try:
    s.sendto(sys.argv[1].encode(), "/var/run/wpa_supplicant/sim1")
    print(s.recv(4096).decode().strip())
finally:
    os.unlink(local)
PY
}

echo "wpa4j gateway footprint: the demo (AP sim0, station sim1, WPA2-PSK) from $jar"
echo "  $(nproc) cores, $(java -version 2>&1 | head -1); JVM options: ${WPA4J_JAVA_OPTS-those of bin/wpa4j}"
if [ -z "${WPA4J_JAVA_OPTS+set}" ] && ! [ "$dist/target/wpa4j.jsa" -nt "$jar" ]; then
  # the first run after a build writes the class-data sharing archive at its end: not timed
  home; pid=$(launch)
  until grep -q "CTRL-EVENT-CONNECTED" "$work/gw/out.log" 2>/dev/null; do sleep 0.1; done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "  (an untimed first start wrote the class-data sharing archive $dist/target/wpa4j.jsa)"
fi
times=()
for i in $(seq 1 "$starts"); do
  home
  t0=$(date +%s%N)
  pid=$(launch)
  # one follower woken by each write, not a grep forked every 20 ms: polling took CPU from the starting JVM and
  # made the figure 0.6 - 0.8 s worse than the start itself
  if ! grep -m1 -q "CTRL-EVENT-CONNECTED" < <(timeout 60 tail -n +1 -F -s 0.01 "$work/gw/out.log" 2>/dev/null); then
    echo "  start $i: no CONNECTED in 60 s" >&2; tail -20 "$work/gw/out.log" >&2; exit 1
  fi
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  times+=("$ms")
  sleep 20
  echo "  start $i: launch -> CTRL-EVENT-CONNECTED ${ms} ms; at 20 s: resident $(rss_mb "$pid") MB, $(threads "$pid") threads"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "  launch -> CONNECTED: min ${sorted[0]} ms, median ${sorted[$(( (${#sorted[@]} - 1) / 2 ))]} ms, max ${sorted[-1]} ms (n=${#sorted[@]})"

[ "$minutes" -gt 0 ] || exit 0
home
pid=$(launch)
until grep -q "CTRL-EVENT-CONNECTED" "$work/gw/out.log" 2>/dev/null; do sleep 0.1; done
echo "  one gateway for $minutes min$([ "$churn" = 1 ] && echo ", the station reconnecting once a minute"):"
for m in $(seq 1 "$minutes"); do
  if [ "$churn" = 1 ]; then
    ctrl DISCONNECT >/dev/null; sleep 1; ctrl RECONNECT >/dev/null; sleep 59
  else
    sleep 60
  fi
  echo "    ${m} min: resident $(rss_mb "$pid") MB, $(threads "$pid") threads, CONNECTED lines so far $(grep -c CTRL-EVENT-CONNECTED "$work/gw/out.log")"
done
kill "$pid"; wait "$pid" 2>/dev/null || true
