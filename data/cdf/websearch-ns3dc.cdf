# workload: DCTCP web search with extra small-flow points (2000..6000 B) - variant used by ns3-datacenter (ABM/PowerTCP/Credence examples)
# source: github.com/inet-tub/ns3-datacenter simulator/ns-3.39/examples/ABM/websearch.csv @ 6ddb4a40f4db1c22f53bcf7d341f9da621d27816 (identical: websearch.txt)
# original units: bytes, fraction
# conversion: none (values copied verbatim)
# sampler semantics in the source tool: linear interpolation between points (TrafficGenerator gen_random_cdf; u ~ U[0,1], implicit start (0,0)); size truncated to unsigned int (ns3-datacenter copies TrafficGenerator cdf.c)
# format: <size_bytes> <cumulative_probability 0..1>; both columns non-decreasing; last probability = 1
# points: 16
# mean_linear_bytes: 1711222.50  (piecewise-linear CDF between listed points, implicit (0,0) before the first point)
# mean_step_bytes: 2434317.00  (P(size = x_i) = F_i - F_(i-1))
# packmime-mode: linear  (default reading used by packmime; see data/cdf/README.md)
0 0
2000 0
2100 0.02
2500 0.05
6000 0.1
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
