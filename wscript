# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
# SPDX-License-Identifier: GPL-2.0-only
#
# Build packmime in a waf-era ns-3 tree (ns-3.35 and earlier) as contrib/packmime.
# Mirrors the build_lib branch of CMakeLists.txt: the C core (C11, GSL) is a static
# library, the built-in CDFs are embedded from data/cdf, the suites go into the
# module's test library.
import os

CORE_SOURCES = [
    'model/core/pm-arrivals.c',
    'model/core/pm-circulant.c',
    'model/core/pm-ecdf.c',
    'model/core/pm-error.c',
    'model/core/pm-fsd.c',
    'model/core/pm-http-exact.c',
    'model/core/pm-http-planner.c',
    'model/core/pm-http-tables.c',
    'model/core/pm-http.c',
    'model/core/pm-patterns.c',
    'model/core/pm-rng.c',
    'model/core/pm-text.c',
    'model/core/pm-tm-binary.c',
    'model/core/pm-tm-text.c',
    'model/core/pm-tm.c',
    'model/core/pm-builtin-cdfs.c',
]
# What only the tools and the tests use (schedule writer, statistics, trace writers): kept out
# of the ns-3 module library.
TOOL_CORE_SOURCES = [
    'model/core/pm-flowgen-config.c',
    'model/core/pm-flowgen.c',
    'model/core/pm-stats.c',
    'model/core/pm-tm-write.c',
]
# The core's and the RNG bridge's headers (GSL-dependent). The CMake builds keep them out of
# packmime-module.h; waf collects every ns3header of a module into its module header and
# removes the headers of any other "module" name, so here they stay in it (a waf-era tree
# has GSL anyway: the module cannot build without it).
CORE_HEADERS = [
    'model/gsl-rng-stream.h',
    'model/core/pm-arrivals.h',
    'model/core/pm-circulant.h',
    'model/core/pm-ecdf.h',
    'model/core/pm-error.h',
    'model/core/pm-flowgen.h',
    'model/core/pm-fsd.h',
    'model/core/pm-http-planner.h',
    'model/core/pm-http-tables.h',
    'model/core/pm-http.h',
    'model/core/pm-patterns.h',
    'model/core/pm-rng.h',
    'model/core/pm-stats.h',
    'model/core/pm-tm-write.h',
    'model/core/pm-tm.h',
    'model/core/pm-builtin-cdfs.h',
]
MODULE_SOURCES = [
    'helper/packmime-command-line.cc',
    'helper/packmime-delay-box-helper.cc',
    'helper/packmime-flow-helper.cc',
    'helper/packmime-http-helper.cc',
    'helper/packmime-tcp-presets.cc',
    'model/gsl-rng-stream.cc',
    'model/packmime-address.cc',
    'model/packmime-application.cc',
    'model/packmime-csv-writer.cc',
    'model/packmime-delay-box-routing.cc',
    'model/packmime-delay-box.cc',
    'model/packmime-flow-client.cc',
    'model/packmime-flow-record.cc',
    'model/packmime-flow-statistics.cc',
    'model/packmime-flow-summary.cc',
    'model/packmime-flow-workload.cc',
    'model/packmime-header.cc',
    'model/packmime-http-client.cc',
    'model/packmime-http-generator.cc',
    'model/packmime-http-random-variable.cc',
    'model/packmime-http-summary.cc',
    'model/packmime-incast.cc',
    'model/packmime-log-histogram.cc',
    'model/packmime-server.cc',
    'model/packmime-summary.cc',
    'model/packmime-tcp-connection.cc',
    'model/packmime-traffic-matrix-schedule.cc',
    'model/packmime-workload.cc',
]
MODULE_HEADERS = [
    'helper/packmime-command-line.h',
    'helper/packmime-delay-box-helper.h',
    'helper/packmime-flow-helper.h',
    'helper/packmime-http-helper.h',
    'helper/packmime-tcp-presets.h',
    'model/packmime-address.h',
    'model/packmime-application.h',
    'model/packmime-compat.h',
    'model/packmime-csv-writer.h',
    'model/packmime-delay-box-routing.h',
    'model/packmime-delay-box.h',
    'model/packmime-fatal.h',
    'model/packmime-flow-client.h',
    'model/packmime-flow-record.h',
    'model/packmime-flow-statistics.h',
    'model/packmime-flow-summary.h',
    'model/packmime-flow-workload.h',
    'model/packmime-free-list.h',
    'model/packmime-header.h',
    'model/packmime-http-client.h',
    'model/packmime-http-generator.h',
    'model/packmime-http-random-variable.h',
    'model/packmime-http-record.h',
    'model/packmime-http-summary.h',
    'model/packmime-log-histogram.h',
    'model/packmime-record-status.h',
    'model/packmime-server.h',
    'model/packmime-session-pool.h',
    'model/packmime-summary.h',
    'model/packmime-tcp-connection.h',
    'model/packmime-workload.h',
]
TEST_SOURCES = [
    'test/packmime-arrivals-test-suite.cc',
    'test/packmime-delay-box-test-suite.cc',
    'test/packmime-ecdf-parser-test-suite.cc',
    'test/packmime-ecdf-test-suite.cc',
    'test/packmime-flowgen-test-suite.cc',
    'test/packmime-flows-test-suite.cc',
    'test/packmime-fsd-test-suite.cc',
    'test/packmime-http-marginals-test-suite.cc',
    'test/packmime-http-params-test-suite.cc',
    'test/packmime-http-test-suite.cc',
    'test/packmime-http-planner-test-suite.cc',
    'test/packmime-rng-bridge-test-suite.cc',
    'test/packmime-stats-test-suite.cc',
    'test/packmime-tm-test-suite.cc',
    'test/packmime-builtin-cdfs-test-suite.cc',
]


