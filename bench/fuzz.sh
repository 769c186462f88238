#!/usr/bin/env bash
# Runs each libFuzzer target of fuzz/ until its process has used a given
# number of CPU-seconds (user + system, read from /proc/PID/stat), one target
# at a time. On a loaded machine wall time says little about how much
# fuzzing happened, so the budget is CPU time; when it is spent the fuzzer is
# sent SIGUSR1 (libFuzzer's graceful stop) and prints its final stats.
#
# Prints per target: CPU-seconds, wall seconds, executions (libFuzzer's
# stat::number_of_executed_units), exec per CPU-second, corpus size, and the
# outcome (ok, or the crash/leak/timeout/OOM libFuzzer reported).
#
# Usage: bench/fuzz.sh [CPU_SECONDS=600] [TARGET...]     (default: every target)
#   env: BUILD=build-fuzz  NICE=15  RSS_MB=2048  TIMEOUT=10  MAX_WALL=CPU_SECONDS*30
# Build first: cmake --preset fuzz && cmake --build --preset fuzz
#
# Seeds come from fuzz/corpus/<target>/ (read only); what the fuzzer finds
# goes to $BUILD/fuzz-work/<target>/ (outside the repo), crash inputs to
# $BUILD/fuzz-artifacts/<target>/, logs to $BUILD/fuzz-logs/<target>.log.
# Exit status: 0 when every target ran its budget clean, 1 otherwise.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
budget=${1:-600}
shift || true
build=${BUILD:-$root/build-fuzz}
[[ $build = /* ]] || build=$root/$build
max_wall=${MAX_WALL:-$((budget * 30))}
hz=$(getconf CLK_TCK)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$root"/fuzz/*_fuzzer.cc; do targets+=("$(basename "$f" .cc)"); done
fi

# CPU-seconds (user + system) used so far by process $1, or empty when gone.
cpu_of() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  # Fields after the ")" that closes the command name: utime is 12th, stime 13th.
  awk -v hz="$hz" '{sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / hz}' <<<"$stat"
}

printf '%-22s %7s %7s %12s %8s %7s  %s\n' target cpu_s wall_s execs exec/cpu corpus outcome
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
  # nice execs the fuzzer, so $! is the fuzzer's own pid.
  nice -n "${NICE:-15}" "$bin" -max_total_time="$max_wall" -rss_limit_mb="${RSS_MB:-2048}" \
    -timeout="${TIMEOUT:-10}" -print_final_stats=1 -handle_usr1=1 -artifact_prefix="$art/" \
    "$work" $seeds >"$log" 2>&1 &
  pid=$!
  cpu=0 stopped=
  while kill -0 "$pid" 2>/dev/null; do
    now=$(cpu_of "$pid")
    [ -n "$now" ] && cpu=$now
    if [ -z "$stopped" ] && awk -v c="$cpu" -v b="$budget" 'BEGIN {exit !(c >= b)}'; then
      kill -USR1 "$pid" 2>/dev/null
      stopped=1
    fi
    sleep 2
  done
  wait "$pid"
  rc=$?
  wall=$(($(date +%s) - start))
  execs=$(awk '/stat::number_of_executed_units/ {print $NF}' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
  rate=$(awk -v e="${execs:-0}" -v c="$cpu" 'BEGIN {printf "%.0f", (c > 0 ? e / c : 0)}')
  corpus=$(find "$work" -type f | wc -l)
  if [ $rc -eq 0 ] && [ -n "$stopped" ]; then
    outcome=ok
  else
    failed=1
    outcome=$(grep -m1 -oE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer|UndefinedBehaviorSanitizer)[^(]*|runtime error: .*|fuzz invariant broken: .*' "$log")
    [ $rc -eq 0 ] && outcome="clean, but stopped before the CPU budget (MAX_WALL=${max_wall}s or an outside SIGUSR1)"
    outcome="FAIL rc=$rc ${outcome:-see $log}; input in $art/"
  fi
  printf '%-22s %7s %7s %12s %8s %7s  %s\n' "$t" "$cpu" "$wall" "${execs:-?}" "$rate" "$corpus" "$outcome"
done
exit $failed
