# workload: DCTCP web search (Alizadeh et al., "Data Center TCP", SIGCOMM 2010)
# source: github.com/HKUST-SING/TrafficGenerator conf/DCTCP_CDF.txt @ 8e7c51680890fb3d91b7bc3e9a56da8e987f1bf7
# identical to: github.com/alibaba-edu/High-Precision-Congestion-Control traffic_gen/WebSearch_distribution.txt @ 9f4be2a9ead8a90e8bf732c66bd758c00e58e5be (there in percent)
# original units: bytes, fraction
# conversion: none (values copied verbatim)
# sampler semantics in the source tool: linear interpolation between points (TrafficGenerator gen_random_cdf; u ~ U[0,1], implicit start (0,0)); size truncated to unsigned int
# format: <size_bytes> <cumulative_probability 0..1>; both columns non-decreasing; last probability = 1
# points: 12
# mean_linear_bytes: 1711250.00  (piecewise-linear CDF between listed points, implicit (0,0) before the first point)
# mean_step_bytes: 2434900.00  (P(size = x_i) = F_i - F_(i-1))
# packmime-mode: linear  (default reading used by packmime; see data/cdf/README.md)
0 0
10000 0.15
20000 0.2
30000 0.3
50000 0.4
80000 0.53
200000 0.6
1000000 0.7
2000000 0.8
5000000 0.9
10000000 0.97
30000000 1
