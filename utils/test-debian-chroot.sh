#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Build packmime standalone against another Debian's packaged ns-3 and run every test suite
# there (make test), inside a debootstrap'd root. Default: Debian 13 (trixie), libns3-dev 3.43.
#
#   utils/test-debian-chroot.sh [SUITE]          (as root; SUITE defaults to trixie)
#
# The root is cached outside the repository, in $PACKMIME_CHROOT_CACHE (default
# /var/cache/packmime), as <cache>/<suite>: created with debootstrap --variant=minbase when
# absent, reused when present. The module's tracked and untracked (not ignored) files are
# copied into it afresh on each run; the build inside uses the module's own Makefile, so
# utils/install-deps.sh installs the build dependencies from that Debian's mirror. When the
# host's build/ has packmime-http, the outputs of one run on both ns-3s must be identical.
set -eu

suite=${1:-trixie}
case "$suite" in
-h | --help)
    sed -n '4,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
-*)
    echo "test-debian-chroot: unknown option '$suite' (expected a Debian suite name, e.g. trixie)" >&2
    exit 2
    ;;
esac
mirror=${PACKMIME_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${PACKMIME_CHROOT_CACHE:-/var/cache/packmime}
root=$cache/$suite
src=$(cd "$(dirname "$0")/.." && pwd)
say() { echo "test-debian-chroot: $*"; }

if [ "$(id -u)" -ne 0 ]; then
    echo "test-debian-chroot: needs root (debootstrap and chroot); run it as root" >&2
    exit 1
fi
if ! command -v debootstrap >/dev/null 2>&1; then
    say "installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

# A root counts as ready only once debootstrap finished (the marker), so an interrupted
# creation is redone rather than reused half-made.
if [ ! -f "$root/.packmime-root-ready" ]; then
    say "creating a $suite root in $root (debootstrap --variant=minbase, $mirror)"
    rm -rf "$root"
    mkdir -p "$cache"
    debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$cache/$suite-debootstrap.log" 2>&1 || {
        echo "test-debian-chroot: debootstrap of $suite failed; last lines of $cache/$suite-debootstrap.log:" >&2
        tail -5 "$cache/$suite-debootstrap.log" >&2
        exit 1
    }
    touch "$root/.packmime-root-ready"
else
    say "reusing the $suite root in $root"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

mounted=""
cleanup() {
    for m in $mounted; do umount "$root/$m" 2>/dev/null || umount -l "$root/$m" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM
for m in proc dev; do
    if ! mountpoint -q "$root/$m"; then
        mount --bind "/$m" "$root/$m"
        mounted="$m $mounted"
    fi
done

# A fresh copy of the module (what git tracks plus untracked, not ignored, files).
"$src/utils/copy-module.sh" "$root/packmime"

say "$(chroot "$root" sh -c '. /etc/os-release; echo "$PRETTY_NAME"')"
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    sh -c 'cd /packmime && utils/install-deps.sh >/dev/null && echo "test-debian-chroot: ns-3 $(dpkg-query -W -f="\${Version}" libns3-dev)" && make test'

# Same RngRun, same outputs on both ns-3 releases: the flagship example here and in the host's
# build (make test built it), compared byte for byte.
host_bin=$src/build/bin/packmime-http
if [ -x "$host_bin" ]; then
    args="--rate=50 --duration=10 --RngRun=3"
    rm -rf "$root/tmp/packmime-cross" && mkdir -p "$root/tmp/packmime-cross"
    host_out=$(mktemp -d)
    chroot "$root" /packmime/build/bin/packmime-http $args --outdir=/tmp/packmime-cross >/dev/null
    "$host_bin" $args --outdir="$host_out" >/dev/null
    for f in pairs.csv connections.csv summary.json; do
        if ! cmp -s "$root/tmp/packmime-cross/$f" "$host_out/$f"; then
            echo "test-debian-chroot: packmime-http $args: $f differs between the host's ns-3 and $suite's" >&2
            exit 1
        fi
    done
    say "packmime-http $args: pairs.csv, connections.csv and summary.json identical on the host's ns-3 and $suite's ($(($(wc -l <"$host_out/connections.csv") - 1)) connections)"
    rm -rf "$host_out"
fi
