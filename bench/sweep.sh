#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# What packmime-sweep adds to a campaign: 200 jobs of a trivial program (it only writes
# summary.json) run by packmime-sweep -j 2, against GNU parallel running the same 200
# commands directly with -j 2 (the floor: the engine alone), in the same hyperfine run; then
# the time of `collect` and `packmime-plot` on those 200 jobs.
# Usage: bench/sweep.sh [BIN_DIR]   (needs hyperfine, GNU parallel)
set -euo pipefail
for tool in hyperfine parallel; do
    command -v $tool >/dev/null || { echo "bench/sweep.sh: needs $tool (apt-get install $tool)" >&2; exit 2; }
done
bin=$(cd "${1:-build/bin}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/prog" <<'PROG'
#!/bin/sh
for a; do case $a in --outdir=*) o=${a#--outdir=} ;; --RngRun=*) r=${a#--RngRun=} ;; esac; done
mkdir -p "$o" && printf '{"value": %s, "x": [1, 2, 3]}\n' "$r" >"$o/summary.json"
PROG
chmod +x "$work/prog"
sweep="$bin/packmime-sweep --program $work/prog --param a=1,2,3,4,5 --param b=1,2,3,4 --runs 10 -j 2"
hyperfine --warmup 1 --runs 5 --export-json "$work/h.json" \
    --prepare "rm -rf $work/s $work/p" \
    -n sweep "$sweep -o $work/s" \
    -n floor "seq 0 199 | parallel --will-cite -j 2 $work/prog --RngRun={} --outdir=$work/p/{}" \
    >/dev/null 2>&1
$sweep -o "$work/s" >/dev/null
hyperfine --warmup 1 --runs 10 --export-json "$work/c.json" \
    -n collect "$bin/packmime-sweep collect $work/s" \
    -n plot "$bin/packmime-plot $work/s --y value --no-render" >/dev/null 2>&1
python3 - "$work/h.json" "$work/c.json" <<'PY'
import json, sys
r = {x["command"]: x for f in sys.argv[1:] for x in json.load(open(f))["results"]}
s, f = r["sweep"], r["floor"]
print(f"200 jobs, -j 2: packmime-sweep median {s['median']:.2f} s, GNU parallel alone {f['median']:.2f} s")
print(f"ratio sweep/floor: {s['median']/f['median']:.2f} ({(s['median']-f['median'])/200*1e3:.1f} ms per job)")
print(f"collect (200 jobs): median {r['collect']['median']*1e3:.1f} ms; plot --no-render: {r['plot']['median']*1e3:.1f} ms")
PY
