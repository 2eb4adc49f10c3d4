#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Scale benchmark of the flow workload (issue: CDF-driven flows). The same flow list of
# fixed 20 KB flows, run by stock ns-3 applications installed per flow (BulkSend + PacketSink)
# and by packmime's pooled applications, at 2k, 4k, 8k and 12k flows, first from one sender
# to one receiver, then on 16 hosts all-to-all; then packmime alone at 10^5 and 10^6 flows
# (one sender, one receiver), for the flat-memory target. Reports wall time and peak RSS
# (/usr/bin/time), and the ratios. Long runs are measured once (their noise is small
# relative to their length); runs under 10 s are repeated 3 times and the median kept.
# Usage: bench/flows.sh [BIN_DIR] [--quick]   (--quick skips the 10^6 run)
set -euo pipefail
bin=${1:-build/bin}/packmime-bench-flows
quick=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run IMPL FLOWS HOSTS: prints "wall_s rss_kb" (median of 3 when fast), or "failed".
run() {
    local times=()
    for rep in 1 2 3; do
        if ! /usr/bin/time -f "%e %M" -o "$work/t" "$bin" --impl="$1" --flows="$2" --hosts="$3" >"$work/out" 2>&1; then
            echo "failed ($(tail -1 "$work/out" | cut -c1-60))"
            return
        fi
        times+=("$(cat "$work/t")")
        awk '{ exit !($1 < 10) }' "$work/t" || break
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }'
}

for hosts in 2 16; do
    echo "== $hosts hosts ($([ "$hosts" = 2 ] && echo "one sender, one receiver" || echo "all-to-all"))"
    printf '%8s %22s %22s %10s\n' flows "stock wall/RSS" "packmime wall/RSS" speedup
    for n in 2000 4000 8000 12000; do
        s=$(run stock "$n" "$hosts")
        p=$(run packmime "$n" "$hosts")
        ratio=$(awk -v s="$s" -v p="$p" 'BEGIN { split(s, a, " "); split(p, b, " "); if (a[1] + 0 > 0 && b[1] + 0 > 0) printf "%.1fx", a[1] / b[1]; else print "n/a" }')
        printf '%8s %22s %22s %10s\n' "$n" "$(awk -v s="$s" 'BEGIN { split(s, a, " "); if (a[2]) printf "%.2f s %.0f MB", a[1], a[2] / 1024; else print s }')" \
            "$(awk -v s="$p" 'BEGIN { split(s, a, " "); printf "%.2f s %.0f MB", a[1], a[2] / 1024 }')" "$ratio"
    done
done
echo "== packmime at scale (one sender, one receiver)"
for n in 100000 $([ "$quick" = --quick ] || echo 1000000); do
    p=$(run packmime "$n" 2)
    echo "$n flows: $(awk -v s="$p" 'BEGIN { split(s, a, " "); printf "%.1f s, peak RSS %.1f MB", a[1], a[2] / 1024 }')"
    echo "$p" >"$work/scale.$n"
done
if [ -f "$work/scale.1000000" ]; then
    awk 'NR == FNR { a = $2; next } { printf "peak RSS 10^6 / 10^5 = %.3f (target within 5%%)\n", $2 / a }' "$work/scale.100000" "$work/scale.1000000"
fi
