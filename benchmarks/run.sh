#!/usr/bin/env bash
# Runs the benchmarks from a built tree (mvn -B -DskipTests install first):
#   benchmarks/run.sh sim [swaps]      the sim swap harness (any machine)
#   benchmarks/run.sh jmh [JMH args]   the JMH benchmarks (CryptoBenchmark, SaeBenchmark)
#   benchmarks/run.sh vm [swaps]       the real-kernel swap harness in the hwsim VM (needs QEMU, see test-bundle/hwsim)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
what="${1:-sim}"; shift || true
case "$what" in
  sim) exec java -cp "$cp" wpa4j.bench.SimSwapHarness "$@" ;;
  jmh) exec java -cp "$cp" org.openjdk.jmh.Main "$@" ;;
  vm)
    out="$(mktemp -d)"
    echo "$cp" > "$out/cp.txt"
    "$here/../test-bundle/hwsim/run-in-hwsim-vm.sh" --radios 3 --smp 1 --rw "$out" --timeout 1200 -- \
      bash "$here/vm-harness.sh" "$out/cp.txt" "${1:-20}"
    ;;
  *) echo "usage: $0 sim|jmh|vm [args]" >&2; exit 2 ;;
esac
