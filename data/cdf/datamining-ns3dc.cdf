# workload: VL2 data mining, alternative 17-point digitisation used by ns3-datacenter
# source: github.com/inet-tub/ns3-datacenter simulator/ns-3.39/examples/ABM/datamining.csv @ 6ddb4a40f4db1c22f53bcf7d341f9da621d27816
# original units: bytes, fraction
# conversion: none (values copied verbatim)
# sampler semantics in the source tool: linear interpolation between points (TrafficGenerator gen_random_cdf; u ~ U[0,1], implicit start (0,0)); size truncated to unsigned int (ns3-datacenter copies TrafficGenerator cdf.c)
# format: <size_bytes> <cumulative_probability 0..1>; both columns non-decreasing; last probability = 1
# points: 17
# mean_linear_bytes: 5036535.18  (piecewise-linear CDF between listed points, implicit (0,0) before the first point)
# mean_step_bytes: 7861994.52  (P(size = x_i) = F_i - F_(i-1))
# packmime-mode: linear  (default reading used by packmime; see data/cdf/README.md)
100 0
180 0.085
250 0.14
560 0.33
900 0.47
1100 0.55
1870 0.65
3160 0.7
10000 0.8
100001 0.874
400000 0.9
1850000 0.95
10000000 0.97
30000000 0.98
100000000 0.99
250000000 0.995
1000000000 1
