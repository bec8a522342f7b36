#!/usr/bin/env bash
# Runs inside the hwsim VM (benchmarks/run.sh vm): Debian's hostapd on wlan2 in namespace "ap"
# (10.95.0.1/24), then KernelSwapHarness on wlan1. $1: classpath file, $2: swaps.
set -euo pipefail
ip link set lo up
phy=$(iw dev wlan2 info | awk '/wiphy/ {print $2}')
ip netns add ap
iw phy "phy$phy" set netns name ap
cat > /tmp/hostapd-bench.conf <<CONF
interface=wlan2
driver=nl80211
ctrl_interface=/var/run/hostapd
ssid=wpa4j-bench
hw_mode=g
channel=1
wpa=2
wpa_key_mgmt=WPA-PSK
rsn_pairwise=CCMP
wpa_passphrase=benchmark passphrase
CONF
mkdir -p /var/run/hostapd
ip netns exec ap hostapd -B -f /tmp/hostapd-bench.log /tmp/hostapd-bench.conf
ip netns exec ap ip addr add 10.95.0.1/24 dev wlan2
for i in $(seq 1 100); do ip netns exec ap hostapd_cli -i wlan2 status 2>/dev/null | grep -q state=ENABLED && break; sleep 0.1; done
exec java -Djava.io.tmpdir=/tmp -cp "$(cat "$1")" wpa4j.bench.KernelSwapHarness wlan1 "$2"
