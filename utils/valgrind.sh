#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# valgrind memcheck on a short run of every example and tool (and on a usage error of each):
# no invalid read or write, no use of uninitialised memory, no definite leak. Prints each
# run's ERROR SUMMARY line; fails if any run reports an error.
# Usage: utils/valgrind.sh BIN_DIR
set -uo pipefail
bin=${1:?usage: utils/valgrind.sh BIN_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
janus="$root/data/janus"
printf 'server 127.0.0.1 5001\nserver 127.0.0.2 5002 2\nreq_size_dist websearch\nfanout 2\n' >"$work/c.conf"
failed=0
runs=0

# vg NAME STATUS COMMAND...: COMMAND exits with STATUS under memcheck, without errors.
vg() {
    local name=$1 status=$2
    shift 2
    runs=$((runs + 1))
    valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
        --log-file="$work/vg.log" "$@" >"$work/out" 2>"$work/err"
    local rc=$?
    local summary
    summary=$(grep -m1 "ERROR SUMMARY" "$work/vg.log" | sed 's/^==[0-9]*== //')
    if [ "$rc" -eq "$status" ]; then
        printf '%-34s %s\n' "$name" "$summary"
    else
        failed=$((failed + 1))
        printf '%-34s FAILED (exit %s, expected %s): %s\n' "$name" "$rc" "$status" "$summary"
        grep -E "Invalid|uninitialised|definitely lost|at 0x|by 0x" "$work/vg.log" | head -20 | sed 's/^/    /'
        tail -3 "$work/err" | sed 's/^/    /'
    fi
}

vg "sample ecdf --summary" 0 "$bin/packmime-sample" ecdf:websearch -n 2000 --summary
vg "sample rsp-size" 0 "$bin/packmime-sample" rsp-size --rate 10 -n 500
vg "sample connections HTTP/1.1" 0 "$bin/packmime-sample" connections --rate 10 --http 1.1 -n 200
vg "sample usage error" 2 "$bin/packmime-sample" flow-arrival --rate 0.001
vg "flowgen csv" 0 "$bin/packmime-flowgen" -c "$work/c.conf" -b 100 -n 500 -s 1 -l "$work/f.csv"
vg "flowgen hpcc" 0 "$bin/packmime-flowgen" -c "$work/c.conf" -b 100 -t 1 -s 1 --format hpcc -l "$work/f.txt"
vg "flowgen usage error" 2 "$bin/packmime-flowgen" -c "$work/c.conf" -b 100 -t 1e9
vg "tm compress" 0 "$bin/packmime-tm" compress "$janus/sample_trace" "$work/t"
vg "tm dump" 0 "$bin/packmime-tm" dump "$janus/sample_trace-binary-janus/traffic"
vg "tm info (text)" 0 "$bin/packmime-tm" info "$janus/synthetic_distinct"
vg "tm malformed" 1 "$bin/packmime-tm" info "$work/nope"
vg "flows all-to-all" 0 "$bin/packmime-flows" --cdf=fb_keyvalue --hosts=4 --link=1Gbps --flows=200 --outdir="$work/flows"
vg "flows incast, leaf-spine" 0 "$bin/packmime-flows" --cdf=fb_keyvalue --hosts=8 --link=1Gbps --flows=200 --pattern=incast --incast-fanout=3 --topology=leaf-spine --leaves=2 --outdir="$work/incast"
vg "flows traffic matrix" 0 "$bin/packmime-flows" --pattern=tm --tm="$janus/sample_trace" --epoch=0.002 --tm-scale=1e4 --hosts=4 --cdf=fb_keyvalue --link=1Gbps --outdir="$work/tm"
vg "flows --max-idle=1 (closes)" 0 "$bin/packmime-flows" --cdf=fb_keyvalue --hosts=4 --link=1Gbps --flows=200 --max-idle=1 --outdir="$work/maxidle"
vg "flows --max-connections=1 (waits)" 0 "$bin/packmime-flows" --cdf=fb_webserver --hosts=4 --link=1Gbps --flows=200 --load=0.5 --max-connections=1 --outdir="$work/maxconn"
vg "flows usage error" 2 "$bin/packmime-flows" --hosts=-1 --flows=10
vg "http HTTP/1.1" 0 "$bin/packmime-http" --rate=20 --duration=2 --drain=2 --http=1.1 --outdir="$work/http"
vg "http small queue" 0 "$bin/packmime-http" --rate=50 --duration=1 --drain=0 --queue=5 --outdir="$work/httpq"
vg "http DelayBoxes" 0 "$bin/packmime-http" --rate=20 --duration=2 --drain=3 --delaybox --outdir="$work/httpdb"
vg "http usage error" 2 "$bin/packmime-http" --bottleneck=0bps
vg "flow-sizes example" 0 "$bin/packmime-flow-sizes"
vg "plot flows" 0 "$bin/packmime-plot" "$work/flows" --no-render
vg "plot http" 0 "$bin/packmime-plot" "$work/http" --no-render
vg "plot usage error" 2 "$bin/packmime-plot" "$work/flows" --format svg
# The sweep's own work (a stand-in program writes each job's summary.json).
printf '#!/bin/sh\nfor a; do case $a in --outdir=*) echo "{\\"x\\": [1, 2]}" >"${a#--outdir=}/summary.json";; esac; done\n' >"$work/prog"
chmod +x "$work/prog"
vg "sweep (GNU parallel, 4 jobs)" 0 "$bin/packmime-sweep" --program "$work/prog" --param x=1,2 --runs 2 -o "$work/sweep"
rm "$work/sweep/jobs/0001/done"
vg "sweep job" 0 "$bin/packmime-sweep" job "$work/sweep" 1
vg "sweep status" 0 "$bin/packmime-sweep" status "$work/sweep"
vg "sweep collect" 0 "$bin/packmime-sweep" collect "$work/sweep"
vg "plot sweep" 0 "$bin/packmime-plot" "$work/sweep" --y "x[1]" --no-render
vg "sweep usage error" 2 "$bin/packmime-sweep" --program "$work/prog" --runs 0 -o "$work/sweep"
echo "$runs runs under memcheck, $failed failed"
[ "$failed" -eq 0 ]
