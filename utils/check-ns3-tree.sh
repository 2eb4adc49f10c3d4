#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The whole in-tree check of packmime on one ns-3 source tree, one line per step:
#
#   utils/check-ns3-tree.sh [options] NS3_SOURCE_DIR
#     --profile=P      build profile: debug (ns-3's -Werror), release or optimized
#                      (default: debug)
#     --fullness=F     test.py fullness for the suites: QUICK, EXTENSIVE (default QUICK)
#     --jobs=N         parallel build jobs (default: the number of cores)
#     --no-examples    skip the examples of test/examples-to-run.py
#     --compile-only   configure, then compile packmime's own sources (module, tests,
#                      examples, tools) with the profile's exact flags and -fsyntax-only,
#                      without building ns-3: a quick check of a new release (CMake era)
#
# The module is copied into NS3_SOURCE_DIR/contrib/packmime (replacing an earlier copy)
# unless this script already runs from there. Then, in a CMake-era tree (3.36 on):
# ./ns3 configure -d PROFILE --enable-tests --enable-examples --enable-modules=packmime,
# ./ns3 build, ./test.py -s for every packmime suite and ./test.py -c example for the
# examples; in a waf-era tree (3.35 and earlier) the same through ./waf. Logs go to
# NS3_SOURCE_DIR/packmime-check/. Exit status 0 when every step passed, 1 when one failed, 2
# for a usage error.
set -u

profile=debug
fullness=QUICK
jobs=$(nproc 2>/dev/null || echo 2)
examples=1
compile_only=0
tree=""
usage() {
    echo "check-ns3-tree: $1 (usage: utils/check-ns3-tree.sh [--profile=debug|release|optimized] [--fullness=QUICK|EXTENSIVE] [--jobs=N] [--no-examples] [--compile-only] NS3_SOURCE_DIR)" >&2
    exit 2
}
for arg in "$@"; do
    case "$arg" in
    --profile=debug | --profile=release | --profile=optimized) profile=${arg#*=} ;;
    --profile=*) usage "--profile must be debug, release or optimized, not '${arg#*=}'" ;;
    --fullness=QUICK | --fullness=EXTENSIVE | --fullness=TAKES_FOREVER) fullness=${arg#*=} ;;
    --fullness=*) usage "--fullness must be QUICK, EXTENSIVE or TAKES_FOREVER, not '${arg#*=}'" ;;
    --jobs=*)
        jobs=${arg#*=}
        case "$jobs" in '' | *[!0-9]* | 0) usage "--jobs must be a positive integer, not '$jobs'" ;; esac
        ;;
    --no-examples) examples=0 ;;
    --compile-only) compile_only=1 ;;
    -h | --help)
        sed -n '4,22p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    -*) usage "unknown option '$arg'" ;;
    *)
        [ -z "$tree" ] || usage "one NS3_SOURCE_DIR expected, got '$tree' and '$arg'"
        tree=$arg
        ;;
    esac
done
[ -n "$tree" ] || usage "NS3_SOURCE_DIR missing"
[ -f "$tree/VERSION" ] && [ -d "$tree/src/core" ] || usage "'$tree' is not an ns-3 source tree (no VERSION or src/core)"
tree=$(cd "$tree" && pwd)
src=$(cd "$(dirname "$0")/.." && pwd)
logs=$tree/packmime-check
mkdir -p "$logs"
failed=0
version=$(cat "$tree/VERSION")

# step NAME LOG COMMAND...: runs COMMAND in the tree, prints one line with the outcome.
step() {
    name=$1 log=$logs/$2
    shift 2
    start=$(date +%s)
    if (cd "$tree" && "$@") >"$log" 2>&1; then
        echo "PASS $name ($(($(date +%s) - start)) s)"
        return 0
    fi
    echo "FAIL $name ($(($(date +%s) - start)) s; log: $log)"
    tail -5 "$log" | sed 's/^/     /'
    failed=1
    return 1
}

# no_warnings LOG: a FAIL line for every compiler warning in packmime's sources (release
# profiles have no -Werror, and the module promises none in any profile).
no_warnings() {
    w=$(sed 's/\x1b\[[0-9;]*[mK]//g' "$logs/$1" | grep -E 'packmime[^ ]*:[0-9]+:[0-9]+: warning:' | sort -u)
    if [ -n "$w" ]; then
        echo "FAIL $(echo "$w" | wc -l) compiler warnings in packmime sources (log: $logs/$1)"
        echo "$w" | head -5 | sed 's/^/     /'
        failed=1
    else
        echo "PASS no compiler warning in packmime sources"
    fi
}

# The module in contrib/packmime (the directory name must be the library name).
dest=$tree/contrib/packmime
if [ "$src" != "$(cd "$dest" 2>/dev/null && pwd)" ]; then
    "$src/utils/copy-module.sh" "$dest"
