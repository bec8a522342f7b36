#!/usr/bin/env bash
# Runs inside the hwsim VM (benchmarks/run.sh vm-assoc-ap): ApConnectHarness, N real wpa_supplicant stations on
# wlan1..wlanN joining wpa4j's AP core and Debian's hostapd on wlan0 alternately. $1: classpath file, $2: runs, $3: stations, $4: log directory, $5: warm-up pairs.
set -euo pipefail
ip link set lo up
exec java -Djava.io.tmpdir=/tmp -cp "$(cat "$1")" wpa4j.bench.ApConnectHarness "$2" "$3" wlan0 "$4" "$5"
