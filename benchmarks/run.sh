#!/usr/bin/env bash
# Runs the benchmarks from a built tree (mvn -B -DskipTests install first):
#   benchmarks/run.sh sim [swaps]      the sim swap harness (any machine)
#   benchmarks/run.sh jmh [JMH args]   the JMH benchmarks (CryptoBenchmark, SaeBenchmark)
#   benchmarks/run.sh vm [swaps]       the real-kernel swap harness in the hwsim VM (needs QEMU, see test-bundle/hwsim)
#   benchmarks/run.sh ap-scale [stations] [warm-up stations]
#                                      one AP core and N station cores on the sim medium, wired as the gateway wires
#                                      them: time until the AP has authorized all, memory, threads, where the time went
#   benchmarks/run.sh ap-scale-curve [png] [counts]
#                                      ap-scale from 10 to 2007 stations, cold and warm, each in a JVM of its own, and
#                                      a PNG of time and memory against the station count (default docs/images/ap-scale.png)
#   benchmarks/run.sh gateway-footprint [starts] [minutes] [churn 0|1]
#                                      the demo gateway: launch -> CONNECTED (default 5 starts), resident memory and
#                                      threads at 20 s, then over `minutes` (default 10), optionally reconnecting each minute
#   benchmarks/run.sh vm-assoc [runs] [networks]
#                                      time to COMPLETED in the hwsim VM, wpa4j's station vs Debian's wpa_supplicant on
#                                      WPA2-PSK and SAE (networks "psk,0,1": psk and sae_pwe values; 10 runs each)
#   benchmarks/run.sh vm-assoc-ap [runs] [stations] [warm-up pairs]
#                                      the AP half in the hwsim VM: N real wpa_supplicant stations (default 20) join
#                                      wpa4j's AP core and Debian's hostapd alternately (default 5 runs each)
#   benchmarks/run.sh ap-handshakes [handshakes] [wave] [warm-up]
#                                      the AP core alone over a loopback driver with stations written from the standard:
#                                      its loop's time per 4-way handshake and per station, beside the crypto floor
#   benchmarks/run.sh vm-sae [runs] [sae_pwe list]
#                                      time to COMPLETED on an SAE network in the hwsim VM, wpa4j's station vs
#                                      Debian's wpa_supplicant (default 10 runs each, sae_pwe "0,1"); every run's
#                                      log ends up in benchmarks/target/vm-sae-logs
#   benchmarks/run.sh fleet [gateways]
#                                      N gateway processes (default 20) of the built gateway jar, on the sim, against one
#                                      Mosquitto broker: time until all are online with their station COMPLETED, their
#                                      resident memory, and fleet:list listing them (MqttFleetIT; needs mosquitto)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
what="${1:-sim}"; shift || true

# the VM reads the jars while it runs: a private copy in $1, so a build running meanwhile cannot change them
private_classpath() {
  mkdir "$1/lib"
  cp -r "$here/target/classes" "$1/lib/classes"
  local lib="$1/lib/classes"
  for j in $(cat "$here/target/classpath.txt" | tr ':' ' '); do cp "$j" "$1/lib/"; lib="$lib:$1/lib/$(basename "$j")"; done
  echo "$lib" > "$1/cp.txt"
}
case "$what" in
  sim) exec java -cp "$cp" wpa4j.bench.SimSwapHarness "$@" ;;
  jmh) exec java -cp "$cp" org.openjdk.jmh.Main "$@" ;;
  fleet)
    cd "$here/.."
    mvn -B -o -q verify -pl test-bundle -Dit.test='MqttFleetIT#twentyGatewaysOnOneBrokerAreListedByFleetList' -Dtest=NONE \
      -Dsurefire.failIfNoSpecifiedTests=false -Dfleet.gateways="${1:-20}"
    grep -h '^fleet:' test-bundle/target/failsafe-reports/wpa4j.itest.MqttFleetIT-output.txt
    ;;
  gateway-footprint) exec bash "$here/gateway-footprint.sh" "$@" ;;
  ap-scale) exec java -cp "$cp" wpa4j.bench.ApScaleHarness "${1:-2007}" 120 "${2:-0}" ;;
  ap-handshakes) exec java -cp "$cp" wpa4j.bench.ApHandshakeHarness "${1:-20000}" "${2:-2000}" "${3:-10000}" ;;
  ap-scale-curve) exec java -cp "$cp" wpa4j.bench.ApScaleCurve "${1:-$here/../docs/images/ap-scale.png}" "${2:-10,100,300,1000,2007}" ;;
  vm)
    out="$(mktemp -d)"
    echo "$cp" > "$out/cp.txt"
    "$here/../test-bundle/hwsim/run-in-hwsim-vm.sh" --radios 3 --smp 1 --rw "$out" --timeout 1200 -- \
      bash "$here/vm-harness.sh" "$out/cp.txt" "${1:-20}"
    ;;
  vm-assoc-ap)
    out="$(mktemp -d)"
    private_classpath "$out"
    stations="${2:-20}"
    rc=0
    "$here/../test-bundle/hwsim/run-in-hwsim-vm.sh" --radios $((stations + 1)) --smp 1 --rw "$out" --timeout 1800 -- \
      bash "$here/vm-ap.sh" "$out/cp.txt" "${1:-5}" "$stations" "$out/logs" "${3:-1}" || rc=$?
    rm -rf "$here/target/vm-ap-logs"
    [ -d "$out/logs" ] && cp -r "$out/logs" "$here/target/vm-ap-logs" && echo "logs: $here/target/vm-ap-logs" >&2
    rm -rf "$out"
    exit $rc
    ;;
  vm-assoc|vm-sae)
    [ "$what" = vm-assoc ] && default_networks="psk,0,1" || default_networks="0,1"
    out="$(mktemp -d)"
    private_classpath "$out"
    rc=0
    "$here/../test-bundle/hwsim/run-in-hwsim-vm.sh" --radios 3 --smp 1 --rw "$out" --timeout 1800 -- \
      bash "$here/vm-sae.sh" "$out/cp.txt" "${1:-10}" "${2:-$default_networks}" "$out/logs" || rc=$?
    rm -rf "$here/target/vm-sae-logs"
    [ -d "$out/logs" ] && cp -r "$out/logs" "$here/target/vm-sae-logs" && echo "logs: $here/target/vm-sae-logs" >&2
    rm -rf "$out"
    exit $rc
    ;;
  *) echo "usage: $0 sim|jmh|ap-scale|ap-scale-curve|ap-handshakes|gateway-footprint|vm|vm-assoc|vm-assoc-ap|vm-sae [args]" >&2; exit 2 ;;
esac
