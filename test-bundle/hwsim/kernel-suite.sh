#!/usr/bin/env bash
# Runs inside the hwsim VM (see run-in-hwsim-vm.sh): the real-kernel JUnit suite (*KernelTest) on the
# classpath given as $1, reports (JUnit XML) into $2. The radios are wlan0..wlanN-1 (mac80211_hwsim).
set -uo pipefail
cp_file=$1
reports=$2
mkdir -p "$reports"
ip link set lo up
# The VM runs with one vCPU (KernelSuiteIT: --smp 1): with several, QEMU 7.2 multi-threaded software
# emulation let the JIT's code patching race (seen: SIGSEGV/SIGILL in JIT-compiled code).
here="$(cd "$(dirname "$0")/.." && pwd)"
java -Djava.io.tmpdir=/tmp -Dgateway.jar="$here/../distribution/target/wpa4j.jar" -Dnl80211.jar="$here/../nl80211-bundle/target/nl80211-bundle-1.0.0-SNAPSHOT.jar" -Dcustody.jar="$here/../custody-bundle/target/custody-bundle-1.0.0-SNAPSHOT.jar" -cp "$(cat "$cp_file")" org.junit.platform.console.ConsoleLauncher \
  --disable-banner --details=tree --select-package wpa4j.ktest --include-classname '.*KernelTest' --reports-dir "$reports"
rc=$?
# a real peer still running here outlived its test (it would have acted on the radios under the next ones)
echo "--- peers left running after the suite:"
ps -eo pid,etimes,args | grep -E '[w]pa_supplicant|[h]ostapd' || echo "(none)"
exit $rc
