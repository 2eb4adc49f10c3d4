/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Janus traffic-matrix traces: decoding the samples (the original tool's binaries included),
 * canonical writing, exact round trips, and every malformed input rejected with its reason.
 */
#include "packmime-test-compat.h"

#include "ns3/abort.h"
#include "ns3/pm-rng.h"
#include "ns3/pm-tm-write.h"
#include "ns3/test.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <vector>

using namespace ns3;

namespace
{

/// The module's own copy of the Janus samples.
std::string
Samples()
{
    return std::string(NS_TEST_SOURCEDIR) + "/../data/janus/";
}

/// Every matrix of a trace (fails the run if the trace does not open).
std::vector<std::vector<float>>
Matrices(const std::string& path, std::vector<int64_t>* times = nullptr)
{
    pm_error err;
    pm_tm* tm = pm_tm_open(path.c_str(), &err);
    NS_ABORT_MSG_IF(!tm, err.message);
    size_t n = pm_tm_n(tm);
    std::vector<std::vector<float>> out;
    for (size_t e = 0; e < pm_tm_epochs(tm); e++)
    {
        std::vector<float> m(n * n);
        NS_ABORT_MSG_IF(pm_tm_read(tm, e, m.data(), &err) != PM_OK, err.message);
        out.push_back(m);
        if (times)
        {
            times->push_back(pm_tm_time(tm, e));
        }
    }
    pm_tm_free(tm);
    return out;
}

/// Whether two matrix lists are bit-identical.
bool
Identical(const std::vector<std::vector<float>>& a, const std::vector<std::vector<float>>& b)
{
    if (a.size() != b.size())
    {
        return false;
    }
    for (size_t e = 0; e < a.size(); e++)
    {
        if (a[e].size() != b[e].size() ||
            std::memcmp(a[e].data(), b[e].data(), a[e].size() * sizeof(float)) != 0)
        {
            return false;
        }
    }
    return true;
}

/// A file's bytes.
std::string
Bytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

/**
 * @ingroup packmime-tests
 * @brief The samples decode to the documented matrices; the original tool's binaries decode
 * to the same matrices as the text form (interop); the canonical writer reproduces the
 * canonical fixtures byte for byte.
 */
class TmSamplesTestCase : public TestCase
{
  public:
    TmSamplesTestCase()
        : TestCase("samples: documented matrices, Janus binaries = text, canonical bytes")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<int64_t> times;
        auto text = Matrices(Samples() + "sample_trace", &times);
        NS_TEST_ASSERT_MSG_EQ(text.size(), 4u, "epochs");
        NS_TEST_EXPECT_MSG_EQ((times == std::vector<int64_t>{1, 2, 3, 4}), true, "time keys");
        // janus-trace-format.md section 6, row-major, (t1..t4).
        const float expected[16] = {0, 10, 1, 0, 0, 0, 0, 0.1f, 1, 1, 0, 10, 0, 0, 10, 0};
        for (const auto& m : text)
        {
            NS_TEST_EXPECT_MSG_EQ(std::memcmp(m.data(), expected, sizeof(expected)),
                                  0,
                                  "sample matrix");
        }
        auto janus = Matrices(Samples() + "sample_trace-binary-janus/traffic");
        auto canonical = Matrices(Samples() + "sample_trace-binary-canonical/traffic");
        NS_TEST_EXPECT_MSG_EQ(Identical(text, janus), true, "Janus binary decodes like the text");
        NS_TEST_EXPECT_MSG_EQ(Identical(text, canonical),
                              true,
                              "canonical binary decodes like the text");

        auto distinct = Matrices(Samples() + "synthetic_distinct", &times);
        NS_TEST_ASSERT_MSG_EQ(distinct.size(), 3u, "synthetic epochs");
        for (size_t e = 0; e < 3; e++)
        {
            for (size_t s = 0; s < 4; s++)
            {
                for (size_t d = 0; d < 4; d++)
                {
                    float v = s == d ? 0.0f : float(100 * (e + 1) + 10 * (s + 1) + (d + 1));
                    NS_TEST_EXPECT_MSG_EQ(distinct[e][s * 4 + d],
                                          v,
                                          "epoch " << e + 1 << " (" << s << "," << d << ")");
                }
            }
        }
        NS_TEST_EXPECT_MSG_EQ(
            Identical(distinct, Matrices(Samples() + "synthetic_distinct-binary-janus/traffic")),
            true,
            "");

        for (std::string name : {"sample_trace", "synthetic_distinct"})
        {
            pm_tm* tm = pm_tm_open((Samples() + name).c_str(), nullptr);
            std::string prefix = CreateTempDirFilename(name);
            pm_error err;
            NS_TEST_ASSERT_MSG_EQ(pm_tm_write_binary(tm, prefix.c_str(), &err), PM_OK, err.message);
            pm_tm_free(tm);
            std::string fixture = Samples() + name + "-binary-canonical/traffic";
            NS_TEST_EXPECT_MSG_EQ((Bytes(prefix + ".index") == Bytes(fixture + ".index")),
                                  true,
                                  name << " index bytes");
            NS_TEST_EXPECT_MSG_EQ((Bytes(prefix + ".data") == Bytes(fixture + ".data")),
                                  true,
                                  name << " data bytes");
        }
    }
};

/**
 * @ingroup packmime-tests
 * @brief Text -> binary -> text -> binary round trips keep every float bit-identical: the
 * samples and a generated trace (N = 32, 20 epochs, random values at full float precision
 * over 12 orders of magnitude, some zeros).
 */
class TmRoundTripTestCase : public TestCase
{
  public:
    TmRoundTripTestCase()
        : TestCase("round trips text -> binary -> text are bit-exact")
    {
    }

  private:
    /// Write a random text trace to dir.
    void Generate(const std::string& dir, size_t n, size_t epochs)
    {
        mkdir(dir.c_str(), 0755);
        std::ofstream key(dir + "/key.tsv");
        for (size_t s = 0; s < n; s++)
        {
            for (size_t d = 0; d < n; d++)
            {
                if (s != d)
                {
                    key << "tor" << s << "  tor" << d << "  pod" << s / 4 << "  pod" << d / 4
                        << "  0  0\n";
                }
            }
        }
        gsl_rng* r = pm_rng_new_seeded(5, 0, nullptr);
        for (size_t e = 0; e < epochs; e++)
        {
            char name[32];
            std::snprintf(name, sizeof(name), "/%04zu.tsv", 3 * e + 7);
            std::ofstream f(dir + name);
            for (size_t k = 0; k < n * (n - 1); k++)
            {
                double u = gsl_rng_uniform(r);
                float v = u < 0.1 ? 0.0f : float(std::pow(10.0, 12 * gsl_rng_uniform(r) - 3));
                char buf[32];
                std::snprintf(buf, sizeof(buf), "%.9g", double(v));
                f << buf << "\n";
            }
        }
        gsl_rng_free(r);
    }

    void DoRun() override
    {
        std::string generated = CreateTempDirFilename("random32");
        Generate(generated, 32, 20);
        int round = 0;
        for (std::string dir :
             {Samples() + "sample_trace", Samples() + "synthetic_distinct", generated})
        {
            round++;
            std::vector<int64_t> t0;
            auto original = Matrices(dir, &t0);
            pm_error err;
            pm_tm* tm = pm_tm_open(dir.c_str(), &err);
            std::string bin = CreateTempDirFilename("rt" + std::to_string(round));
            NS_TEST_ASSERT_MSG_EQ(pm_tm_write_binary(tm, bin.c_str(), &err), PM_OK, err.message);
            pm_tm_free(tm);
            tm = pm_tm_open(bin.c_str(), &err);
            std::string text = CreateTempDirFilename("rt-text" + std::to_string(round));
            NS_TEST_ASSERT_MSG_EQ(pm_tm_write_text(tm, text.c_str(), &err), PM_OK, err.message);
            pm_tm_free(tm);
            std::vector<int64_t> t1;
            std::vector<int64_t> t2;
            NS_TEST_EXPECT_MSG_EQ(Identical(original, Matrices(bin, &t1)), true, dir << ": binary");
            NS_TEST_EXPECT_MSG_EQ(Identical(original, Matrices(text, &t2)),
                                  true,
                                  dir << ": text again");
            NS_TEST_EXPECT_MSG_EQ((t0 == t1 && t1 == t2), true, dir << ": time keys");
        }
        pm_tm* tm = pm_tm_open(generated.c_str(), nullptr);
        pm_error err;
        NS_TEST_EXPECT_MSG_EQ(pm_tm_write_text(tm, generated.c_str(), &err),
                              PM_EINVAL,
                              "writing over a trace");
        NS_TEST_EXPECT_MSG_NE(std::string(err.message).find("already holds matrix files"),
                              std::string::npos,
                              err.message);
        NS_TEST_EXPECT_MSG_EQ(pm_tm_n(tm), 32u, "N from key.tsv");
        NS_TEST_EXPECT_MSG_EQ(pm_tm_epochs(tm), 20u, "epochs");
        // Epoch lookup: the nearest earlier time key (keys 7, 10, 13, ...).
        NS_TEST_EXPECT_MSG_EQ(pm_tm_find(tm, 6), -1, "before the first");
        NS_TEST_EXPECT_MSG_EQ(pm_tm_find(tm, 7), 0, "exact");
        NS_TEST_EXPECT_MSG_EQ(pm_tm_find(tm, 9), 0, "between");
        NS_TEST_EXPECT_MSG_EQ(pm_tm_find(tm, 1000), 19, "after the last");
        pm_tm_free(tm);
    }
};

/**
 * @ingroup packmime-tests
 * @brief Malformed traces, built by the test, each rejected with its own reason naming the
 * file (and line or record).
 */
class TmMalformedTestCase : public TestCase
{
  public:
    TmMalformedTestCase()
        : TestCase("30 malformed traces, each with its specific error")
    {
    }

  private:
    /// Little-endian bytes of v.
    static std::string Le(uint64_t v, int bytes)
    {
        std::string s;
        for (int i = 0; i < bytes; i++)
        {
            s.push_back(char((v >> (8 * i)) & 0xff));
        }
        return s;
    }

    /// A binary record: N*N float32 values v (one value repeated), header bytes zero.
    static std::string Record(uint32_t pairs, float v)
    {
        uint32_t bits;
        std::memcpy(&bits, &v, 4);
        std::string s = Le(pairs, 4) + std::string(12, '\0');
        for (uint32_t i = 0; i < pairs; i++)
        {
            s += Le(bits, 4);
        }
        return s;
    }

    /// An index with records (seek, time, size); count overrides the record count if >= 0.
    static std::string Index(const std::vector<std::array<uint64_t, 3>>& recs, long count = -1)
    {
        std::string s = Le(count >= 0 ? uint64_t(count) : recs.size(), 8);
        for (const auto& r : recs)
        {
            s += Le(r[0], 8) + Le(r[1], 8) + Le(r[2], 8);
        }
        return s;
    }

    /// Write a binary trace and return its prefix.
    std::string Binary(const std::string& name, const std::string& index, const std::string& data)
    {
        std::string prefix = CreateTempDirFilename(name);
        std::ofstream(prefix + ".index", std::ios::binary) << index;
        std::ofstream(prefix + ".data", std::ios::binary) << data;
        return prefix;
    }

    /// Write a text trace (key.tsv for N ToRs with `extraKey` appended, files name -> text).
    std::string Text(const std::string& name,
                     size_t n,
                     const std::vector<std::pair<std::string, std::string>>& files,
                     const std::string& keyOverride = "")
    {
        std::string dir = CreateTempDirFilename(name);
        mkdir(dir.c_str(), 0755);
        std::ofstream key(dir + "/key.tsv");
        if (keyOverride.empty())
        {
            for (size_t s = 0; s < n; s++)
            {
                for (size_t d = 0; d < n; d++)
                {
                    if (s != d)
                    {
                        key << "t" << s << " t" << d << " p0 p0 0 0\n";
                    }
                }
            }
        }
        else
        {
            key << keyOverride;
        }
        key.close();
        for (const auto& [f, text] : files)
        {
            std::ofstream(dir + "/" + f) << text;
        }
        return dir;
    }

    /// Expect that opening (and reading every epoch of) path fails with `expected` in the message.
    void Expect(const std::string& what, const std::string& path, const std::string& expected)
    {
        pm_error err;
        pm_error_clear(&err);
        pm_tm* tm = pm_tm_open(path.c_str(), &err);
        bool failed = tm == nullptr;
        if (tm)
        {
            std::vector<float> m(pm_tm_n(tm) * pm_tm_n(tm));
            for (size_t e = 0; e < pm_tm_epochs(tm) && !failed; e++)
            {
                failed = pm_tm_read(tm, e, m.data(), &err) != PM_OK;
            }
            pm_tm_free(tm);
        }
        NS_TEST_EXPECT_MSG_EQ(failed, true, what << ": accepted");
        NS_TEST_EXPECT_MSG_NE(std::string(err.message).find(expected),
                              std::string::npos,
                              what << ": '" << err.message << "' lacks '" << expected << "'");
    }

    void DoRun() override
    {
        std::string rec4 = Record(16, 1.0f);
        std::string six = "1\n1\n1\n1\n1\n1\n";
        std::string twelve = six + six;
        Expect("truncated index",
               Binary("b1", std::string("\x01\x00\x00", 3), rec4),
               "truncated index (3 bytes");
        Expect("count vs size",
               Binary("b2", Index({{0, 1, 80}}, 3), rec4),
               "record count 3 disagrees with the file size");
        Expect("count 0", Binary("b3", Index({}), ""), "no matrices (record count 0)");
        Expect("seek outside",
               Binary("b4", Index({{400, 1, 80}}), rec4),
               "seek 400 + size 80 is outside the data file (80 bytes)");
        Expect("size outside",
               Binary("b5", Index({{40, 1, 80}}), rec4),
               "seek 40 + size 80 is outside");
        Expect("not a square",
               Binary("b6", Index({{0, 1, 76}}), Record(15, 1.0f)),
               "num_pairs 15 is not a square N*N");
        Expect("size vs num_pairs",
               Binary("b7", Index({{0, 1, 84}}), rec4 + "abcd"),
               "size 84, expected 16 + 4 * num_pairs");
        Expect("8-byte elements",
               Binary("b8", Index({{0, 1, 144}}), rec4 + std::string(64, '\0')),
               "8-byte matrix elements: an older or forked Janus format");
        Expect("inconsistent N",
               Binary("b9", Index({{0, 1, 80}, {80, 2, 52}}), rec4 + Record(9, 1.0f)),
               "has N = 3, earlier records N = 4");
        Expect("duplicate time (binary)",
               Binary("b10", Index({{0, 5, 80}, {80, 5, 80}}), rec4 + rec4),
               "duplicate time key 5 in the index");
        Expect("NaN (binary)",
               Binary("b11", Index({{0, 1, 80}}), Record(16, NAN)),
               "is not a finite demand >= 0");
        Expect("negative (binary)",
               Binary("b12", Index({{0, 1, 80}}), Record(16, -2.0f)),
               "value -2 for (0,1) is not a finite demand >= 0");
        Expect("missing data file", CreateTempDirFilename("b13"), "b13.index: cannot open");
        // What the compressor never writes: keys come from file names (>= 0) and the records
        // are written one after the other.
        Expect("negative time key",
               Binary("b14", Index({{0, uint64_t(-3), 80}}), rec4),
               "negative time key -3");
        Expect("overlapping records",
               Binary("b15", Index({{0, 1, 80}, {0, 2, 80}}), rec4),
               "starts at byte 0, expected 80 (records must tile the data file: it overlaps");
        Expect("gap between records",
               Binary("b16", Index({{0, 1, 80}, {84, 2, 80}}), rec4 + "gap!" + rec4),
               "starts at byte 84, expected 80 (records must tile the data file: a gap");
        Expect("trailing bytes",
               Binary("b17", Index({{0, 1, 80}}), rec4 + "junk"),
               "4 bytes after the last record (file 84 bytes, records end at 80)");
        Expect("one ToR name",
               Text("t1", 0, {{"0001.tsv", "1\n"}}, "a a p p 0 0\n"),
               "key.tsv: 1 ToR name(s), expected at least 2");
        Expect("key lines vs N",
               Text("t2", 0, {{"0001.tsv", six}}, "a b p p 0 0\nb c p p 0 0\nc a p p 0 0\n"),
               "key.tsv: 3 pair lines, expected N*(N-1) = 6 for its N = 3 ToRs");
        Expect("key pairs a ToR with itself",
               Text("t12", 0, {{"0001.tsv", "1\n1\n"}}, "a b p p 0 0\nb b p p 0 0\n"),
               "key.tsv: pair b -> b: a ToR paired with itself");
        Expect("key repeats a pair",
               Text("t13", 0, {{"0001.tsv", "1\n1\n"}}, "a b p p 0 0\na b p p 0 0\n"),
               "key.tsv: pair 'a\tb' listed twice");
        Expect("key with one field",
               Text("t3", 0, {{"0001.tsv", six}}, "a b p p 0 0\nlonely\n"),
               "key.tsv:2: one field");
        Expect("too few values",
               Text("t4", 4, {{"0001.tsv", six}}),
               "0001.tsv: 6 values, expected N*(N-1) = 12 for N = 4");
        Expect("too many values",
               Text("t5", 4, {{"0001.tsv", twelve + "1\n"}}),
               "0001.tsv:13: more than N*(N-1) = 12 values");
        Expect("non-numeric value",
               Text("t6", 4, {{"0001.tsv", "1\n1\nlots\n" + twelve}}),
               "0001.tsv:3: 'lots' is not a number");
        Expect("NaN (text)",
               Text("t7", 4, {{"0001.tsv", "nan\n" + twelve}}),
               "0001.tsv:1: value nan for (0,1) is not a finite demand");
        Expect("negative (text)",
               Text("t8", 4, {{"0001.tsv", "1\n-4\n" + twelve}}),
               "0001.tsv:2: value -4 for (0,2)");
        Expect("infinite (text)",
               Text("t9", 4, {{"0001.tsv", "1\n1\n1\ninf\n" + twelve}}),
               "0001.tsv:4: value inf for (1,0)");
        Expect("duplicate time (text)",
               Text("t10", 4, {{"0001.tsv", twelve}, {"01.tsv", twelve}}),
               "duplicate time key 1");
        Expect("no matrix files",
               Text("t11", 4, {{"1000.tsv", twelve}}),
               "no matrix files (names starting with '0')");
    }
};

/**
 * @ingroup packmime-tests
 * @brief Suite of traffic-matrix trace tests.
 */
class TmTestSuite : public TestSuite
{
  public:
    TmTestSuite()
        : TestSuite("packmime-tm", packmime_test::UNIT)
    {
        AddTestCase(new TmSamplesTestCase(), packmime_test::QUICK);
        AddTestCase(new TmRoundTripTestCase(), packmime_test::QUICK);
        AddTestCase(new TmMalformedTestCase(), packmime_test::QUICK);
    }
};

/// Static instance registering the suite.
static TmTestSuite g_packmimeTmTestSuite;
