#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Run every fuzz target for SECONDS each (libFuzzer, ASan + UBSan), starting from a seed
# corpus built from what the module ships (data/cdf, data/janus) and the malformed cases of
# the tests (fuzz/seeds/TARGET/). New inputs go to BUILD_DIR/corpus/TARGET (kept between
# runs); a crash leaves BUILD_DIR/crash-* and fails the run. Prints one line per target:
# executions, executions per second, corpus size, and whether it found anything.
# Usage: fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]
set -uo pipefail
build=$(cd "${1:?usage: fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]}" && pwd)
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(ecdf flowgen-config janus-binary janus-text json number)

# seed TARGET DIR: the shipped data as inputs of TARGET.
seed() {
    local target=$1 dir=$2 i=0
    mkdir -p "$dir"
    cp "$here/seeds/$target/"* "$dir/" 2>/dev/null
    case $target in
    ecdf)
        cp "$root"/data/cdf/*.cdf "$dir/" ;;
    flowgen-config)
        for cdf in "$root"/data/cdf/*.cdf; do
            i=$((i + 1))
            printf 'server 127.0.0.1 5001\nserver ::1 5002 3\nreq_size_dist %s\ndscp 46 2\nrate 100Mbps\nfanout 4 1\n' \
                "$(basename "$cdf" .cdf)" >"$dir/config-$i"
        done ;;
    janus-binary)
        for idx in "$root"/data/janus/*-binary-*/traffic.index; do
            local t=${idx%.index}
            i=$((i + 1))
            # 2-byte little-endian index length, the index, the data.
            local n
            n=$(stat -c %s "$t.index")
            { printf "\\x$(printf %02x $((n & 255)))\\x$(printf %02x $((n >> 8)))"; cat "$t.index" "$t.data"; } >"$dir/trace-$i"
        done ;;
    janus-text)
        for t in "$root"/data/janus/sample_trace "$root"/data/janus/synthetic_distinct; do
            i=$((i + 1))
            { cat "$t/key.tsv"; for f in "$t"/0*; do printf '\036'; cat "$f"; done; } >"$dir/trace-$i"
        done ;;
    number)
        for s in 0 1 -1 1e3 2.5 1e-320 1e400 nan inf 0x10 9007199254740993 ' 1' '1 ' 100Mbps; do
            i=$((i + 1))
            printf '%s' "$s" >"$dir/number-$i"
        done ;;
    esac
}

status=0
for target in "${targets[@]}"; do
    corpus="$build/corpus/$target"
    seed "$target" "$corpus"
    log="$build/fuzz-$target.log"
    (cd "$build" && ./"fuzz-$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -print_final_stats=1 -artifact_prefix="$build/crash-$target-" "$corpus") >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    files=$(find "$corpus" -type f | wc -l)
    if [ "$rc" -eq 0 ]; then
        echo "fuzz-$target: ${execs:-?} executions (${rate:-?}/s) in ${seconds} s, corpus $files, no finding"
    else
        status=1
        echo "fuzz-$target: FOUND a failure after ${execs:-?} executions (exit $rc); see $log"
        grep -m 5 -E "ERROR|SUMMARY|runtime error|Test unit written" "$log" | sed 's/^/    /'
    fi
done
exit $status
