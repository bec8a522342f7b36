#!/usr/bin/env bash
# Runs inside the hwsim VM (benchmarks/run.sh vm-sae): SaeConnectHarness, which puts wlan2's radio in namespace
# "ap" with Debian's hostapd (SAE, ieee80211w=2) and connects wpa4j's station core and Debian's wpa_supplicant
# on wlan1 alternately. $1: classpath file, $2: runs per station, $3: sae_pwe values (e.g. "0,1"), $4: log directory.
set -euo pipefail
ip link set lo up
exec java -Djava.io.tmpdir=/tmp -cp "$(cat "$1")" wpa4j.bench.SaeConnectHarness "$2" "$3" wlan1 wlan2 "$4"
