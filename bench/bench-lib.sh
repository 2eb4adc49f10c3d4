# SPDX-License-Identifier: GPL-2.0-only
#
# Shared by the benchmark scripts (sourced): run and time commands, take medians.
# The caller sets $work, a scratch directory.

# timed NAME CMD...: run CMD (stdout to $work/NAME.out, stderr to $work/NAME.err), append
# "wall_s rss_kb" (/usr/bin/time) to $work/times.NAME; stop the benchmark if CMD fails.
timed() {
    local name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >"$work/$name.out" 2>"$work/$name.err" || {
        echo "$name failed:" >&2
        tail -5 "$work/$name.err" >&2
        exit 1
    }
    cat "$work/t" >>"$work/times.$name"
}

# median NAME: the median line (by wall time) of $work/times.NAME.
median() {
    sort -n "$work/times.$1" | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }'
}

# fmt: "wall_s rss_kb" on stdin as "W s  R MB".
fmt() { awk '{ printf "%7.2f s %7.1f MB", $1, $2 / 1024 }'; }
