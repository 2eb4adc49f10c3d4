# workload: VL2 data mining (Greenberg et al., "VL2", SIGCOMM 2009; as used by pFabric/PIAS/MQ-ECN)
# source: github.com/HKUST-SING/TrafficGenerator conf/VL2_CDF.txt @ 8e7c51680890fb3d91b7bc3e9a56da8e987f1bf7
# original units: bytes, fraction
# conversion: none (values copied verbatim)
# sampler semantics in the source tool: linear interpolation between points (TrafficGenerator gen_random_cdf; u ~ U[0,1], implicit start (0,0)); size truncated to unsigned int
# format: <size_bytes> <cumulative_probability 0..1>; both columns non-decreasing; last probability = 1
# points: 13
# mean_linear_bytes: 12658198.60  (piecewise-linear CDF between listed points, implicit (0,0) before the first point)
# mean_step_bytes: 23199798.60  (P(size = x_i) = F_i - F_(i-1))
# packmime-mode: linear  (default reading used by packmime; see data/cdf/README.md)
0 0
180 0.1
216 0.2
560 0.3
900 0.4
1100 0.5
1870 0.6
3160 0.7
10000 0.8
400000 0.9
3160000 0.95
100000000 0.98
1000000000 1