fi
echo "ns-3 $version in $tree; packmime $(git -C "$src" describe --always --dirty 2>/dev/null || echo '(no git)'); profile $profile"

# packmime and its dependencies (point-to-point and traffic-control, which the examples and
# tests use, among them).
modules="packmime"
if [ -x "$tree/ns3" ]; then
    step "configure" configure.log ./ns3 configure -d "$profile" --enable-tests --enable-examples \
        "--enable-modules=$modules" || exit 1
    if [ "$compile_only" = 1 ]; then
        # Each packmime source with its exact command from compile_commands.json (the
        # profile's flags, -Werror in debug), -o replaced by -fsyntax-only: only the headers
        # configure installed are needed, not the libraries of ns-3.
        python3 - "$tree/cmake-cache/compile_commands.json" "$dest" >"$logs/commands.sh" <<'PY'
import json, os, shlex, sys
db, module = sys.argv[1], sys.argv[2]
for e in json.load(open(db)):
    if "/packmime/" not in e["file"]:
        continue
    args = shlex.split(e["command"])
    i = args.index("-o")
    del args[i:i + 2]
    cmd = "cd %s && %s -fsyntax-only" % (shlex.quote(e["directory"]), shlex.join(args))
    if e["file"].endswith("pm-builtin-cdfs-data.c"):  # generated at build time: make it now
        cmd = "cmake -DINPUT_DIR=%s -DOUTPUT=%s -P %s && %s" % (
            shlex.quote(module + "/data/cdf"), shlex.quote(e["file"]),
            shlex.quote(module + "/cmake/embed-cdfs.cmake"), cmd)
    print(cmd)
PY
        n=$(wc -l <"$logs/commands.sh")
        step "compile $n packmime sources (-fsyntax-only, $profile flags)" compile.log \
            sh -c "tr '\\n' '\\0' <'$logs/commands.sh' | xargs -0 -P '$jobs' -n 1 sh -c"
        no_warnings compile.log
        exit "$failed"
    fi
    step "build" build.log ./ns3 build -j "$jobs" || exit 1
    no_warnings build.log
    testpy="./test.py -n"
elif [ -x "$tree/waf" ]; then
    [ "$compile_only" = 0 ] || usage "--compile-only needs a CMake-era tree"
    # --disable-werror: ns-3.35's own core (simple-ref-count.h) trips GCC >= 12's
    # -Wuse-after-free; packmime's sources are still held to no warning below.
    step "configure (waf)" configure.log ./waf configure -d "$profile" --disable-werror \
        --enable-tests --enable-examples "--enable-modules=$modules" || exit 1
    step "build (waf)" build.log ./waf build -j "$jobs" || exit 1
    no_warnings build.log
    testpy="./test.py -n"
else
    echo "FAIL neither ./ns3 nor ./waf in $tree" >&2
    exit 1
fi

# Every packmime suite the tree's test runner lists, one test.py call each.
runner=$(find "$tree/build" -type f -name '*test-runner*' -perm -u+x 2>/dev/null | head -1)
# (waf-era runners find the module libraries only through LD_LIBRARY_PATH, as ./waf shell sets)
suites=$(cd "$tree" && LD_LIBRARY_PATH="$tree/build/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    "$runner" --print-test-name-list 2>/dev/null | grep '^packmime-' | sort)
[ -n "$suites" ] || {
    echo "FAIL no packmime suite in $runner --print-test-name-list"
    exit 1
}
for s in $suites; do
    step "test.py -s $s" "suite-$s.log" sh -c "$testpy --fullness=$fullness -s $s && ! grep -q '^FAIL' '$logs/suite-$s.log'"
done

# The examples of test/examples-to-run.py, through test.py (which runs the examples of every
# enabled module: only packmime's are judged here, from test.py's status lines, such as
# "PASS: Example packmime-http ..." or "[33/36] PASS: Example contrib/packmime/examples/...").
if [ "$examples" = 1 ]; then
    step "test.py -c example" examples.log sh -c "$testpy -c example || true"
    results=$(sed 's/\x1b\[[0-9;]*m//g' "$logs/examples.log" |
        grep -E '(PASS|FAIL|CRASH|VALGR|SKIP):? Example ([^ ]*/)?packmime-' || true)
    n=$(echo "$results" | grep -c 'PASS:\{0,1\} Example' || true)
    expected=$(grep -c '^ *("packmime-' "$dest/test/examples-to-run.py")
    if [ "$n" -eq "$expected" ]; then
        echo "PASS packmime examples: $n of $expected"
    else
        echo "FAIL packmime examples: $n of $expected passed"
        echo "$results" | grep -v 'PASS:\{0,1\} Example' | sed 's/^/     /'
        failed=1
    fi
fi

if [ "$failed" = 0 ]; then
    echo "PASS all steps on ns-3 $version"
else
    echo "FAIL on ns-3 $version (logs in $logs)"
fi
exit "$failed"