def configure(conf):
    conf.load('compiler_c')
    conf.check_cfg(package='gsl', uselib_store='GSL', args=['--cflags', '--libs'],
                   mandatory=True)


def _c_string(text):
    """A C string literal holding text (a one-line description)."""
    return '"%s"' % text.replace('\\', '\\\\').replace('"', '\\"')


def _c_bytes(data):
    """A C array initializer holding data byte by byte, then a terminating 0: the larger CDFs
    exceed the 4,095 characters ISO C guarantees for a string literal."""
    lines = ['    ' + ' '.join('0x%02x,' % b for b in data[i:i + 16])
             for i in range(0, len(data), 16)]
    return '{\n%s\n    0}' % '\n'.join(lines)


def embed_workloads(task):
    """Write the C file holding every data/cdf/*.cdf (as cmake/embed-cdfs.cmake does)."""
    arrays = []
    entries = []
    for i, node in enumerate(sorted(task.inputs, key=lambda n: n.name[:-len('.cdf')])):
        data = node.read('rb')
        desc = ''
        for line in data.decode('utf-8').split('\n'):
            if line.startswith('# workload: '):
                desc = line[len('# workload: '):]
                break
        arrays.append('static const char workload_%d[] = %s;\n\n' % (i, _c_bytes(data)))
        entries.append('    {"%s", %s, workload_%d},\n'
                       % (node.name[:-len('.cdf')], _c_string(desc), i))
    task.outputs[0].write(
        '/* Generated by wscript from the files in data/cdf -- do not edit. */\n'
        '#include "pm-builtin-cdfs.h"\n\n%s'
        'const pm_builtin_cdf pm_builtin_cdfs[] = {\n%s};\n'
        'const size_t pm_builtin_cdfs_count = %d;\n'
        % (''.join(arrays), ''.join(entries), len(entries)))


def build(bld):
    cdfs = bld.path.ant_glob('data/cdf/*.cdf')
    bld(rule=embed_workloads, source=cdfs, target='pm-builtin-cdfs-data.c')
    bld(features='c cstlib',
        source=CORE_SOURCES + ['pm-builtin-cdfs-data.c'],
        target='packmime-core',
        includes=['model/core'],
        export_includes=['model/core'],
        cflags=['-std=c11', '-fPIC', '-D_POSIX_C_SOURCE=200809L'],
        use=['GSL'])
    bld(features='c cstlib',
        source=TOOL_CORE_SOURCES,
        target='packmime-tool-core',
        includes=['model/core'],
        export_includes=['model/core'],
        cflags=['-std=c11', '-fPIC', '-D_POSIX_C_SOURCE=200809L'],
        use=['packmime-core', 'GSL'])

    for tool in ['packmime-flowgen', 'packmime-sample', 'packmime-tm']:
        bld(features='c cprogram',
            source=['utils/%s.c' % tool, 'utils/pm-cli.c'],
            target=tool,
            cflags=['-std=c11', '-D_POSIX_C_SOURCE=200809L'],
            use=['packmime-tool-core', 'packmime-core', 'GSL'])

    module = bld.create_ns3_module('packmime', ['core', 'network', 'internet', 'applications',
                                                'point-to-point', 'traffic-control'])
    module.source = MODULE_SOURCES
    module.use.extend(['packmime-core', 'GSL'])
    module.includes = ['model/core']

    module_test = bld.create_ns3_module_test_library('packmime')
    module_test.source = TEST_SOURCES
    module_test.use.extend(['packmime-tool-core', 'packmime-core', 'GSL'])

    headers = bld(features='ns3header')
    headers.module = 'packmime'
    headers.source = MODULE_HEADERS + CORE_HEADERS

    if bld.env['ENABLE_EXAMPLES']:
        bld.recurse('examples')
