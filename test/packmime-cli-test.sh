#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# End-to-end tests of the command-line tools: every malformed configuration or flag gives
# its own message and exit status, schedules are reproducible, -r passes its status through.
# Usage: packmime-cli-test.sh BIN_DIR
set -u
bin=${1:?usage: $0 BIN_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/packmime-test-lib.sh"

fg="$bin/packmime-flowgen"
printf '10000 0.5\n20000 1\n' >"$work/ok.cdf"
printf '10000 0.5\n5000 1\n' >"$work/bad.cdf"
printf '10000 0.5\n1e30 1\n' >"$work/huge.cdf"
good='server 10.0.0.1 5001\nreq_size_dist %s\n'

# Malformed configurations: "config text" "expected message" (all exit 2).
configs=(
    "srever 10.0.0.1 5001\nreq_size_dist websearch\n"   "c.conf:1: unknown keyword 'srever'"
    "server 10.0.0.1\nreq_size_dist websearch\n"        "c.conf:1: server needs an address and a port"
    "server 10.0.0.1 5001 1 9\nreq_size_dist websearch\n" "c.conf:1: too many fields"
    "server 300.0.0.1 5001\nreq_size_dist websearch\n"  "c.conf:1: '300.0.0.1' is not an IPv4 or IPv6 address"
    "server host.example 5001\nreq_size_dist websearch\n" "c.conf:1: 'host.example' is not an IPv4 or IPv6"
    "server 10.0.0.1 70000\nreq_size_dist websearch\n"  "c.conf:1: port '70000' is not an integer in 1..65535"
    "server 10.0.0.1 http\nreq_size_dist websearch\n"   "c.conf:1: port 'http' is not an integer"
    "server 10.0.0.1 5001 0\nreq_size_dist websearch\n" "c.conf:1: weight '0' must be a number > 0"
    "server 10.0.0.1 5001 -2\nreq_size_dist websearch\n" "c.conf:1: weight '-2' must be a number > 0"
    "server 10.0.0.1 5001\n"                            "c.conf: no req_size_dist line"
    "req_size_dist websearch\n"                         "c.conf: no server line"
    "server 10.0.0.1 5001\nreq_size_dist websearch\nreq_size_dist datamining\n" "c.conf:3: second req_size_dist \\(the first is on line 2\\)"
    "server 10.0.0.1 5001\nreq_size_dist $work/bad.cdf\n" "c.conf:2: req_size_dist: .*bad.cdf:2: size 5000 is smaller"
    "server 10.0.0.1 5001\nreq_size_dist $work/none.cdf\n" "c.conf:2: req_size_dist: .*none.cdf' is neither a built-in"
    "server 10.0.0.1 5001\nreq_size_dist websearch\ndscp 64\n" "c.conf:3: dscp '64' is not an integer in 0..63"
    "server 10.0.0.1 5001\nreq_size_dist websearch\ndscp ef\n" "c.conf:3: dscp 'ef' is not an integer"
    "server 10.0.0.1 5001\nreq_size_dist websearch\nrate 100\n" "c.conf:3: rate '100' is not '<N>Mbps'"
    "server 10.0.0.1 5001\nreq_size_dist websearch\nrate xMbps\n" "c.conf:3: rate 'xMbps' is not '<N>Mbps' with N >= 0"
    "server 10.0.0.1 5001\nreq_size_dist websearch\nfanout 0\n" "c.conf:3: fanout '0' is not an integer in 1..1000000"
    "server 10.0.0.1 5001\nreq_size_dist websearch\nfanout 2 1 7\n" "c.conf:3: expected 'fanout <1..1000000> \\[WEIGHT\\]'"
    "server 10.0.0.1 5001\nreq_size_dist websearch\ndscp 0 zero\n" "c.conf:3: weight 'zero' must be a number > 0"
    "server 10.0.0.1 5001\nreq_size_dist\n"             "c.conf:2: expected 'req_size_dist <CDF file or built-in CDF name>'"
    "server 10.0.0.1 5001\nreq_size_dist websearch\nfanout 4294967296\n" "c.conf:3: fanout '4294967296' is not an integer in 1..1000000"
    "server 10.0.0.1 5001\nreq_size_dist websearch\nfanout 1000000000000\n" "c.conf:3: fanout '1000000000000' is not an integer in 1..1000000"
    "server 10.0.0.1 5001\nreq_size_dist websearch\nfanout 9223372036854775807\n" "c.conf:3: fanout '9223372036854775807' is not an integer"
    "server 10.0.0.1 5001\nreq_size_dist websearch\nfanout 2.5\n" "c.conf:3: fanout '2.5' is not an integer"
    "server 10.0.0.1 5001 inf\nreq_size_dist websearch\n" "c.conf:1: weight 'inf' must be a number > 0"
    "server 10.0.0.1 5001 1e400\nreq_size_dist websearch\n" "c.conf:1: weight '1e400' must be a number > 0"
    "server 10.0.0.1 5001 nan\nreq_size_dist websearch\n" "c.conf:1: weight 'nan' must be a number > 0"
    "server 10.0.0.1 5001\nreq_size_dist websearch\ndscp -1\n" "c.conf:3: dscp '-1' is not an integer in 0..63"
    "server 10.0.0.1 5001\nreq_size_dist websearch\nrate -5Mbps\n" "c.conf:3: rate '-5Mbps' is not '<N>Mbps' with N >= 0"
    "server 10.0.0.1 5001\nreq_size_dist $work/huge.cdf\n" "c.conf:2: req_size_dist: .*huge.cdf:2: size 1e\\+30 bytes exceeds 2\\^53"
)
for ((i = 0; i < ${#configs[@]}; i += 2)); do
    printf "${configs[i]}" >"$work/c.conf"
    expect "config case $((i / 2 + 1))" 2 "${configs[i + 1]}" -- "$fg" -c "$work/c.conf" -b 100 -n 10 -l "$work/f.csv" -s 1
done
expect "missing config file" 2 "nope.conf: cannot open" -- "$fg" -c "$work/nope.conf" -b 100 -n 10 -l "$work/f.csv"

# Flag errors (exit 2, message names the flag).
printf "$good" websearch >"$work/ok.conf"
ok=(-c "$work/ok.conf" -l "$work/f.csv" -s 1)
expect "-b missing" 2 "missing -b MBPS" -- "$fg" "${ok[@]}" -n 10
expect "-b zero" 2 "-b '0': out of range: expected a number > 0" -- "$fg" "${ok[@]}" -b 0 -n 10
expect "-b negative" 2 "-b '-5': out of range: expected a number > 0" -- "$fg" "${ok[@]}" -b -5 -n 10
expect "-b text" 2 "-b 'fast': expected a number > 0" -- "$fg" "${ok[@]}" -b fast -n 10
expect "-n and -t" 2 "give exactly one of -n COUNT and -t SECONDS" -- "$fg" "${ok[@]}" -b 10 -n 10 -t 5
expect "neither -n nor -t" 2 "give exactly one of -n COUNT and -t SECONDS" -- "$fg" "${ok[@]}" -b 10
expect "-n text" 2 "-n 'ten': expected an integer in \\[1, 1000000000\\]" -- "$fg" "${ok[@]}" -b 10 -n ten
expect "-n fraction" 2 "-n '2.5': expected an integer in" -- "$fg" "${ok[@]}" -b 10 -n 2.5
expect "-t zero" 2 "-t '0': out of range: expected a number > 0" -- "$fg" "${ok[@]}" -b 10 -t 0
expect "-c missing" 2 "missing -c CONFIG" -- "$fg" -b 10 -n 10
expect "--mode" 2 "--mode: sampling mode 'smooth' is not 'linear' or 'step'" -- "$fg" "${ok[@]}" -b 10 -n 10 --mode smooth
expect "--format" 2 "--format 'json': expected csv or hpcc" -- "$fg" "${ok[@]}" -b 10 -n 10 --format json
expect "--overhead" 2 "--overhead '0.5': out of range: expected a number in \\[1, 100\\]" -- "$fg" "${ok[@]}" -b 10 -n 10 --overhead=0.5
expect "unknown flag" 2 "unknown option '-x'" -- "$fg" "${ok[@]}" -b 10 -n 10 -x
expect "-n negative" 2 "-n '-1': out of range: expected an integer in \\[1, 1000000000\\]" -- "$fg" "${ok[@]}" -b 10 -n -1
expect "-n above the limit" 2 "-n '2e9': out of range" -- "$fg" "${ok[@]}" -b 10 -n 2e9
expect "-n largest integer" 2 "-n '18446744073709551615': out of range" -- "$fg" "${ok[@]}" -b 10 -n 18446744073709551615
expect "-t 1e9 (10^10 requests)" 2 "duration 1e\\+09 s at .* requests/s means about .* requests: at most 1000000000" -- "$fg" "${ok[@]}" -b 100 -t 1e9
expect "-t inf" 2 "-t 'inf': not finite" -- "$fg" "${ok[@]}" -b 10 -t inf
expect "-b 1e400" 2 "-b '1e400': not finite" -- "$fg" "${ok[@]}" -b 1e400 -n 10
expect "-s negative" 2 "-s '-1': expected an unsigned integer" -- "$fg" "${ok[@]}" -b 10 -n 10 -s -1
expect "-s overflow" 2 "-s '99999999999999999999999': expected an unsigned integer" -- "$fg" "${ok[@]}" -b 10 -n 10 -s 99999999999999999999999
expect "--overhead 1e400" 2 "--overhead '1e400': not finite" -- "$fg" "${ok[@]}" -b 10 -n 10 --overhead=1e400
expect "hpcc to a pipe" 2 "--format hpcc writes the flow count first .* regular \\(seekable\\) file" -- bash -o pipefail -c '"$0" -c "$1" -b 10 -n 10 --format hpcc -l /dev/stdout | cat' "$fg" "$work/ok.conf"
expect "-n 1e3 means 1000" 0 "" -- "$fg" "${ok[@]}" -b 10 -n 1e3
check "-n 1e3 wrote 1000 flows" test "$(wc -l <"$work/f.csv")" -eq 1001
# Weights of 1e308 sum to infinity: scaled to their maximum, both servers get half the flows.
printf 'server 127.0.0.1 5001 1e308\nserver 127.0.0.2 5001 1e308\nreq_size_dist websearch\n' >"$work/w.conf"
expect "weights of 1e308" 0 "" -- "$fg" -c "$work/w.conf" -b 100 -n 2000 -s 1 -l "$work/w.csv"
check "weights of 1e308: both servers used evenly" test "$(grep -c 127.0.0.2 "$work/w.csv")" -gt 900
printf '\xef\xbb\xbfserver 127.0.0.1 5001\nreq_size_dist websearch\n' >"$work/bom.conf"
expect "config with a byte-order mark" 0 "" -- "$fg" -c "$work/bom.conf" -b 10 -n 10 -l "$work/f.csv"
expect "unwritable log" 1 "-l /nonexistent/dir/f.csv: cannot write" -- "$fg" -c "$work/ok.conf" -b 10 -n 10 -l /nonexistent/dir/f.csv
expect "help" 0 "" -- "$fg" --help
check "help text names every flag" grep -q -- "--overhead" "$work/out"

# Reproducibility: same seed, same bytes; another seed differs; the printed seed repeats a run.
"$fg" -c "$work/ok.conf" -b 100 -n 1000 -s 7 -l "$work/a.csv" 2>/dev/null
"$fg" -c "$work/ok.conf" -b 100 -n 1000 -s 7 -l "$work/b.csv" 2>/dev/null
"$fg" -c "$work/ok.conf" -b 100 -n 1000 -s 8 -l "$work/c.csv" 2>/dev/null
check "same seed, identical schedule" cmp -s "$work/a.csv" "$work/b.csv"
check "other seed, other schedule" bash -c "! cmp -s '$work/a.csv' '$work/c.csv'"
"$fg" -c "$work/ok.conf" -b 100 -n 1000 -v -l "$work/d.csv" 2>"$work/seed.err"
seed=$(sed -n 's/^  seed *\([0-9]*\)$/\1/p' "$work/seed.err")
"$fg" -c "$work/ok.conf" -b 100 -n 1000 -s "$seed" -l "$work/e.csv" 2>/dev/null
check "printed seed reproduces the run" cmp -s "$work/d.csv" "$work/e.csv"
check "csv header" grep -qx "flow_id,start_time,server,size_bytes,dscp,rate_mbps,fanout" "$work/a.csv"
check "one line per flow" test "$(wc -l <"$work/a.csv")" -eq 1001
check "start times in order" bash -c "tail -n +2 '$work/a.csv' | cut -d, -f2 | sort -c -g"

# HPCC format: a count line, then six fields per flow.
"$fg" -c "$work/ok.conf" -b 100 -n 50 -s 1 --format hpcc -l "$work/h.txt" 2>/dev/null
check "hpcc count line" test "$(head -1 "$work/h.txt" | tr -d ' ')" = 50
check "hpcc fields" bash -c "tail -n +2 '$work/h.txt' | awk 'NF != 6 { bad = 1 } END { exit bad }'"

# -r runs PROGRAM LOG and passes its exit status through.
printf '#!/bin/sh\ntest -s "$1" || exit 9\nexit 3\n' >"$work/result.sh"
chmod +x "$work/result.sh"
expect "-r status passed through" 3 "" -- "$fg" "${ok[@]}" -b 10 -n 5 -r "$work/result.sh"
expect "-r with arguments" 0 "" -- "$fg" "${ok[@]}" -b 10 -n 5 -r "sh -c true"
expect "-r not found" 1 "-r '/nonexistent/prog': cannot run" -- "$fg" "${ok[@]}" -b 10 -n 5 -r /nonexistent/prog

# packmime-sample
ps="$bin/packmime-sample"
expect "sample unknown variable" 2 "unknown variable 'foo'" -- "$ps" foo
expect "sample bad -n" 2 "-n 'many': expected an integer in \\[0, 9007199254740992\\]" -- "$ps" ecdf:websearch -n many
expect "sample bad mode" 2 "--mode: sampling mode 'x' is not" -- "$ps" ecdf:websearch --mode x
expect "sample bad cdf" 1 "bad.cdf:2: size 5000 is smaller" -- "$ps" "ecdf:$work/bad.cdf"
expect "sample unknown workload" 1 "'nosuch' is neither a built-in CDF" -- "$ps" ecdf:nosuch
"$ps" "ecdf:$work/ok.cdf" -n 3 --seed 4 >"$work/s1" 2>/dev/null
"$ps" "ecdf:$work/ok.cdf" -n 3 --seed 4 >"$work/s2" 2>/dev/null
check "sample reproducible" cmp -s "$work/s1" "$work/s2"
expect "model variable without --rate" 2 "req-size needs --rate R" -- "$ps" req-size
expect "unknown model variable" 2 "unknown variable 'rsp_size' \\(expected one of: flow-arrival" -- "$ps" rsp_size --rate 10
expect "rate zero" 2 "--rate '0': out of range: expected a number in \\[1, 100000\\]" -- "$ps" req-size --rate 0
expect "rate NaN" 2 "--rate 'nan': not finite: expected a number in" -- "$ps" req-size --rate nan
expect "bad --http" 2 "--http '2.0': expected 1.0 or 1.1" -- "$ps" connections --rate 10 --http 2.0
expect "sample -n overflow with --summary" 2 "-n '2305843009213693953': out of range" -- "$ps" ecdf:websearch -n 2305843009213693953 --summary
expect "sample -n beyond the summary's memory" 2 "-n 300000000 with --summary: at most 268435456 samples" -- "$ps" ecdf:websearch -n 3e8 --summary
expect "sample rsp-size -n overflow" 2 "-n '2305843009213693953': out of range" -- "$ps" rsp-size --rate 10 -n 2305843009213693953 --summary
expect "sample rate below the fits" 2 "--rate '0.001': out of range: expected a number in \\[1, 100000\\]" -- "$ps" flow-arrival --rate 0.001
expect "sample rate 1e-10" 2 "--rate '1e-10': out of range" -- "$ps" flow-arrival --rate 1e-10
expect "sample rate 1e308" 2 "--rate '1e308': out of range" -- "$ps" flow-arrival --rate 1e308
expect "sample -n negative" 2 "-n '-3': out of range" -- "$ps" ecdf:websearch -n -3
expect "sample --seed text" 2 "--seed 'x': expected an unsigned integer" -- "$ps" ecdf:websearch --seed x
printf '10 0.5\n1e30 1\n' >"$work/c30.cdf"
expect "sample CDF size 1e30" 1 "c30.cdf:2: size 1e\\+30 bytes exceeds 2\\^53" -- "$ps" "ecdf:$work/c30.cdf"
printf '10 0.5\n1e300 1\n' >"$work/c300.cdf"
expect "sample CDF size 1e300" 1 "c300.cdf:2: size 1e\\+300 bytes exceeds 2\\^53" -- "$ps" "ecdf:$work/c300.cdf"
printf '10 0.5\n1e400 1\n' >"$work/c400.cdf"
expect "sample CDF size 1e400" 1 "c400.cdf:2: size '1e400' is not a finite number" -- "$ps" "ecdf:$work/c400.cdf"
printf '10 0.5\n20 1.0000000001\n' >"$work/p1.cdf"
expect "sample CDF probability above 1" 1 "p1.cdf:2: cumulative probability 1.0000000001 outside \\[0,1\\]" -- "$ps" "ecdf:$work/p1.cdf"
printf '1e-320 0.5\n20 1\n' >"$work/tiny.cdf"
expect "sample CDF size 1e-320 is a number" 0 "" -- "$ps" "ecdf:$work/tiny.cdf"
printf '\xef\xbb\xbf100 0.5\n200 1\n' >"$work/bom.cdf"
expect "sample CDF with a byte-order mark" 0 "" -- "$ps" "ecdf:$work/bom.cdf"
expect "bad --fsd" 2 "--fsd: FSD generator 'davies' is not 'fast' or 'hosking'" -- "$ps" req-size --rate 10 --fsd davies
"$ps" connections --rate 10 --http 1.1 -n 2000 --seed 3 >"$work/conns" 2>/dev/null
check "connections: 2 + 2n fields per line" bash -c "awk 'NF != 2 + 2 * \$2 { bad = 1 } END { exit bad }' '$work/conns'"
check "connections: first starts at 0" test "$(head -1 "$work/conns" | cut -d' ' -f1)" = 0.000000000
"$ps" rsp-size --rate 50 -n 1000 --summary >"$work/sum" 2>/dev/null
check "summary shows the model column" grep -qE "^p50 +[0-9]+ +894$" "$work/sum"
check "sample count" test "$(wc -l <"$work/s1")" -eq 3

# packmime-tm: compress, dump and info on the shipped samples; malformed input.
tm="$bin/packmime-tm"
janus="$(dirname "$0")/../data/janus"
expect "tm compress" 0 "" -- "$tm" compress "$janus/sample_trace" "$work/s"
check "tm compress = canonical index" cmp -s "$work/s.index" "$janus/sample_trace-binary-canonical/traffic.index"
check "tm compress = canonical data" cmp -s "$work/s.data" "$janus/sample_trace-binary-canonical/traffic.data"
expect "tm compress, trailing slash" 0 "" -- "$tm" compress "$janus/synthetic_distinct/" "$work/d"
check "tm compress (synthetic) = canonical" cmp -s "$work/d.data" "$janus/synthetic_distinct-binary-canonical/traffic.data"
"$tm" dump "$janus/sample_trace-binary-janus/traffic" >"$work/dump1"
"$tm" dump "$janus/sample_trace" >"$work/dump2"
check "tm dump: Janus binary = text" cmp -s "$work/dump1" "$work/dump2"
check "tm dump: 4 epochs x 12 pairs" test "$(wc -l <"$work/dump1")" -eq 48
check "tm dump: t1->t2 = 10" grep -qx "1 0 1 10" "$work/dump1"
expect "tm dump --text" 0 "" -- "$tm" dump "$work/d" --text "$work/dtext"
"$tm" dump "$work/dtext" >"$work/dump3"
"$tm" dump "$janus/synthetic_distinct" >"$work/dump4"
check "tm text round trip" cmp -s "$work/dump3" "$work/dump4"
expect "tm dump --text over a trace" 1 "already holds matrix files" -- "$tm" dump "$work/d" --text "$work/dtext"
"$tm" info "$janus/synthetic_distinct-binary-janus/traffic" >"$work/info"
check "tm info" grep -qE "^N +4 ToRs" "$work/info"
check "tm info epochs" grep -qE "^epochs +3" "$work/info"
expect "tm unknown command" 2 "unknown command 'squash'" -- "$tm" squash x
expect "tm missing args" 2 "compress expects DIR PREFIX" -- "$tm" compress "$janus/sample_trace"
expect "tm missing trace" 1 "nope.index: cannot open" -- "$tm" info "$work/nope"
printf 'a b p p 0 0\nb a p p 0 0\n' >/dev/null
mkdir -p "$work/badtm" && printf 'a b p p 0 0\nb a p p 0 0\n' >"$work/badtm/key.tsv" && printf '1\nx\n' >"$work/badtm/0001.tsv"
expect "tm malformed text" 1 "0001.tsv:2: 'x' is not a number" -- "$tm" compress "$work/badtm" "$work/bad"
expect "tm help" 0 "" -- "$tm" --help
# A failed compress leaves the trace already at the prefix untouched (temporary files, renamed
# on success).
"$tm" compress "$janus/sample_trace" "$work/keep" 2>/dev/null
cp "$work/keep.data" "$work/keep.data.orig"
cp "$work/keep.index" "$work/keep.index.orig"
expect "tm compress fails on a bad trace" 1 "0001.tsv:2: 'x' is not a number" -- "$tm" compress "$work/badtm" "$work/keep"
check "tm compress failure keeps the old data" cmp -s "$work/keep.data" "$work/keep.data.orig"
check "tm compress failure keeps the old index" cmp -s "$work/keep.index" "$work/keep.index.orig"
check "tm compress failure leaves no temporary files" test ! -e "$work/keep.data.tmp" -a ! -e "$work/keep.index.tmp"
mkdir -p "$work/emptykey" && : >"$work/emptykey/key.tsv" && printf '1\n' >"$work/emptykey/0001.tsv"
expect "tm empty key.tsv" 1 "key.tsv: 0 ToR name\\(s\\), expected at least 2" -- "$tm" info "$work/emptykey"
mkdir -p "$work/dupkey" && printf 'a b p p 0 0\na b p p 0 0\n' >"$work/dupkey/key.tsv" && printf '1\n1\n' >"$work/dupkey/0001.tsv"
expect "tm key.tsv repeats a pair" 1 "key.tsv: pair 'a.b' listed twice" -- "$tm" info "$work/dupkey"
cp "$janus/sample_trace-binary-janus/traffic.index" "$work/trail.index"
{ cat "$janus/sample_trace-binary-janus/traffic.data"; printf 'junk'; } >"$work/trail.data"
expect "tm trailing bytes in .data" 1 "trail.data: 4 bytes after the last record" -- "$tm" info "$work/trail"

# packmime-flows: every bad option is a usage error (one line naming it, exit 2), never an
# abort; a table of option -> expected message.
pf="$bin/packmime-flows"
if [ -x "$pf" ]; then
    o=(--flows=10 --outdir="$work/flows")
    flows_bad=(
        --cdf=nosuch                 "--cdf=nosuch: 'nosuch' is neither a built-in CDF"
        --cdf=/nonexistent/f.cdf     "--cdf=/nonexistent/f.cdf: '/nonexistent/f.cdf' is neither"
        --cdf="$work/bad.cdf"        "--cdf=.*bad.cdf: .*bad.cdf:2: size 5000 is smaller"
        --pattern=ring               "--pattern=ring: expected all-to-all, permutation, incast or tm"
        --load=1.5                   "--load=1.5: expected < 1 \(the offered load would exceed the link; add --allow-overload"
        --load=0                     "--load=0: out of range: expected a number in \(0, 100\]"
        --load=-0.5                  "--load=-0.5: out of range"
        --load=nan                   "--load=nan: not finite"
        --load=half                  "--load=half: expected a number in \(0, 100\]"
        --hosts=1                    "--hosts=1: out of range: expected an integer in \[2, 2048\]"
        --hosts=-1                   "--hosts=-1: out of range: expected an integer in \[2, 2048\]"
        --hosts=100000               "--hosts=100000: out of range"
        --hosts=4.5                  "--hosts=4.5: expected an integer in \[2, 2048\]"
        --hosts=abc                  "--hosts=abc: expected an integer"
        --hosts=                     "--hosts=: expected an integer"
        --direction=sideways         "--direction=sideways: expected push or pull"
        --max-idle=-1                "--max-idle=-1: out of range: expected an integer in \[0, 1000000\]"
        --max-idle=two               "--max-idle=two: expected an integer"
        --max-connections=-2         "--max-connections=-2: out of range: expected an integer in \[0, 1000000\]"
        --max-connections=1e9        "--max-connections=1e9: out of range"
        --mode=smooth                "--mode=smooth: expected default, linear or step"
        --tm-unit=furlongs           "--tm-unit=furlongs: expected bits-per-epoch, bytes-per-epoch or bits-per-second"
        --tm-scale=-1                "--tm-scale=-1: out of range: expected a number in \(0, 1e\+30\]"
        --tm-scale=0                 "--tm-scale=0: out of range"
        --tm-first=abc               "--tm-first=abc: expected an integer"
        --epoch=0                    "--epoch=0: out of range: expected a number in \(0, 1000000\]"
        --delay=abc                  "--delay=abc: expected a time from 0s to 10s such as 10ms"
        --delay=-1us                 "--delay=-1us: expected a time from 0s to 10s"
        --delay=5parsecs             "--delay=5parsecs: expected a time"
        --delay=11s                  "--delay=11s: expected a time from 0s to 10s"
        --link=abc                   "--link=abc: expected a rate such as 100Mbps or 10Gbps"
        --link=0bps                  "--link=0bps: expected a rate > 0"
        --link=-10Gbps               "--link=-10Gbps: expected a rate"
        --topology=ring              "--topology=ring: expected star or leaf-spine"
        --leaves=0                   "--leaves=0: out of range: expected an integer in \[1, 1024\]"
        --spines=-2                  "--spines=-2: out of range"
        --queue=0                    "--queue=0: out of range: expected an integer in \[1, 1000000\]"
        --queue=1e9                  "--queue=1e9: out of range"
        --incast-load=2              "--incast-load=2: out of range: expected a number in \[0, 1\]"
        --incast-fanout=0            "--incast-fanout=0: out of range"
        --incast-size=-1             "--incast-size=-1: out of range"
        --allow-overload=maybe       "--allow-overload=maybe: expected --allow-overload or --allow-overload=true\|false"
        --duration=1e10              "--duration=1e10: out of range: expected a number in \[0, 1000000000\]"
        --drain=-1                   "--drain=-1: out of range: expected a number in \[0, 1000000000\]"
        --drain=inf                  "--drain=inf: not finite"
        --flows=-1                   "--flows=-1: out of range: expected an integer in \[0, 1000000000\]"
        --flows=1e12                 "--flows=1e12: out of range"
        --flows=2.5                  "--flows=2.5: expected an integer"
        --flows                      "--flows: expected --flows=VALUE"
        --nosuch=1                   "unknown option '--nosuch'"
        -x                           "unknown option '--x'"
        stray                        "unexpected argument 'stray' \(options are --NAME=VALUE\)"
        --ns3::NoSuchType::Foo=1     "--ns3::NoSuchType::Foo=1: no type 'ns3::NoSuchType'"
        --ns3::TcpSocket::NoSuch=1   "--ns3::TcpSocket::NoSuch=1: type ns3::TcpSocket has no attribute 'NoSuch'"
        --outdir=/proc/nope          "--outdir=/proc/nope: cannot create"
    )
    for ((i = 0; i < ${#flows_bad[@]}; i += 2)); do
        expect "flows ${flows_bad[i]}" 2 "^packmime-flows: ${flows_bad[i + 1]}" -- "$pf" "${o[@]}" "${flows_bad[i]}"
    done
    expect "flows no length" 2 "give exactly one of --flows=N and --duration=SECONDS" -- "$pf" --outdir="$work/flows"
    expect "flows both lengths" 2 "give exactly one of --flows=N and --duration=SECONDS" -- "$pf" --flows=5 --duration=1 --outdir="$work/flows"
    expect "flows duration below 1 ns" 2 "--duration=1e-12: below the 1 ns time resolution" -- "$pf" --duration=1e-12 --outdir="$work/flows"
    expect "flows incast fanout >= hosts" 2 "--incast-fanout=16: expected fewer than --hosts=16 senders" -- "$pf" "${o[@]}" --pattern=incast --incast-fanout=16
    expect "flows tm without trace" 2 "--pattern=tm needs --tm=PREFIX_OR_DIR" -- "$pf" --pattern=tm --outdir="$work/flows"
    expect "flows tm bad trace" 2 "--tm=.*nope: .*nope.index: cannot open" -- "$pf" --pattern=tm --tm="$work/nope" --outdir="$work/flows"
    # A NaN in the last epoch is found before the run: no partial flows.csv, exit 2.
    mkdir -p "$work/nantm" && cp "$janus/sample_trace/key.tsv" "$janus/sample_trace/0001.tsv" "$work/nantm/"
    sed '5s/.*/nan/' "$janus/sample_trace/0002.tsv" >"$work/nantm/0002.tsv"
    expect "flows tm NaN in a later epoch" 2 "--tm=.*nantm: .*0002.tsv:5: value nan" -- "$pf" --pattern=tm --tm="$work/nantm" --hosts=4 --outdir="$work/flowsnan"
    check "flows tm NaN: nothing written" test ! -e "$work/flowsnan/flows.csv"
    expect "flows tm too few hosts" 2 "the trace has N = 4 ToRs, set --hosts >= 4" -- "$pf" --pattern=tm --tm="$janus/sample_trace" --hosts=3 --outdir="$work/flows"
    expect "flows tm leaf-spine leaves" 2 "set --leaves=4" -- "$pf" --pattern=tm --tm="$janus/sample_trace" --topology=leaf-spine --leaves=2 --outdir="$work/flows"
    expect "flows tm offering nothing" 1 "no flow was offered: the trace's demand \\(read as --tm-unit=bits-per-epoch" -- "$pf" --pattern=tm --tm="$janus/sample_trace" --hosts=4 --outdir="$work/flowstm0"
    expect "flows tm run" 0 "" -- "$pf" --pattern=tm --tm="$janus/sample_trace" --epoch=0.01 --tm-scale=1e4 --hosts=4 --cdf=fb_keyvalue --link=1Gbps --outdir="$work/flowstm"
    check "flows tm wrote flows" test "$(tail -n +2 "$work/flowstm/flows.csv" | wc -l)" -gt 100
    expect "flows help" 0 "" -- "$pf" --help
    check "flows help lists --cdf" grep -q -- "--cdf" "$work/out"
    expect "flows small run" 0 "" -- "$pf" --cdf=fb_keyvalue --hosts=3 --link=1Gbps --flows=200 --outdir="$work/flows"
    check "flows.csv has 200 rows" test "$(tail -n +2 "$work/flows/flows.csv" | wc -l)" -eq 200
    check "summary.json written" grep -q '"flows_generated": 200' "$work/flows/summary.json"
    # fb_keyvalue flows are all below 100 KB: the two larger buckets are empty, shown as "-"
    # (null in summary.json), never as "nan".
    check "empty size bucket shown as -" grep -Eq '^>=10MB +0 +- +- +- +-$' "$work/out"
    check "no nan in the summary" sh -c "! grep -qi nan '$work/out'"
    # --flows=N runs until the N-th flow has arrived, whatever the seed (it used to stop at
    # a computed time, before it).
    for run in 1 2 3 4 5 6 7 8 9 10; do
        "$pf" --hosts=4 --cdf=fb_webserver --flows=1 --drain=0 --RngRun=$run --outdir="$work/one" >/dev/null 2>&1
        grep -q '"flows_generated": 1,' "$work/one/summary.json" || echo "RngRun $run" >>"$work/one.bad"
    done
    check "flows --flows=1: one flow on every seed" test ! -e "$work/one.bad"
    expect "flows --flows=1e3" 0 "" -- "$pf" --cdf=fb_keyvalue --hosts=3 --link=1Gbps --flows=1e3 --outdir="$work/flows1e3"
    check "flows --flows=1e3 means 1000" grep -q '"flows_generated": 1000,' "$work/flows1e3/summary.json"
    expect "flows --outdir with missing parents" 0 "" -- "$pf" --cdf=fb_keyvalue --hosts=3 --flows=20 --outdir="$work/a/b/c"
    check "flows --outdir parents created" test -s "$work/a/b/c/summary.json"
    expect "flows incast run" 0 "" -- "$pf" --cdf=fb_keyvalue --hosts=8 --link=1Gbps --flows=300 --pattern=incast --incast-load=0.05 --incast-fanout=4 --outdir="$work/incast"
    check "flows incast: bytes_offered = sum of size_bytes" test "$(awk -F, 'NR > 1 { s += $2 } END { print s }' "$work/incast/flows.csv")" = "$(sed -n 's/.*"bytes_offered": \([0-9]*\).*/\1/p' "$work/incast/summary.json")"
    check "flows incast: incast_bytes = sum over marked rows" test "$(awk -F, 'NR > 1 && $16 != "" { s += $2 } END { print s + 0 }' "$work/incast/flows.csv")" = "$(sed -n 's/.*"incast_bytes": \([0-9]*\).*/\1/p' "$work/incast/summary.json")"
    check "flows incast: some rows marked" test "$(awk -F, 'NR > 1 && $16 != ""' "$work/incast/flows.csv" | wc -l)" -gt 0
fi

# packmime-http: the same for its options; a short run writes the three outputs with one
# connections.csv row per connection.
ph="$bin/packmime-http"
if [ -x "$ph" ]; then
    o=(--duration=1 --drain=1 --outdir="$work/http")
    http_bad=(
        --rate=0                     "--rate=0: out of range: expected a number in \[1, 100000\]"
        --rate=-5                    "--rate=-5: out of range"
        --rate=0.001                 "--rate=0.001: out of range: expected a number in \[1, 100000\]"
        --rate=1e-10                 "--rate=1e-10: out of range"
        --rate=1e308                 "--rate=1e308: out of range"
        --rate=1e400                 "--rate=1e400: not finite"
        --rate=fast                  "--rate=fast: expected a number"
        --http=2.0                   "--http=2.0: expected 1.0 or 1.1"
        --clients=2                  "--clients=2 and --servers=1: expected as many servers as clients"
        --clients=0                  "--clients=0: out of range: expected an integer in \[1, 1000\]"
        --clients=-1                 "--clients=-1: out of range"
        --servers=-1                 "--servers=-1: out of range"
        --duration=0                 "--duration=0: out of range: expected a number in \(0, 1000000000\]"
        --duration=1e10              "--duration=1e10: out of range"
        --duration=1e-12             "--duration=1e-12: below the 1 ns time resolution"
        --drain=-1                   "--drain=-1: out of range"
        --warmup=5                   "--warmup: expected 0 <= warmup < --duration"
        --warmup=-1                  "--warmup=-1: out of range"
        --bottleneck=fast            "--bottleneck=fast: expected a rate such as 100Mbps"
        --bottleneck=0bps            "--bottleneck=0bps: expected a rate > 0"
        --queue=0                    "--queue=0: out of range"
        --queue=-5                   "--queue=-5: out of range"
        --nosuch=1                   "unknown option '--nosuch'"
        --ns3::PackMimeHttpGenerator::NoSuch=1 "--ns3::PackMimeHttpGenerator::NoSuch=1: type ns3::PackMimeHttpGenerator has no attribute 'NoSuch'"
        --delaybox=maybe             "--delaybox=maybe: expected --delaybox or --delaybox=true\|false"
        --outdir=/proc/nope          "--outdir=/proc/nope: cannot create"
    )
    for ((i = 0; i < ${#http_bad[@]}; i += 2)); do
        expect "http ${http_bad[i]}" 2 "^packmime-http: ${http_bad[i + 1]}" -- "$ph" "${o[@]}" "${http_bad[i]}"
    done
    expect "http help" 0 "" -- "$ph" --help
    check "http help lists --rate and --http" grep -q -- "--http" "$work/out"
    expect "http small run" 0 "" -- "$ph" --rate=50 --duration=5 --drain=5 --http=1.1 --clients=2 --servers=2 --outdir="$work/http"
    started=$(sed -n 's/.*"connections_started": \([0-9]*\).*/\1/p' "$work/http/summary.json")
    check "http connections.csv: one row per connection" test "$(tail -n +2 "$work/http/connections.csv" | wc -l)" -eq "$started"
    check "http pairs.csv written" test "$(tail -n +2 "$work/http/pairs.csv" | wc -l)" -gt 100
    check "http summary has bottleneck" grep -q '"bottleneck_down_mbps"' "$work/http/summary.json"
    expect "http replaced variable from the command line" 0 "" -- "$ph" --rate=20 --duration=3 --drain=3 --outdir="$work/http2" "--ns3::PackMimeHttpGenerator::ReqSize=ns3::ConstantRandomVariable[Constant=500.7]"
    check "http every request 500 B" awk -F, 'NR > 1 && $4 != 500 { bad = 1 } END { exit bad || NR < 10 }' "$work/http2/pairs.csv"
    expect "http --delaybox" 0 "" -- "$ph" --rate=50 --duration=5 --drain=10 --delaybox=1 --outdir="$work/httpdb"
    check "http --delaybox: four delays on every row" awk -F, 'NR == 1 && $15 != "server_delay_back_ms" { bad = 1 } NR > 1 && ($12 == "" || $13 == "" || $14 == "" || $15 == "") { bad = 1 } END { exit bad || NR < 100 }' "$work/httpdb/connections.csv"
    check "http without --delaybox: delay columns empty" awk -F, 'NR > 1 && $12 $13 $14 $15 != "" { bad = 1 } END { exit bad }' "$work/http/connections.csv"
    # Small queues fill the 64-segment window with losses: on ns-3.37-3.40 that crashed
    # (ns-3 issue #991) until the receive buffer became twice the window.
    for q in 5 10 20; do
        expect "http --queue=$q (losses fill the window)" 0 "" -- "$ph" --rate=100 --duration=3 --drain=0 --queue=$q --outdir="$work/httpq$q"
        started=$(sed -n 's/.*"connections_started": \([0-9]*\).*/\1/p' "$work/httpq$q/summary.json")
        check "http --queue=$q: one row per connection" test "$(tail -n +2 "$work/httpq$q/connections.csv" | wc -l)" -eq "${started:--1}"
    done
fi

# packmime-flow-sizes: the third example, same rules.
pz="$bin/packmime-flow-sizes"
if [ -x "$pz" ]; then
    expect "flow-sizes --n=-1" 2 "^packmime-flow-sizes: --n=-1: out of range" -- "$pz" --n=-1
    expect "flow-sizes --mode" 2 "^packmime-flow-sizes: --mode=smooth: expected default, linear or step" -- "$pz" --mode=smooth
    expect "flow-sizes --stream" 2 "^packmime-flow-sizes: --stream=-2: out of range" -- "$pz" --stream=-2
    expect "flow-sizes --cdf" 2 "^packmime-flow-sizes: --cdf=nosuch: 'nosuch' is neither" -- "$pz" --cdf=nosuch
    expect "flow-sizes run" 0 "" -- "$pz" --n=5 --cdf=datamining
    check "flow-sizes prints n sizes" test "$(grep -vc '^#' "$work/out")" -eq 5
fi

echo "$passed passed, $failed failed ($bad_inputs of the cases are bad inputs)"
[ "$failed" -eq 0 ]
