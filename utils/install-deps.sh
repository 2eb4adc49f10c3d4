#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Make sure the Debian packages packmime builds against are installed. As root, installs
# what is missing; otherwise prints the exact apt-get line and fails.
#
# Besides libns3-dev and libgsl-dev, ns-3's exported CMake targets need -dev packages that
# libns3-dev does not depend on (their include directories and libraries must exist, or
# CMake's generate step fails) and the ns3 package's helper binaries.
set -eu
# parallel and gnuplot-nox: packmime-sweep runs jobs through GNU parallel; packmime-plot draws
# with gnuplot's cairo terminals (make demo ends with the demo's figures).
packages="cmake g++ make pkg-config libgsl-dev libns3-dev ns3 libsqlite3-dev libxml2-dev libpython3-dev parallel gnuplot-nox"
if [ "${1:-}" = "--sanitizers" ]; then
    packages="$packages libasan8 libubsan1"
fi
if [ "${1:-}" = "--valgrind" ]; then
    packages="$packages valgrind"
fi
if [ "${1:-}" = "--slurm" ]; then
    # A single-node Slurm for the job-array test (make test-slurm).
    packages="slurm-wlm munge"
fi
if [ "${1:-}" = "--fuzz" ]; then
    # The fuzz targets need only the C core: clang with its libFuzzer runtime, and GSL.
    packages="cmake make clang libclang-rt-14-dev libgsl-dev"
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "install-deps: not a Debian system; make sure these are installed: $packages" >&2
    exit 0
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=""
for p in $packages; do
    installed "$p" || missing="$missing $p"
done
# Debian 13's ns-3 (3.43) was built with Boost: its exported targets define HAVE_BOOST, so
# its public length.h includes <boost/units/...>, but libns3-dev does not depend on
# libboost-dev. Known once libns3-dev is there; so this script runs again after installing.
if ! installed libboost-dev &&
    grep -qs 'HAVE_BOOST' /usr/lib/*/cmake/ns3/ns3Targets.cmake; then
    missing="$missing libboost-dev"
fi
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "packmime needs these Debian packages:$missing" >&2
    echo "Install them as root, then run make again:" >&2
    echo "    apt-get update && apt-get install -y --no-install-recommends$missing" >&2
    exit 1
fi
echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing
# What the packages just installed revealed (libboost-dev above).
exec "$0" "$@"
