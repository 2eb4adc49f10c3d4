#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# PackMime-HTTP benchmark (issue: PackMime-HTTP in ns-3). Rate 200 connections/s for 300 s
# plus a 30 s drain, HTTP/1.0, on the dumbbell of examples/packmime-http.cc, in one run of
# this script:
#   (a) packmime-http (this module);
#   (b) ns-2.35's own PackMimeHTTP on the same topology (bench/packmime-ns2.tcl; Debian
#       package ns2) - context: ns-3's TCP/IP costs more per packet than ns-2's;
#   (c) the floor: (a)'s connections (sizes and start times from its connections.csv)
#       replayed by the leanest logic (packmime-bench-http-floor), so (a) - (c) is what the
#       module costs.
# Wall time and peak RSS (/usr/bin/time), median of 3 runs taken in turn (a, b, c, a, b, c,
# ...: the machines have 2 shared cores). Then instructions (valgrind --tool=callgrind) of
# (a) and (c) on 30 s + 5 s: total ratio, the module's own share (self cost of every
# function in libpackmime.so, C core included), and the inclusive cost of the planner and of
# the records. Then the flat-memory check: peak RSS of (a) after
# 10^5 connections (500 s) and 10^6 connections (5,000 s).
# Usage: bench/http.sh [BIN_DIR] [--quick]   (--quick: one run each, no 10^6 run)
set -euo pipefail
bin=${1:-build/bin}
quick=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
reps=3
[ "$quick" = --quick ] && reps=1

. "$here/bench-lib.sh"

args=(--rate=200 --duration=300 --drain=30 --http=1.0)
for rep in $(seq "$reps"); do
    timed a "$bin/packmime-http" "${args[@]}" --outdir="$work/a"
    if command -v ns >/dev/null; then
        timed b ns "$here/packmime-ns2.tcl" 200 300 30 1.0 "$work/ns2.out"
    fi
    timed c "$bin/packmime-bench-http-floor" --connections="$work/a/connections.csv" --rate=200 --end=330
done
conns=$(tail -n +2 "$work/a/connections.csv" | wc -l)
echo "== rate 200 x 300 s + 30 s drain, HTTP/1.0: $conns connections (median of $reps)"
a=$(median a)
c=$(median c)
echo "(a) packmime-http        $(echo "$a" | fmt)   $(awk '/^  requests/ { print $4, "pairs done" }' "$work/a.out")"
if [ -f "$work/times.b" ]; then
    b=$(median b)
    echo "(b) ns-2.35 PackMimeHTTP $(echo "$b" | fmt)   $(cat "$work/b.out") pairs done"
else
    b=""
    echo "(b) ns-2.35: 'ns' not found (apt-get install ns2)"
fi
echo "(c) floor (replay)       $(echo "$c" | fmt)   $(cat "$work/c.out")"
awk -v a="$a" -v c="$c" 'BEGIN { split(a, x, " "); split(c, y, " "); printf "wall (a)/(c) = %.3f (target <= 1.1)\n", x[1] / y[1] }'
[ -n "$b" ] && awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "wall (a)/(b) = %.2f; peak RSS (a)/(b) = %.3f (target <= 1)\n", x[1] / y[1], x[2] / y[2] }'

if command -v valgrind >/dev/null; then
    echo "== instructions (callgrind), rate 200 x 30 s + 5 s"
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.a" \
        "$bin/packmime-http" --rate=200 --duration=30 --drain=5 --outdir="$work/cga" >/dev/null 2>&1
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.c" \
        "$bin/packmime-bench-http-floor" --connections="$work/cga/connections.csv" --end=35 >/dev/null 2>&1
    total() { callgrind_annotate --auto=no "$1" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'; }
    ia=$(total "$work/cg.a")
    ic=$(total "$work/cg.c")
    # The module's own instructions: the self cost of every function compiled into
    # libpackmime.so (the C core included; not the ns-3 or libc code it calls).
    own=$(callgrind_annotate --auto=no --threshold=100 "$work/cg.a" 2>/dev/null |
        awk '/\[[^]]*libpackmime\.so\]/ { gsub(",", "", $1); s += $1 } END { print s + 0 }')
    # Inclusive costs of the parts that do not enter ns-3: the planner and the records.
    incl() { callgrind_annotate --auto=no --inclusive=yes --threshold=100 "$work/cg.a" 2>/dev/null |
        awk -v re="$1" '$0 ~ re && /libpackmime\.so\]/ { gsub(",", "", $1); s += $1 } END { print s + 0 }'; }
    planner=$(incl 'pm_http_planner_next|PackMimeHttpRandomVariable::GetValue')
    records=$(incl 'PackMimeHttpGenerator::Handle(Response|Closed|RequestSent)')
    awk -v a="$ia" -v c="$ic" -v o="$own" -v p="$planner" -v r="$records" 'BEGIN {
        printf "instructions (a) %.4g, (c) %.4g: (a)/(c) = %.4f\n", a, c, a / c
        printf "module self cost %.4g = %.2f %% of (a) (target <= 5 %%)\n", o, 100 * o / a
        printf "inclusive: planner + server delays %.2f %%, records and CSV %.2f %%\n", 100 * p / a, 100 * r / a }'
fi

if [ "$quick" != --quick ]; then
    echo "== flat memory: peak RSS of (a) at rate 200"
    for d in 500 5000; do
        timed "m$d" "$bin/packmime-http" --rate=200 --duration=$d --drain=30 --outdir="$work/m"
        n=$(tail -n +2 "$work/m/connections.csv" | wc -l)
        echo "$n connections: $(fmt <"$work/times.m$d")"
    done
    awk 'NR == FNR { a = $2; next } { printf "peak RSS 10^6 / 10^5 = %.3f (target within 5%%)\n", $2 / a }' "$work/times.m500" "$work/times.m5000"
fi
