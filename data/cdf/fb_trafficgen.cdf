# workload: "FB" distribution shipped with TrafficGenerator; the repository does not document its origin
#   (3 B .. 1 MB, 50% <= 75 B: looks like a key-value/cache object-size distribution, not a flow-size one; provenance UNVERIFIED)
# source: github.com/HKUST-SING/TrafficGenerator conf/FB_CDF.txt @ 8e7c51680890fb3d91b7bc3e9a56da8e987f1bf7
# original units: bytes, fraction
# conversion: none (values copied verbatim)
# sampler semantics in the source tool: linear interpolation between points (TrafficGenerator gen_random_cdf; u ~ U[0,1], implicit start (0,0)); size truncated to unsigned int
# format: <size_bytes> <cumulative_probability 0..1>; both columns non-decreasing; last probability = 1
# points: 17
# mean_linear_bytes: 342.24  (piecewise-linear CDF between listed points, implicit (0,0) before the first point)
# mean_step_bytes: 456.90  (P(size = x_i) = F_i - F_(i-1))
# packmime-mode: linear  (default reading used by packmime; see data/cdf/README.md)
0 0
3 0.28
10 0.32
12 0.44
75 0.5
250 0.75
350 0.9
1000 0.965
2515 0.98
6326 0.99
10032 0.995
15910 0.997
23009 0.9992
24094 0.9996
25000 0.9999
100000 0.99999
1000000 1
