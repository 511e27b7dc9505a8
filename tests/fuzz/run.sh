#!/usr/bin/env bash
# Run each libFuzzer harness for a bounded time (default 60 s) from its seed
# corpus, under ASan and UBSan. A crash, a leak, a timeout (10 s per input)
# or an out-of-memory (2 GB) fails the run. Prints the executions reached.
#
#   tests/fuzz/run.sh [BUILD_DIR] [SECONDS]
#
# BUILD_DIR (default build-fuzz) is configured here with clang and
# -DNW_FUZZ=ON if it is not yet. New inputs found go to a temporary folder,
# not into the repository's corpus; crash reproducers are kept in BUILD_DIR.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build-fuzz}
seconds=${2:-60}

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang -DNW_FUZZ=ON \
        -DCMAKE_BUILD_TYPE=Debug -DNW_PYTHON3=/usr/bin/python3 >/dev/null
fi
cmake --build "$build" -j 2 --target fuzz_json fuzz_graphml fuzz_csv >/dev/null

status=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for name in json graphml csv; do
    mkdir -p "$work/$name"
    dict=()
    [ -f "$here/$name.dict" ] && dict=(-dict="$here/$name.dict")
    log="$build/fuzz_$name.log"
    echo "== fuzz_$name: $seconds s"
    if ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
        "$build/tests/fuzz/fuzz_$name" "$work/$name" "$here/corpus/$name" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$build/fuzz_$name-" -print_final_stats=1 >"$log" 2>&1; then
        runs=$(grep -E '^stat::number_of_executed_units:' "$log" | awk '{print $2}')
        echo "fuzz_$name: ok, $runs executions"
    else
        echo "fuzz_$name: FAILED (see $log)"
        tail -n 40 "$log"
        status=1
    fi
done
exit $status
