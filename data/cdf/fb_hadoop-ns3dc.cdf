# workload: Facebook Hadoop (Roy et al. 2015), alternative 17-point digitisation used by ns3-datacenter (325 B .. 223 MB)
# source: github.com/inet-tub/ns3-datacenter simulator/ns-3.39/examples/ABM/hadoop.csv @ 6ddb4a40f4db1c22f53bcf7d341f9da621d27816
# original units: bytes, fraction
# conversion: none (values copied verbatim)
# sampler semantics in the source tool: linear interpolation between points (TrafficGenerator gen_random_cdf; u ~ U[0,1], implicit start (0,0)); size truncated to unsigned int (ns3-datacenter copies TrafficGenerator cdf.c)
# format: <size_bytes> <cumulative_probability 0..1>; both columns non-decreasing; last probability = 1
# points: 17
# mean_linear_bytes: 3423728.35  (piecewise-linear CDF between listed points, implicit (0,0) before the first point)
# mean_step_bytes: 4865995.74  (P(size = x_i) = F_i - F_(i-1))
# packmime-mode: linear  (default reading used by packmime; see data/cdf/README.md)
325 0
1177 0.01728594
4264 0.022426176
15443 0.027658305
28000 0.06
37323 0.104879491
51067 0.335908276
74908 0.515476971
93293 0.641894623
141819 0.772500294
237853 0.889446481
573344 0.957208265
2076744 0.965639401
7521945 0.9687178
27244995 0.974237092
98686787 0.983862831
223092956 1
