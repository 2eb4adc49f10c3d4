# workload: Facebook Hadoop (Roy et al., "Inside the Social Network's (Datacenter) Network", SIGCOMM 2015), version used in the HPCC paper (SIGCOMM 2019)
# source: github.com/alibaba-edu/High-Precision-Congestion-Control traffic_gen/FbHdp_distribution.txt @ 9f4be2a9ead8a90e8bf732c66bd758c00e58e5be
# original units: bytes, percent (0..100)
# conversion: cumulative probability divided by 100
# sampler semantics in the source tool: linear interpolation between points (HPCC custom_rand.py getValueFromPercentile); size = int(value), 0 -> 1
# format: <size_bytes> <cumulative_probability 0..1>; both columns non-decreasing; last probability = 1
# points: 20
# mean_linear_bytes: 120420.75  (piecewise-linear CDF between listed points, implicit (0,0) before the first point)
# mean_step_bytes: 183897.00  (P(size = x_i) = F_i - F_(i-1))
# packmime-mode: linear  (default reading used by packmime; see data/cdf/README.md)
0 0
100 0.01
200 0.02
300 0.05
350 0.15
400 0.2
500 0.3
600 0.4
700 0.5
1000 0.6
2000 0.67
7000 0.7
30000 0.72
50000 0.82
80000 0.87
120000 0.9
300000 0.95
1000000 0.975
2000000 0.99
10000000 1
