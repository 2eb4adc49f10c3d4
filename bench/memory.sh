#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Memory flatness at scale (issue: hardening). Peak RSS (/usr/bin/time) at 10^5 and 10^6
# flows, each measured once (a run is long; RSS varies by well under 1 % between runs), and
# the ratio 10^6 / 10^5 (target: within 5 %), on two workloads:
#   all-to-all:   20 KB flows on 16 hosts (packmime-bench-flows, Poisson at 0.5 of a link,
#                 without ns-3's default FqCoDel, as in the examples: FqCoDel creates a queue
#                 per flow-hash bucket a new connection falls into, which grows by itself);
#   heavy-tailed: packmime-flows --cdf=google_allrpc --load=0.3 --hosts=16;
# each with the connection pool unbounded (the default: a host pair keeps as many
# connections as its largest burst needed, so memory follows the largest burst so far) and
# with PackMimeFlowClient::MaxConnectionsPerDestination=CAP (default 2), which bounds the
# sockets ns-3 holds. It also prints the connections opened and the most flows running at
# once (waiting included); for all-to-all the most packets queued in all devices at once;
# for the heavy-tailed runs the flows that waited for a connection and the p99 FCT of
# flows < 100 KB (the price of the cap).
# Usage: bench/memory.sh [BIN_DIR] [--quick] [--cap=N]   (--quick: 10^4 and 10^5 flows)
# Long: about 90 minutes on 2 cores (a 10^6-flow run takes 7 to 35 minutes).
set -euo pipefail
bin=build/bin
sizes="100000 1000000"
cap=2
for a in "$@"; do
    case $a in
    --quick) sizes="10000 100000" ;;
    --cap=*) cap=${a#--cap=} ;;
    -*)
        echo "bench/memory.sh: unknown option '$a' (expected --quick or --cap=N)" >&2
        exit 2
        ;;
    *) bin=$a ;;
    esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/bench-lib.sh"

# mb: "wall_s rss_kb" on stdin as "W s  R MB", R in units of 1,000 KiB (the doc's tables).
mb() { awk '{ printf "%7.2f s %7.1f MB", $1, $2 / 1000 }'; }

# json KEY FILE: the number after "KEY": in summary.json.
json() { sed -n "s/^ *\"$1\": \([0-9.e+-]*\),\{0,1\}$/\1/p" "$2" | head -1; }
# p99 FCT (ms) of the first size bucket (< 100 KB) in summary.json.
p99small() {
    tr -d ' \n' <"$1" | sed -n 's/.*"buckets":\[{[^}]*"fct_p99_s":\([0-9.e+-]*\).*/\1/p' |
        awk '{ printf "%.3f", $1 * 1e3 }'
}

for pool in unbounded "cap $cap"; do
    attr=0
    [ "$pool" = unbounded ] || attr=$cap
    echo "== all-to-all, 20 KB flows, 16 hosts, pool $pool"
    prev=
    prevn=
    for n in $sizes; do
        timed "a2a.$n.$attr" "$bin/packmime-bench-flows" --impl=packmime --flows="$n" --hosts=16 \
            --queue-disc=false --stats --ns3::PackMimeFlowClient::MaxConnectionsPerDestination="$attr"
        r=$(median "a2a.$n.$attr")
        # The benchmark's last line: "... peak-queued-packets Q peak-running-flows R connections C".
        echo "$n flows: $(echo "$r" | mb); $(awk '{ printf "peak running %s, connections %s, peak queued packets %s", $(NF - 2), $NF, $(NF - 4) }' "$work/a2a.$n.$attr.out")"
        [ -z "$prev" ] || awk -v a="${prev#* }" -v b="${r#* }" -v m="$n" -v l="$prevn" \
            'BEGIN { printf "peak RSS %s / %s flows = %.3f (target within 5 %%)\n", m, l, b / a }'
        prev=$r
        prevn=$n
    done
    echo "== google_allrpc, load 0.3, 16 hosts, pool $pool"
    prev=
    prevn=
    for n in $sizes; do
        out=$work/out.$n.$attr
        timed "ht.$n.$attr" "$bin/packmime-flows" --cdf=google_allrpc --load=0.3 --hosts=16 \
            --flows="$n" --max-connections="$attr" --outdir="$out"
        r=$(median "ht.$n.$attr")
        s=$out/summary.json
        echo "$n flows: $(echo "$r" | mb); peak running $(json peak_running_flows "$s")," \
            "connections $(json connections_opened "$s"), waited $(json flows_waited "$s")," \
            "FCT p99 <100KB $(p99small "$s") ms"
        [ -z "$prev" ] || awk -v a="${prev#* }" -v b="${r#* }" -v m="$n" -v l="$prevn" \
            'BEGIN { printf "peak RSS %s / %s flows = %.3f (target within 5 %%)\n", m, l, b / a }'
        prev=$r
        prevn=$n
    done
done
