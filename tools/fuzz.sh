#!/usr/bin/env bash
# Builds the libFuzzer targets in Tests/fuzz and runs each for FUZZ_SECONDS (default 60).
#   tools/fuzz.sh                  every target
#   tools/fuzz.sh fuzz-csv         one target
#   FUZZ_RUNS=10000000 tools/fuzz.sh fuzz-csv   a number of executions instead of a time
#   FUZZ_SANITIZE=fuzzer tools/fuzz.sh   without AddressSanitizer (3-5x the executions: the long runs;
#                                  traps, stack overflows, timeouts and memory limits are still caught)
#   FUZZ_SEED=1 tools/fuzz.sh      a fixed mutation sequence (the smoke run in `make test`: a machine
#                                  that is slower runs a prefix of the same inputs, so CI cannot flake)
# The committed corpus under Tests/fuzz/corpus/<name> is a read-only seed; what the fuzzer learns
# goes to .build/fuzz/corpus/<name>, crashes to .build/fuzz/artifacts/. Exit 1 when a target crashed.
# Leak detection is off: the Swift runtime keeps caches (metadata, strings) that LeakSanitizer
# would rescan after every input at a 20x slowdown; memory errors are still caught by ASan.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${FUZZ_SECONDS:-60}
runs=${FUZZ_RUNS:-}
jobs_flag=()
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz-script fuzz-csv fuzz-opensdg fuzz-formats fuzz-session)

sanitize=${FUZZ_SANITIZE:-fuzzer,address}
scratch="$root/.build/fuzz/build"
[ "$sanitize" = fuzzer,address ] || scratch="$root/.build/fuzz/build-${sanitize//,/-}"
# SwiftPM keeps the main package's list of files in the fuzz build's description: a file added to
# Sources since the last fuzz build would be missing from it ("cannot find type …"), so it is made again.
rm -f "$scratch/release/description.json"
(cd Tests/fuzz && swift build -c release --scratch-path "$scratch" \
    -Xswiftc -sanitize="$sanitize" -Xswiftc -parse-as-library) || exit 2
bin="$scratch/release"
# The Swift runtime's backtracer would take a trap (an index out of range) before libFuzzer does and
# exit without the input written to artifacts: libFuzzer handles it, saving the input.
export SWIFT_BACKTRACE=enable=no
# Stack traces of every allocation are what ASan spends most on; a crash's own trace is kept.
export ASAN_OPTIONS="malloc_context_size=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
mkdir -p .build/fuzz/artifacts .build/fuzz/logs

# Known leaks of the libraries (Foundation's XML errors, ZIPFoundation's failed in-memory archives).
export LSAN_OPTIONS="suppressions=$root/Tests/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
for target in "${targets[@]}"; do
  name=${target#fuzz-}
  work="${FUZZ_WORK:-.build/fuzz/corpus}/$name"
  mkdir -p "$work"
  dict=Tests/fuzz/kerwen.dict
  [ "$name" = csv ] || [ "$name" = opensdg ] && dict=Tests/fuzz/csv.dict
  limit=(-max_total_time="$seconds")
  [ -n "$runs" ] && limit=(-runs="$runs")
  log=".build/fuzz/logs/$name${FUZZ_LOG_SUFFIX:-}.log"
  if [ -n "$runs" ]; then echo "fuzz: $target ($runs runs)"; else echo "fuzz: $target ($seconds s)"; fi
  "$bin/$target" "$work" "Tests/fuzz/corpus/$name" -dict="$dict" "${limit[@]}" \
      -seed="${FUZZ_SEED:-0}" -max_len=4096 -timeout=20 -detect_leaks=0 -rss_limit_mb=4096 -print_final_stats=1 \
      -artifact_prefix=".build/fuzz/artifacts/$name-" > "$log" 2>&1
  rc=$?
  # The last status line and the final stats say how far it got.
  grep -E "^#[0-9]+.*(DONE|pulse|REDUCE|NEW)" "$log" | tail -1
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$log" | tr '\n' ' '; echo
  if [ $rc -ne 0 ]; then
    echo "fuzz: $target FAILED (exit $rc), see $log"; grep -E "ERROR|SUMMARY|Fatal|artifact" "$log" | head -5
    status=1
  fi
done
exit $status
