# workload: VL2 data mining, pFabric/pHost packet-unit version
# source: github.com/Terabit-Ethernet/dcPIM simulator/py/CDF_datamining.txt @ 2abda17df847d108c02c70c6fd34e399b0f93768
# note: coarser than datamining.cdf (9 points; packets = bytes/1500 rounded, e.g. 1e9 B -> 666667 pkts)
# original units: packets (3 columns: <pkts> <unused weight 1> <cdf>)
# conversion: size_bytes = packets x 1460; middle column dropped
# sampler semantics in the source tool: ns-2 style EmpiricalRandomVariable: linear interpolation in packets, rounded to nearest packet, x 1460 B (pHost/dcPIM simulator, smooth_cdf=1); step variant CDFRandomVariable when smooth_cdf=0
# format: <size_bytes> <cumulative_probability 0..1>; both columns non-decreasing; last probability = 1
# points: 9
# mean_linear_bytes: 7470236.00  (piecewise-linear CDF between listed points, implicit (0,0) before the first point)
# mean_step_bytes: 13821966.00  (P(size = x_i) = F_i - F_(i-1))
# packmime-mode: linear  (default reading used by packmime; see data/cdf/README.md)
1460 0
1460 0.5
2920 0.6
4380 0.7
10220 0.8
389820 0.9
3076220 0.95
97333820 0.99
973333820 1
