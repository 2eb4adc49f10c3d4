#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# utils/copy-module.sh DEST: a fresh copy of this module in DEST (replaced if present): the
# files git tracks plus untracked, not ignored ones, as they are in the work tree (outside a
# git checkout: everything but the build and results folders). Modification times are kept,
# so a build tree that saw an earlier copy recompiles only what changed.
set -eu
[ $# -eq 1 ] && [ -n "$1" ] || {
    echo "copy-module: usage: utils/copy-module.sh DEST" >&2
    exit 2
}
src=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$1"
mkdir -p "$1"
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
    (cd "$src" && git ls-files -z --cached --others --exclude-standard |
        xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
        tar --null -T - -cf -) | tar -C "$1" -xf -
else
    (cd "$src" && tar --exclude=./build --exclude=./build-asan --exclude=./results -cf - .) |
        tar -C "$1" -xf -
fi
