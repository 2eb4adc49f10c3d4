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
passed=0
failed=0

# expect NAME STATUS PATTERN -- COMMAND...: COMMAND exits with STATUS and its stderr matches
# PATTERN (an empty PATTERN checks the status only).
expect() {
    local name=$1 status=$2 pattern=$3
    shift 4
    "$@" >"$work/out" 2>"$work/err"
    local rc=$?
    if [ "$rc" -eq "$status" ] && { [ -z "$pattern" ] || grep -qE -- "$pattern" "$work/err"; }; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $name: exit $rc (expected $status); stderr:" >&2
        sed 's/^/    /' "$work/err" >&2
        echo "    (expected /$pattern/)" >&2
    fi
}

# expect_fail NAME PATTERN -- COMMAND...: COMMAND fails (ns-3 aborts exit through SIGABRT) and its
# stderr matches PATTERN.
expect_fail() {
    local name=$1 pattern=$2
    shift 3
    # A subshell, so that the shell's own "Aborted" job message does not reach the log.
    ("$@" >"$work/out" 2>"$work/err"; exit $?) 2>/dev/null
    local rc=$?
    if [ "$rc" -ne 0 ] && grep -qE -- "$pattern" "$work/err"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $name: exit $rc (expected a failure); stderr:" >&2
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

fg="$bin/packmime-flowgen"
printf '10000 0.5\n20000 1\n' >"$work/ok.cdf"
printf '10000 0.5\n5000 1\n' >"$work/bad.cdf"
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
    "server 10.0.0.1 5001\nreq_size_dist\n"             "c.conf:2: expected 'req_size_dist <CDF file or workload name>'"
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
expect "sample unknown workload" 1 "'nosuch' is neither a built-in workload" -- "$ps" ecdf:nosuch
"$ps" "ecdf:$work/ok.cdf" -n 3 --seed 4 >"$work/s1" 2>/dev/null
"$ps" "ecdf:$work/ok.cdf" -n 3 --seed 4 >"$work/s2" 2>/dev/null
check "sample reproducible" cmp -s "$work/s1" "$work/s2"
expect "model variable without --rate" 2 "req-size needs --rate R" -- "$ps" req-size
expect "unknown model variable" 2 "unknown variable 'rsp_size' \\(expected one of: flow-arrival" -- "$ps" rsp_size --rate 10
expect "rate zero" 2 "--rate '0': out of range: expected a number in \\[1, 100000\\]" -- "$ps" req-size --rate 0
expect "rate NaN" 2 "--rate 'nan': not finite: expected a number in" -- "$ps" req-size --rate nan
expect "bad --http" 2 "--http '2.0': expected 1.0 or 1.1" -- "$ps" connections --rate 10 --http 2.0
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

# packmime-flows: bad options and attributes name themselves.
pf="$bin/packmime-flows"
if [ -x "$pf" ]; then
    o=(--flows=10 --outdir="$work/flows")
    expect_fail "flows unknown cdf" "attribute Cdf: 'nosuch' is neither a built-in workload" -- "$pf" "${o[@]}" --cdf=nosuch
    expect_fail "flows missing cdf file" "attribute Cdf: '/nonexistent/f.cdf' is neither" -- "$pf" "${o[@]}" --cdf=/nonexistent/f.cdf
    expect_fail "flows bad cdf file" "attribute Cdf: .*bad.cdf:2: size 5000 is smaller" -- "$pf" "${o[@]}" --cdf="$work/bad.cdf"
    expect_fail "flows unknown pattern" "--pattern=ring: expected all-to-all, permutation, incast or tm" -- "$pf" "${o[@]}" --pattern=ring
    expect_fail "flows load 1.5" "attribute Load=1.5: expected < 1" -- "$pf" "${o[@]}" --load=1.5
    expect_fail "flows load 0" "attribute Load=0: expected a value > 0" -- "$pf" "${o[@]}" --load=0
    expect_fail "flows one host" "--hosts=1: expected at least 2 hosts" -- "$pf" "${o[@]}" --hosts=1
    expect_fail "flows bad direction" "--direction=sideways: expected push or pull" -- "$pf" "${o[@]}" --direction=sideways
    expect_fail "flows no length" "give exactly one of --flows=N and --duration=SECONDS" -- "$pf" --outdir="$work/flows"
    expect_fail "flows tm without trace" "--pattern=tm needs --tm=PREFIX_OR_DIR" -- "$pf" --pattern=tm --outdir="$work/flows"
    expect_fail "flows tm bad trace" "attribute TmTrace: .*nope.index: cannot open" -- "$pf" --pattern=tm --tm="$work/nope" --outdir="$work/flows"
    expect "flows tm run" 0 "" -- "$pf" --pattern=tm --tm="$janus/sample_trace" --epoch=0.01 --tm-scale=1e5 --hosts=4 --cdf=fb_keyvalue --link=1Gbps --outdir="$work/flowstm"
    check "flows tm wrote flows" test "$(tail -n +2 "$work/flowstm/flows.csv" | wc -l)" -gt 100
    expect "flows help" 0 "" -- "$pf" --help
    check "flows help lists --cdf" grep -q -- "--cdf" "$work/out"
    expect "flows small run" 0 "" -- "$pf" --cdf=fb_keyvalue --hosts=3 --link=1Gbps --flows=200 --outdir="$work/flows"
    check "flows.csv has 200 rows" test "$(tail -n +2 "$work/flows/flows.csv" | wc -l)" -eq 200
    check "summary.json written" grep -q '"flows_generated": 200' "$work/flows/summary.json"
fi

# packmime-http: bad options and attributes name themselves; a short run writes the three
# outputs with one connections.csv row per connection.
ph="$bin/packmime-http"
if [ -x "$ph" ]; then
    o=(--duration=1 --drain=1 --outdir="$work/http")
    expect_fail "http rate 0" "attribute Rate = 0: expected new connections per second > 0" -- "$ph" "${o[@]}" --rate=0
    expect_fail "http rate negative" "attribute Rate = -5: expected" -- "$ph" "${o[@]}" --rate=-5
    expect_fail "http version" "attribute HttpVersion = '2.0': expected 1.0 or 1.1" -- "$ph" "${o[@]}" --http=2.0
    expect_fail "http unequal clouds" "2 client nodes and 3 server nodes: expected equal, non-empty sets" -- "$ph" "${o[@]}" --clients=2 --servers=3
    expect_fail "http empty clouds" "0 client nodes and 0 server nodes: expected equal, non-empty sets" -- "$ph" "${o[@]}" --clients=0 --servers=0
    expect_fail "http duration" "--duration=0: expected seconds > 0" -- "$ph" --duration=0 --outdir="$work/http"
    expect_fail "http warmup" "--warmup=5: expected 0 <= warmup < --duration" -- "$ph" "${o[@]}" --warmup=5
    expect_fail "http bottleneck" "--bottleneck=fast: expected a rate such as 100Mbps" -- "$ph" "${o[@]}" --bottleneck=fast
    expect_fail "http unwritable outdir" "attribute PairsFile: cannot write '/nonexistent/dir/pairs.csv'" -- "$ph" --duration=1 --outdir=/nonexistent/dir
    expect "http help" 0 "" -- "$ph" --help
    check "http help lists --rate and --http" grep -q -- "--http" "$work/out"
    expect "http small run" 0 "" -- "$ph" --rate=50 --duration=5 --drain=5 --http=1.1 --clients=2 --servers=2 --outdir="$work/http"
    started=$(sed -n 's/.*"connections_started": \([0-9]*\).*/\1/p' "$work/http/summary.json")
    check "http connections.csv: one row per connection" test "$(tail -n +2 "$work/http/connections.csv" | wc -l)" -eq "$started"
    check "http pairs.csv written" test "$(tail -n +2 "$work/http/pairs.csv" | wc -l)" -gt 100
    check "http summary has bottleneck" grep -q '"bottleneck_down_mbps"' "$work/http/summary.json"
    expect "http replaced variable from the command line" 0 "" -- "$ph" --rate=20 --duration=3 --drain=3 --outdir="$work/http2" "--ns3::PackMimeHttpGenerator::ReqSize=ns3::ConstantRandomVariable[Constant=500.7]"
    check "http every request 500 B" awk -F, 'NR > 1 && $4 != 500 { bad = 1 } END { exit bad || NR < 10 }' "$work/http2/pairs.csv"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
