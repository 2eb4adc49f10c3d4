# SPDX-License-Identifier: GPL-2.0-only
#
# What the end-to-end test scripts share (sourced, after setting $work to a scratch
# directory): counters, check, expect and wait_for.
passed=0
failed=0
bad_inputs=0

# Every case must end by itself within this many seconds (a hang is a failure, as a crash).
case_timeout=${PACKMIME_CLI_TIMEOUT:-60}

# expect NAME STATUS PATTERN -- COMMAND...: COMMAND exits with STATUS within the time limit
# and its stderr matches PATTERN (an empty PATTERN checks the status only). Its stdout and
# stderr stay in $work/out and $work/err.
expect() {
    local name=$1 status=$2 pattern=$3
    shift 4
    [ "$status" -ne 0 ] && bad_inputs=$((bad_inputs + 1))
    # A subshell, so that the shell's own "Segmentation fault" job message stays out of the log.
    (timeout -k 5 "$case_timeout" "$@" >"$work/out" 2>"$work/err"; exit $?) 2>/dev/null
    local rc=$?
    [ "$rc" -eq 124 ] && echo "(timed out after $case_timeout s)" >>"$work/err"
    if [ "$rc" -eq "$status" ] && { [ -z "$pattern" ] || grep -qE -- "$pattern" "$work/err"; }; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $name: exit $rc (expected $status); stderr:" >&2
        sed 's/^/    /' "$work/err" >&2
        echo "    (expected /$pattern/)" >&2
    fi
}

# check NAME CONDITION...: the shell condition holds.
check() {
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $name" >&2
    fi
}

# wait_for SECONDS CONDITION...: poll every 0.1 s until the condition holds; 1 on timeout.
wait_for() {
    local limit=$(($1 * 10))
    shift
    for _ in $(seq "$limit"); do
        "$@" && return 0
        sleep 0.1
    done
    return 1
}
