# workload: Alibaba production distributed storage, 2019 (shipped with HPCC)
# source: github.com/alibaba-edu/High-Precision-Congestion-Control traffic_gen/AliStorage2019.txt @ 9f4be2a9ead8a90e8bf732c66bd758c00e58e5be
# original units: bytes, percent (0..100)
# conversion: cumulative probability divided by 100
# sampler semantics in the source tool: linear interpolation between points (HPCC custom_rand.py getValueFromPercentile); size = int(value), 0 -> 1
# format: <size_bytes> <cumulative_probability 0..1>; both columns non-decreasing; last probability = 1
# points: 9
# mean_linear_bytes: 40869.80  (piecewise-linear CDF between listed points, implicit (0,0) before the first point)
# mean_step_bytes: 67050.00  (P(size = x_i) = F_i - F_(i-1))
# packmime-mode: linear  (default reading used by packmime; see data/cdf/README.md)
0 0
4000 0.2293
8000 0.6921
16000 0.8061
32000 0.9047
64000 0.9353
128000 0.9677
256000 0.9753
2000000 1
