#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# packmime-tm on a generated trace of 1,000 epochs of 64 x 64 matrices (issue: Janus traces):
# wall time and peak RSS of compress, info and dump (the reader keeps only the index in
# memory, so RSS must stay near one matrix, not the 16 MB of data).
# Usage: bench/tm.sh [BIN_DIR]
set -euo pipefail
tm=${1:-build/bin}/packmime-tm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=64
epochs=1000
mkdir "$work/text"
awk -v n=$n 'BEGIN { for (s = 0; s < n; s++) for (d = 0; d < n; d++) if (s != d) printf "t%d t%d p%d p%d 0 0\n", s, d, int(s / 8), int(d / 8) }' >"$work/text/key.tsv"
awk -v n=$n -v epochs=$epochs -v dir="$work/text" 'BEGIN {
    srand(7)
    for (e = 1; e <= epochs; e++) {
        f = sprintf("%s/0%04d.tsv", dir, e) # names must start with 0
        for (k = 0; k < n * (n - 1); k++) printf "%.9g\n", (rand() < 0.2 ? 0 : exp(rand() * 20)) > f
        close(f)
    }
}'
echo "trace: $epochs epochs of ${n}x${n}, text $(du -sh "$work/text" | cut -f1)"
measure() {
    local label=$1
    shift
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >"$work/out"
    awk -v l="$label" '{ printf "%-10s %6.2f s  peak RSS %6.1f MB\n", l, $1, $2 / 1024 }' "$work/t"
}
measure compress "$tm" compress "$work/text" "$work/trace"
echo "binary: $(du -h "$work/trace.data" | cut -f1) data, $(stat -c %s "$work/trace.index") B index"
measure info "$tm" info "$work/trace"
measure dump "$tm" dump "$work/trace"
echo "dump lines: $(wc -l <"$work/out") (expected $((epochs * n * (n - 1))))"
