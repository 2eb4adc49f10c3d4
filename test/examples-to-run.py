#! /usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# Examples that ./test.py runs in an ns-3 tree: (name, do_run condition, do_valgrind_run).
cpp_examples = [
    ("packmime-flow-sizes", "True", "True"),
    ("packmime-flow-sizes --cdf=fb_webserver --mode=step --n=100", "True", "True"),
    ("packmime-http --rate=50 --duration=5 --drain=5 --outdir=/tmp", "True", "False"),
    ("packmime-http --rate=50 --duration=5 --drain=10 --delaybox=1 --outdir=/tmp", "True", "False"),
    ("packmime-http --rate=20 --duration=5 --drain=5 --http=1.1 --clients=2 --servers=2 --outdir=/tmp", "True", "False"),
    ("packmime-flows --cdf=fb_keyvalue --hosts=4 --link=1Gbps --flows=500 --outdir=/tmp", "True", "False"),
    ("packmime-flows --pattern=incast --hosts=8 --flows=500 --direction=push --outdir=/tmp", "True", "False"),
]

python_examples = []
