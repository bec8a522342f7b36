#!/bin/bash
# The hwsim VM's own ping floor, with no wpa4j at all: Debian hostapd (wlan0, root namespace) and Debian
# wpa_supplicant (wlan1 in netns sta), a ping every 50 ms from the AP, idle and beside three busy loops, with the
# station's power save as it comes and off; then the loopback beside the busy loops. Run in the VM:
#   test-bundle/hwsim/run-in-hwsim-vm.sh --radios 2 --smp 1 --timeout 300 -- bash benchmarks/vm-ping-floor.sh
# (docs/benchmarks.md, issue #15: what the live-upgrade tests' "longest gap" is made of).
set -u
ip link set lo up
ip netns add sta
iw phy phy1 set netns name sta
cat > /tmp/h.conf <<C
interface=wlan0
driver=nl80211
ssid=psx
hw_mode=g
channel=1
wpa=2
wpa_key_mgmt=WPA-PSK
rsn_pairwise=CCMP
wpa_passphrase=psx-passphrase
C
hostapd -B /tmp/h.conf > /tmp/h.log
cat > /tmp/w.conf <<C
network={
 ssid="psx"
 psk="psx-passphrase"
 key_mgmt=WPA-PSK
 scan_freq=2412
}
C
ip netns exec sta ip link set lo up
ip netns exec sta wpa_supplicant -B -i wlan1 -c /tmp/w.conf -D nl80211 > /tmp/w.log
ip addr add 10.99.0.1/24 dev wlan0
ip netns exec sta ip addr add 10.99.0.2/24 dev wlan1
for i in $(seq 1 60); do ip netns exec sta iw dev wlan1 link | grep -q "Connected" && break; sleep 1; done
sleep 3
echo "power_save default: $(ip netns exec sta iw dev wlan1 get power_save)"
gap() { # longest gap between replies (ms), lost
  ping -D -i 0.05 -W 1 -c 300 10.99.0.2 > /tmp/p.txt 2>&1
  python3 - <<P
import re
t=[float(m.group(1)) for m in re.finditer(r'^\[(\d+\.\d+)\] \d+ bytes', open('/tmp/p.txt').read(), re.M)]
g=max((b-a for a,b in zip(t,t[1:])), default=0)
s=re.search(r'(\d+) packets transmitted, (\d+) received', open('/tmp/p.txt').read())
print(f"sent {s.group(1)} received {s.group(2)} longest gap {round(g*1000)} ms")
P
}
burn() { for k in 1 2 3; do (while :; do :; done) & done; }
unburn() { kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; }
echo "PS default, idle:   $(gap)"
burn; echo "PS default, 3 busy loops: $(gap)"; unburn
ip netns exec sta iw dev wlan1 set power_save off
echo "power_save now: $(ip netns exec sta iw dev wlan1 get power_save)"
echo "PS off, idle:       $(gap)"
burn; echo "PS off, 3 busy loops: $(gap)"; unburn
echo "loopback, 3 busy loops:"; burn; ping -D -i 0.05 -c 300 127.0.0.1 > /tmp/p.txt; python3 -c "
import re
t=[float(m.group(1)) for m in re.finditer(r'^\[(\d+\.\d+)\] \d+ bytes', open('/tmp/p.txt').read(), re.M)]
print('loopback longest gap', round(max(b-a for a,b in zip(t,t[1:]))*1000), 'ms')"; unburn
