#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Sampler costs: wall-clock ns/sample of every case, then callgrind instruction counts per
# sample for the ratios the targets are stated in (repeatable whatever the machine load):
#   fast vs Hosking FSD per request-size sample (target: fast >= 20x cheaper)
#   packmime ECDF vs ns-3 EmpiricalRandomVariable (target: >= 5x faster), and the floor of
#   one ns-3 uniform draw (both samplers pay one MRG32k3a draw, so the total ratio is bounded
#   by ns-3 / floor; the cost above the floor is reported separately).
# Usage: bench/samplers.sh [BIN_DIR]   (needs valgrind)
set -euo pipefail
bin=${1:-build/bin}/packmime-bench-samplers
"$bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A per
# Instructions per sample: (Ir of n1 + n samples - Ir of n1 samples) / n, so set-up cost cancels.
for c in req-size req-size-hosking ecdf-packmime ecdf-ns3 uniform-ns3; do
    for n in 20000 40000; do
        valgrind --tool=callgrind --callgrind-out-file="$work/cg.$c.$n" "$bin" --case=$c --n=$n >/dev/null 2>"$work/log"
    done
    a=$(grep -m1 '^summary:' "$work/cg.$c.20000" | awk '{print $2}')
    b=$(grep -m1 '^summary:' "$work/cg.$c.40000" | awk '{print $2}')
    per[$c]=$(( (b - a) / 20000 ))
    printf '%-20s %8d instructions/sample\n' "$c" "${per[$c]}"
done
awk -v f="${per[req-size]}" -v h="${per[req-size-hosking]}" -v e="${per[ecdf-packmime]}" \
    -v n="${per[ecdf-ns3]}" -v u="${per[uniform-ns3]}" 'BEGIN {
    printf "FSD request size: hosking/fast = %.1fx (target >= 20x)\n", h / f
    printf "ECDF: ns-3 EmpiricalRandomVariable / packmime = %.1fx (target >= 5x)\n", n / e
    printf "ECDF packmime / one ns-3 uniform draw (floor) = %.2fx\n", e / u
    printf "ECDF own cost above the uniform floor: packmime %d, ns-3 %d instructions (%.1fx)\n", e - u, n - u, (n - u) / (e - u) }'
