# workload: DCTCP web search, pFabric/pHost packet-unit version
# source: github.com/Terabit-Ethernet/dcPIM simulator/py/CDF_websearch.txt @ 2abda17df847d108c02c70c6fd34e399b0f93768 (identical: CDF_dctcp.txt, implementation/CDF_websearch.txt)
# note: packet counts are the bytes version divided by ~1500 and rounded (e.g. 30000 B -> 19 pkts is NOT exact: 30000/1500=20); not an exact re-encoding of websearch.cdf
# original units: packets (3 columns: <pkts> <unused weight 1> <cdf>)
# conversion: size_bytes = packets x 1460 (the simulators' MSS); middle column dropped
# sampler semantics in the source tool: ns-2 style EmpiricalRandomVariable: linear interpolation in packets, rounded to nearest packet, x 1460 B (pHost/dcPIM simulator, smooth_cdf=1); step variant CDFRandomVariable when smooth_cdf=0
# format: <size_bytes> <cumulative_probability 0..1>; both columns non-decreasing; last probability = 1
# points: 12
# mean_linear_bytes: 1665830.80  (piecewise-linear CDF between listed points, implicit (0,0) before the first point)
# mean_step_bytes: 2369492.40  (P(size = x_i) = F_i - F_(i-1))
# packmime-mode: linear  (default reading used by packmime; see data/cdf/README.md)
8760 0
8760 0.15
18980 0.2
27740 0.3
48180 0.4
77380 0.53
194180 0.6
973820 0.7
1946180 0.8
4866180 0.9
9733820 0.97
29200000 1
