#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# packmime-sweep on a real Slurm: starts a single-node Slurm on this machine (munged,
# slurmctld and slurmd from Debian's slurm-wlm and munge, listening on 127.0.0.1 and ports
# 16817/16818 only), runs the same sweep as a job array (--slurm) and through GNU parallel,
# checks that every job's outputs are byte-identical (same RngRuns), then stops the daemons it
# started (by PID). Needs root (daemons, packages); skipped with a message otherwise.
# Usage: packmime-slurm-test.sh BIN_DIR
set -u
bin=$(cd "${1:?usage: $0 BIN_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" -ne 0 ]; then
    echo "packmime-slurm-test: SKIPPED: starting munged, slurmctld and slurmd needs root" \
        "(running as $(id -un))"
    exit 0
fi
"$here/../utils/install-deps.sh" --slurm || exit 1

work=$(mktemp -d /tmp/packmime-slurm.XXXXXX)
chmod 755 "$work"
started_pids=()
stop_daemons() {
    for pid in "${started_pids[@]}"; do
        kill "$pid" 2>/dev/null
    done
    for pid in "${started_pids[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null
    done
}
trap 'stop_daemons; rm -rf "$work"' EXIT
. "$here/packmime-test-lib.sh"

# munge: the Slurm daemons authenticate with it. Use a running munged, else start one.
if ! munge -n </dev/null >/dev/null 2>&1; then
    mkdir -p /run/munge && chown munge:munge /run/munge && chmod 755 /run/munge
    runuser -u munge -- /usr/sbin/munged || { echo "FAIL: munged did not start" >&2; exit 1; }
    wait_for 10 test -s /run/munge/munged.pid
    started_pids+=("$(cat /run/munge/munged.pid)")
    wait_for 10 sh -c 'munge -n </dev/null >/dev/null 2>&1' || { echo "FAIL: munge" >&2; exit 1; }
fi

host=$(hostname -s)
cat >"$work/slurm.conf" <<EOF
ClusterName=packmime-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
MpiDefault=none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=packmime Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
mkdir -p "$work/state" "$work/spool"
export SLURM_CONF="$work/slurm.conf"
/usr/sbin/slurmctld -f "$SLURM_CONF" || { echo "FAIL: slurmctld did not start" >&2; cat "$work/slurmctld.log" >&2; exit 1; }
wait_for 10 test -s "$work/slurmctld.pid"
started_pids+=("$(cat "$work/slurmctld.pid")")
/usr/sbin/slurmd -f "$SLURM_CONF" -N "$host" || { echo "FAIL: slurmd did not start" >&2; cat "$work/slurmd.log" >&2; exit 1; }
wait_for 10 test -s "$work/slurmd.pid"
started_pids+=("$(cat "$work/slurmd.pid")")
node_idle() { sinfo -h -N -o %t 2>/dev/null | grep -qx idle; }
if ! wait_for 60 node_idle; then
    echo "FAIL: the node did not become idle; sinfo: $(sinfo -N 2>&1)" >&2
    tail -20 "$work/slurmctld.log" "$work/slurmd.log" >&2
    exit 1
fi
check "single-node Slurm up" node_idle

# The same sweep through Slurm (a job array, --slurm-max 2) and through GNU parallel.
args=(--program packmime-flows --param load=0.3,0.6 --runs 2)
fixed=(-- --flows=200 --cdf=fb_webserver --hosts=4)
"$bin/packmime-sweep" "${args[@]}" --slurm --slurm-max 2 --sbatch=--time=10 -o "$work/slurm" \
    "${fixed[@]}" >"$work/submit.out" 2>&1
check "slurm: submitted" grep -q "Submitted batch job" "$work/submit.out"
check "slurm: array line" grep -qx "#SBATCH --array=0-3%2" "$work/slurm/slurm.sbatch"
check "slurm: extra sbatch line" grep -qx "#SBATCH --time=10" "$work/slurm/slurm.sbatch"
all_done() { "$bin/packmime-sweep" status "$work/slurm" >/dev/null; }
if ! wait_for 300 all_done; then
    echo "FAIL: the array did not finish in 300 s:" >&2
    "$bin/packmime-sweep" status "$work/slurm" >&2
    squeue >&2
    tail -20 "$work/slurmctld.log" >&2
fi
check "slurm: 4 jobs done" all_done
check "slurm: one log per array task" [ "$(ls "$work/slurm/slurm" | wc -l)" -eq 4 ]
"$bin/packmime-sweep" "${args[@]}" -j 2 -o "$work/parallel" "${fixed[@]}" >/dev/null 2>&1
parallel_done() { "$bin/packmime-sweep" status "$work/parallel" >/dev/null; }
check "parallel: 4 jobs done" parallel_done
for j in 0000 0001 0002 0003; do
    for f in flows.csv summary.json; do
        check "job $j $f: Slurm = GNU parallel" cmp -s "$work/slurm/jobs/$j/out/$f" "$work/parallel/jobs/$j/out/$f"
    done
done
"$bin/packmime-sweep" collect "$work/slurm" >/dev/null
"$bin/packmime-sweep" collect "$work/parallel" >/dev/null
check "summary-ci.csv: Slurm = GNU parallel" cmp -s "$work/slurm/summary-ci.csv" "$work/parallel/summary-ci.csv"

# A rerun of the finished campaign submits nothing.
"$bin/packmime-sweep" "${args[@]}" --slurm -o "$work/slurm" "${fixed[@]}" >"$work/resubmit.out" 2>&1
check "slurm: a finished campaign is not resubmitted" \
    sh -c "grep -q '4 done before, running 0' '$work/resubmit.out' && ! grep -q Submitted '$work/resubmit.out'"

echo "packmime-slurm-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
