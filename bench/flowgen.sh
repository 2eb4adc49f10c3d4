#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Benchmark of packmime-flowgen (issue target: -n 100000 "well under a second"), reported as
# a ratio to a floor measured in the same run: awk writing the same number of CSV lines
# with random numbers (the cost of producing that much text at all).
# Usage: bench/flowgen.sh [BIN_DIR]   (needs hyperfine)
set -euo pipefail
bin=${1:-build/bin}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'server 10.0.0.1 5001\nserver 10.0.0.2 5001\nreq_size_dist websearch\n' >"$work/c.conf"
hyperfine --warmup 2 --runs 15 --export-json "$work/h.json" \
    -n flowgen "$bin/packmime-flowgen -c $work/c.conf -b 1000 -n 100000 -s 1 -l $work/f.csv" \
    -n floor "awk 'BEGIN { srand(1); print \"flow_id,start_time,server,size_bytes,dscp,rate_mbps,fanout\"; t = 0; for (i = 0; i < 100000; i++) { t += -log(rand()) * 0.0137; printf \"%d,%.9f,10.0.0.1:5001,%d,0,0,1\\n\", i, t, int(rand() * 3e7) } }' >$work/floor.csv" \
    >/dev/null 2>&1
python3 - "$work/h.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
f, b = r["flowgen"], r["floor"]
print(f"flowgen -n 100000: median {f['median']*1e3:.1f} ms (min {f['min']*1e3:.1f})")
print(f"floor (awk, same lines): median {b['median']*1e3:.1f} ms")
print(f"ratio flowgen/floor: {f['median']/b['median']:.2f}")
PY
