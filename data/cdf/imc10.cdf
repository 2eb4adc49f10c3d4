# workload: "IMC10"/"aditya" distribution (Benson, Akella, Maltz, "Network Traffic Characteristics of Data Centers in the Wild", IMC 2010)
# source: github.com/Terabit-Ethernet/dcPIM simulator/py/CDF_imc10.txt @ 2abda17df847d108c02c70c6fd34e399b0f93768 (identical: CDF_aditya.txt)
# original units: packets (3 columns: <pkts> <unused weight 1> <cdf>)
# conversion: size_bytes = packets x 1460; middle column dropped
# sampler semantics in the source tool: ns-2 style EmpiricalRandomVariable: linear interpolation in packets, rounded to nearest packet, x 1460 B (pHost/dcPIM simulator, smooth_cdf=1); step variant CDFRandomVariable when smooth_cdf=0
# format: <size_bytes> <cumulative_probability 0..1>; both columns non-decreasing; last probability = 1
# points: 12
# mean_linear_bytes: 195357.13  (piecewise-linear CDF between listed points, implicit (0,0) before the first point)
# mean_step_bytes: 269333.50  (P(size = x_i) = F_i - F_(i-1))
# packmime-mode: linear  (default reading used by packmime; see data/cdf/README.md)
1460 0
1460 0.5
2920 0.6
4380 0.7
7300 0.75
10220 0.8
58400 0.8125
105120 0.825
200020 0.85
389820 0.9
1733020 0.95
3076220 1
