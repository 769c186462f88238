#!/usr/bin/env bash
# Runs each libFuzzer target of fuzz/ for a given time, one at a time, and
# prints per target: wall seconds, executions, CPU-seconds, exec/s, corpus
# size and the outcome (ok, or the crash/leak/timeout libFuzzer reported).
#
# Usage: bench/fuzz.sh [SECONDS=600] [TARGET...]     (default: every target)
#   env: BUILD=build-fuzz  NICE=15  RSS_MB=2048  TIMEOUT=10
# Build first: cmake --preset fuzz && cmake --build --preset fuzz
#
# Seeds come from fuzz/corpus/<target>/ (read only); what the fuzzer finds
# goes to $BUILD/fuzz-work/<target>/, crash inputs to
# $BUILD/fuzz-artifacts/<target>/, logs to $BUILD/fuzz-logs/<target>.log.
# Exit status: 0 when every target ran clean, 1 otherwise.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
shift || true
build=${BUILD:-$root/build-fuzz}
[[ $build = /* ]] || build=$root/$build
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$root"/fuzz/*_fuzzer.cc; do targets+=("$(basename "$f" .cc)"); done
fi

printf '%-22s %6s %12s %8s %9s %7s  %s\n' target wall_s execs cpu_s exec/s corpus outcome
failed=0
for t in "${targets[@]}"; do
  bin=$build/fuzz/$t
  if [ ! -x "$bin" ]; then
    printf '%-22s missing %s (build the fuzz preset)\n' "$t" "$bin"
    failed=1
    continue
  fi
  work=$build/fuzz-work/$t
  art=$build/fuzz-artifacts/$t
  log=$build/fuzz-logs/$t.log
  mkdir -p "$work" "$art" "$(dirname "$log")"
  seeds=$root/fuzz/corpus/$t
  [ -d "$seeds" ] || seeds=
  start=$(date +%s)
  /usr/bin/time -f 'CPU_SECONDS %U %S' -o "$log.time" \
    nice -n "${NICE:-15}" "$bin" -max_total_time="$seconds" -rss_limit_mb="${RSS_MB:-2048}" \
    -timeout="${TIMEOUT:-10}" -print_final_stats=1 -artifact_prefix="$art/" \
    "$work" $seeds >"$log" 2>&1
  rc=$?
  wall=$(($(date +%s) - start))
  execs=$(awk -F: '/stat::number_of_executed_units/ {gsub(/ /, "", $2); print $2}' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
  cpu=$(awk '/^CPU_SECONDS/ {printf "%.1f", $2 + $3}' "$log.time")
  rate=$(awk -v e="${execs:-0}" -v w="$wall" 'BEGIN {printf "%.0f", (w > 0 ? e / w : 0)}')
  corpus=$(find "$work" -type f | wc -l)
  if [ $rc -eq 0 ]; then
    outcome=ok
  else
    failed=1
    outcome=$(grep -m1 -oE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer|UndefinedBehaviorSanitizer)[^(]*|runtime error: .*|fuzz invariant broken: .*' "$log")
    outcome="FAIL rc=$rc ${outcome:-see $log}; input in $art/"
  fi
  printf '%-22s %6s %12s %8s %9s %7s  %s\n' "$t" "$wall" "${execs:-?}" "${cpu:-?}" "$rate" "$corpus" "$outcome"
done
exit $failed
