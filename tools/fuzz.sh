#!/usr/bin/env bash
# Runs the Jazzer fuzz targets of fuzz/ in fuzzing mode (coverage-guided, libFuzzer), each for the time given, and
# prints per target: executions, coverage, new inputs, findings. CI runs the same targets in regression mode only
# (`mvn verify`: every committed input once, no mutation).
#
#   tools/fuzz.sh [seconds-per-target] [Class#method ...]        default: 60 s, every @FuzzTest
#   tools/fuzz.sh --keep [seconds] [Class#method ...]            also copy the corpus found into the committed one
#
# The working corpus grows in fuzz/.cifuzz-corpus/<Class>/<method>/ (kept between runs, not committed). A finding
# (crash) is written to fuzz/src/test/resources/<package>/<Class>Inputs/<method>/ , so regression mode replays it
# from then on: fix the code, keep the input.
set -euo pipefail
# MVN_LOCK=<file>: hold this lock (flock) around the Maven steps, for a machine where builds must not overlap.
mvn() { if [ -n "${MVN_LOCK:-}" ]; then flock "$MVN_LOCK" mvn "$@"; else command mvn "$@"; fi; }
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
keep=0
if [ "${1:-}" = "--keep" ]; then
  keep=1
  shift
fi
secs=${1:-60}
shift || true
mvn -B -q -pl fuzz -am install -DskipTests
mvn -B -q -pl fuzz dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz-classpath.txt
launcher=$(find ~/.m2/repository/org/junit/platform/junit-platform-console-standalone -name 'junit-platform-console-standalone-*.jar' 2>/dev/null | sort | tail -1)
if [ -z "$launcher" ]; then
  mvn -B -q dependency:get -Dartifact=org.junit.platform:junit-platform-console-standalone:1.11.4
  launcher=$(find ~/.m2/repository/org/junit/platform/junit-platform-console-standalone -name '*.jar' | sort | tail -1)
fi
# A private copy of the classpath: a long run must not read jars that a build installs meanwhile.
snap="$here/fuzz/target/fuzz-run-$$"
trap 'rm -rf "$snap"' EXIT
mkdir -p "$snap/jars"
cp -r "$here/fuzz/target/test-classes" "$snap/test-classes"
cp="$launcher:$snap/test-classes"
IFS=: read -ra deps < fuzz/target/fuzz-classpath.txt || true
for d in "${deps[@]}"; do
  if [ -f "$d" ]; then
    copy="$snap/jars/$(printf '%03d' ${#cp})-$(basename "$d")"
    cp "$d" "$copy"
    cp="$cp:$copy"
  else
    cp="$cp:$d"
  fi
done
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  # every @FuzzTest method, as Class#method(parameter type), from the sources
  while IFS= read -r f; do
    cls=$(sed -n 's/^package \(.*\);/\1/p' "$f").$(basename "$f" .java)
    while IFS= read -r sig; do
      targets+=("$cls#$sig")
    done < <(grep -A1 '@FuzzTest' "$f" | sed -n 's/.*void \([a-zA-Z0-9_]*\)(\(@NotNull \)\{0,1\}\([^ ]*\) .*/\1(\3)/p')
  done < <(grep -rl '@FuzzTest' fuzz/src/test/java | sort)
fi
summary=()
cd fuzz
for t in "${targets[@]}"; do
  cls=${t%#*}
  sig=${t#*#}
  m=${sig%%(*}
  simple=${cls##*.}
  param=${sig#*(}
  param=${param%)}
  case "$param" in
    FuzzedDataProvider) param="com.code_intelligence.jazzer.api.FuzzedDataProvider" ;;
    String) param="java.lang.String" ;;
  esac
  inputs="src/test/resources/$(echo "${cls%.*}" | tr . /)/${simple}Inputs/$m"
  work=".cifuzz-corpus/$cls/$m"
  log="target/fuzz-$simple-$m.log"
  mkdir -p "$inputs" "$work"
  before=$(ls "$inputs" | wc -l)
  set +e
  JAZZER_FUZZ=1 java -Xmx1g -cp "$cp" org.junit.platform.console.ConsoleLauncher execute --disable-banner --details=none \
    --select-method "$cls#$m($param)" --config "jazzer.internal.basedir=$here/fuzz" --config 'jazzer.instrumentation_includes=wpa4j.**' \
    --config jazzer.internal.arg.0=fuzz --config "jazzer.internal.arg.1=-max_total_time=$secs" \
    --config jazzer.internal.arg.2=-print_final_stats=1 --config jazzer.internal.arg.3=-timeout=20 > "$log" 2>&1
  rc=$?
  set -e
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$( (grep -ao 'cov: [0-9]*' "$log" || true) | tail -1 | tr -dc '0-9')
  ft=$( (grep -ao 'ft: [0-9]*' "$log" || true) | tail -1 | tr -dc '0-9')
  found=$(( $(ls "$inputs" | wc -l) - before ))
  if [ $keep = 1 ] && [ $rc = 0 ]; then
    cp -n "$work"/* "$inputs"/ 2>/dev/null || true
  fi
  summary+=("$simple.$m: ${runs:-?} executions in $secs s (${rate:-?}/s), coverage ${cov:-?} edges, ${ft:-?} features, corpus $(ls "$work" | wc -l), findings $found, exit $rc")
done
printf '%s\n' "${summary[@]}"
