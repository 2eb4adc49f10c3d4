#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# DelayBox benchmark (issue: DelayBox in ns-3). Rate 200 connections/s for 300 s plus a
# 30 s drain, HTTP/1.0, on the dumbbell of examples/packmime-http.cc, in one run of this
# script:
#   (a) packmime-http --delaybox (R1 and R2 are PackMimeDelayBoxes);
#   (b) packmime-http without DelayBoxes, same RngRun;
#   (c) ns-2.35's PackMimeHTTP + DelayBox on the same topology (bench/packmime-ns2.tcl with
#       DELAYBOX 1; Debian package ns2).
# Wall time and peak RSS (/usr/bin/time), median of 3 runs taken in turn (a, b, c, a, ...:
# 2 shared cores), and the response-time quantiles p10/p50/p90/p99 of (a) and (c) side by
# side (one run each is the same in every repetition: both are deterministic). Then the
# DelayBox's share of (a)'s instructions (valgrind --tool=callgrind, 20 s + 5 s): the self
# cost of every function of the box, its IP hooks and its flow table (their symbols name
# PackMimeDelayBox), target <= 3 %. Then the flow table at 10^5 connections (500 s): its
# peak against the client's peak of open connections.
# Usage: bench/delaybox.sh [BIN_DIR] [--quick]   (--quick: one run each, 60 s, no 10^5 run)
set -euo pipefail
bin=${1:-build/bin}
quick=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
reps=3
duration=300
if [ "$quick" = --quick ]; then
    reps=1
    duration=60
fi

. "$here/bench-lib.sh"


# quantiles COLUMN FILE [SEP [DIGITS]]: p10/p50/p90/p99 of a column (nearest rank).
quantiles() {
    awk -F"${3:-,}" -v c="$1" 'NR > 1 || FS == " " { if ($c != "") print $c }' "$2" | sort -g |
        awk -v d="${4:-0}" '{ v[NR] = $1 } END { n = NR; split("10 50 90 99", p, " ")
            for (i = 1; i <= 4; i++) { k = int(p[i] / 100 * n + 0.999999); if (k < 1) k = 1
                printf "%s%.*f", (i > 1 ? " / " : ""), d, v[k] } }'
}

args=(--rate=200 --duration=$duration --drain=30 --http=1.0)
for rep in $(seq "$reps"); do
    timed a "$bin/packmime-http" "${args[@]}" --delaybox --outdir="$work/a"
    timed b "$bin/packmime-http" "${args[@]}" --outdir="$work/b"
    if command -v ns >/dev/null; then
        timed c ns "$here/packmime-ns2.tcl" 200 $duration 30 1.0 "$work/ns2.out" 1
    fi
done
echo "== rate 200 x $duration s + 30 s drain, HTTP/1.0 (median of $reps)"
a=$(median a)
b=$(median b)
echo "(a) packmime-http --delaybox    $(echo "$a" | fmt)   $(tail -n +2 "$work/a/connections.csv" | wc -l) connections"
echo "(b) packmime-http               $(echo "$b" | fmt)   $(tail -n +2 "$work/b/connections.csv" | wc -l) connections"
awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ")
    printf "(a)/(b): wall %.3f, peak RSS %.3f\n", x[1] / y[1], x[2] / y[2] }'
if [ -f "$work/times.c" ]; then
    c=$(median c)
    echo "(c) ns-2.35 PackMime + DelayBox $(echo "$c" | fmt)   $(sed 's/pairs //' "$work/c.out") pairs"
    awk -v a="$a" -v c="$c" 'BEGIN { split(a, x, " "); split(c, y, " ")
        printf "(a)/(c): wall %.2f, peak RSS %.2f\n", x[1] / y[1], x[2] / y[2] }'
fi
echo "response time p10 / p50 / p90 / p99 (ms):"
echo "  (a) packmime-http --delaybox    $(quantiles 6 "$work/a/pairs.csv")"
echo "  (b) packmime-http               $(quantiles 6 "$work/b/pairs.csv")"
[ -f "$work/ns2.out" ] && echo "  (c) ns-2.35 PackMime + DelayBox $(quantiles 4 "$work/ns2.out" " ")"
echo "one-way delays drawn by (a), p10 / p50 / p90 / p99 (ms):"
for col in 12:client_delay_ms 13:server_delay_ms; do
    echo "  ${col#*:} $(quantiles "${col%%:*}" "$work/a/connections.csv" , 1)"
done

if command -v valgrind >/dev/null; then
    echo "== instructions (callgrind), (a) at rate 200 x 20 s + 5 s"
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.a" \
        "$bin/packmime-http" --rate=200 --duration=20 --drain=5 --delaybox --outdir="$work/cga" >/dev/null 2>&1
    total=$(callgrind_annotate --auto=no "$work/cg.a" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
    box=$(callgrind_annotate --auto=no --threshold=100 "$work/cg.a" 2>/dev/null |
        awk '/PackMimeDelayBox/ { gsub(",", "", $1); s += $1 } END { print s + 0 }')
    awk -v t="$total" -v b="$box" 'BEGIN {
        printf "total %.4g; DelayBox self cost %.4g = %.2f %% (target <= 3 %%)\n", t, b, 100 * b / t }'
fi

if [ "$quick" != --quick ]; then
    echo "== flow table at 10^5 connections (rate 200 x 500 s, --delaybox)"
    timed m "$bin/packmime-http" --rate=200 --duration=500 --drain=30 --delaybox --outdir="$work/m"
    echo "$(tail -n +2 "$work/m/connections.csv" | wc -l) connections: $(fmt <"$work/times.m")"
    grep -E '"(client_sessions_allocated|delaybox_peak_flows_[a-z_]*)"' "$work/m/summary.json" | tr -d ' ,"'
fi
