/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * CDF parser: every malformed input is rejected with a message naming the file, the line
 * and the problem; well-formed variations are accepted.
 */
#include "packmime-test-compat.h"

#include "ns3/pm-builtin-cdfs.h"
#include "ns3/pm-ecdf.h"
#include "ns3/test.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace ns3;

/**
 * @ingroup packmime-tests
 * @brief Malformed CDF texts each give their own error naming "file:line".
 */
class EcdfMalformedTestCase : public TestCase
{
  public:
    EcdfMalformedTestCase()
        : TestCase("malformed CDF files are rejected with file, line and problem")
    {
    }

  private:
    void DoRun() override
    {
        struct Case
        {
            const char* text;     ///< file contents
            const char* expected; ///< substring of the message (after the file name)
        };

        const Case cases[] = {
            {"", "bad.cdf: no data points"},
            {"# only a comment\n\n   \n", "bad.cdf: no data points"},
            {"abc 0.5\n", "bad.cdf:1: size 'abc' is not a number"},
            {"10 0.1\n20 half\n", "bad.cdf:2: cumulative probability 'half' is not a number"},
            {"10abc 0.5\n", "bad.cdf:1: size '10abc' is not a number"},
            {"10 0.5 7\n20 1\n", "bad.cdf:1: 3 or more fields, expected 2"},
            {"10\n", "bad.cdf:1: 1 fields, expected 2"},
            {"10,0.5\n20,1\n", "bad.cdf:1: 1 fields, expected 2"},
            {"-5 0.1\n10 1\n", "bad.cdf:1: negative size -5"},
            {"10 1.5\n", "bad.cdf:1: cumulative probability 1.5 outside [0,1]"},
            {"10 -0.1\n20 1\n", "bad.cdf:1: cumulative probability -0.1 outside [0,1]"},
            {"# header\n10 0.1\n5 0.2\n30 1\n", "bad.cdf:3: size 5 is smaller than the previous"},
            {"10 0.5\n20 0.4\n30 1\n", "bad.cdf:2: cumulative probability 0.4 is smaller"},
            {"10 0.5\n20 0.9\n\n# end\n", "bad.cdf:2: last cumulative probability is 0.9"},
            {"10 0.5\n20 0.999999\n", "bad.cdf:2: last cumulative probability is 0.999999"},
            {"nan 0.5\n20 1\n", "bad.cdf:1: size 'nan' is not a finite number"},
            {"10 inf\n", "bad.cdf:1: cumulative probability 'inf' is not a finite number"},
            {"10 0.5\n1e30 1\n", "bad.cdf:2: size 1e+30 bytes exceeds 2^53"},
            {"10 0.5\n1e300 1\n", "bad.cdf:2: size 1e+300 bytes exceeds 2^53"},
            {"10 1.0000000001\n", "bad.cdf:1: cumulative probability 1.0000000001 outside [0,1]"},
            {"# packmime-mode: smooth\n10 1\n", "bad.cdf:1: packmime-mode 'smooth' is not"},
            {"1e400 0.5\n2e400 1\n", "bad.cdf:1: size '1e400' is not a finite number"},
            // One byte-order mark is skipped; a second one is text in the first field.
            {"\xEF\xBB\xBF\xEF\xBB\xBF"
             "100 1\n",
             "bad.cdf:1: size '\xEF\xBB\xBF"
             "100' is not a number"},
        };
        for (const auto& c : cases)
        {
            pm_error err;
            pm_error_clear(&err);
            pm_ecdf* e = pm_ecdf_parse_string(c.text, "bad.cdf", &err);
            NS_TEST_EXPECT_MSG_EQ(e, nullptr, "accepted: " << c.text);
            pm_ecdf_free(e);
            NS_TEST_EXPECT_MSG_EQ(err.code, PM_EPARSE, "code for: " << c.text);
            NS_TEST_EXPECT_MSG_NE(std::string(err.message).find(c.expected),
                                  std::string::npos,
                                  "message '" << err.message << "' lacks '" << c.expected << "'");
        }
    }
};

/**
 * @ingroup packmime-tests
 * @brief File-level failures: unreadable paths and unknown names.
 */
class EcdfFileErrorsTestCase : public TestCase
{
  public:
    EcdfFileErrorsTestCase()
        : TestCase("unreadable path, directory and unknown built-in CDF name")
    {
    }

  private:
    void DoRun() override
    {
        pm_error err;
        pm_ecdf* e = pm_ecdf_parse_file("/nonexistent/dir/flows.cdf", &err);
        NS_TEST_EXPECT_MSG_EQ(e, nullptr, "missing file accepted");
        NS_TEST_EXPECT_MSG_EQ(err.code, PM_EIO, "code");
        NS_TEST_EXPECT_MSG_NE(
            std::string(err.message).find("/nonexistent/dir/flows.cdf: cannot open"),
            std::string::npos,
            err.message);

        std::string dir = "/";
        e = pm_ecdf_parse_file(dir.c_str(), &err);
        NS_TEST_EXPECT_MSG_EQ(e, nullptr, "a directory accepted as CDF");
        NS_TEST_EXPECT_MSG_NE(std::string(err.message).find(dir), std::string::npos, err.message);

        e = pm_cdf_open("websarch", &err);
        NS_TEST_EXPECT_MSG_EQ(e, nullptr, "misspelt name accepted");
        NS_TEST_EXPECT_MSG_NE(std::string(err.message).find("'websarch' is neither a built-in"),
                              std::string::npos,
                              err.message);
        NS_TEST_EXPECT_MSG_NE(std::string(err.message).find("websearch"),
                              std::string::npos,
                              "the message lists the built-ins: " << err.message);

        pm_ecdf_mode mode;
        NS_TEST_EXPECT_MSG_EQ(pm_ecdf_mode_parse("smooth", &mode, &err), PM_EINVAL, "mode");
        NS_TEST_EXPECT_MSG_NE(std::string(err.message).find("'smooth'"), std::string::npos, "mode");

        const double x[] = {10, 5};
        const double F[] = {0.5, 1};
        e = pm_ecdf_from_arrays(x, F, 2, &err);
        NS_TEST_EXPECT_MSG_EQ(e, nullptr, "decreasing arrays accepted");
        NS_TEST_EXPECT_MSG_NE(std::string(err.message).find("cdf point 1: size 5 is smaller"),
                              std::string::npos,
                              err.message);
    }
};

/**
 * @ingroup packmime-tests
 * @brief Well-formed variations of the format are read as documented.
 */
class EcdfWellFormedTestCase : public TestCase
{
  public:
    EcdfWellFormedTestCase()
        : TestCase("comments, blank lines, CRLF, a byte-order mark, point masses, first "
                   "probability > 0, mode line, sizes from 1e-320 to 2^53")
    {
    }

  private:
    void DoRun() override
    {
        const char* text = "\xEF\xBB\xBF# a comment (after a UTF-8 byte-order mark)\r\n"
                           "\r\n"
                           "# packmime-mode: step\r\n"
                           "  100\t0.2   # trailing comment\r\n"
                           "100 0.5\r\n"
                           "400 0.9999999999\r\n";
        pm_error err;
        pm_ecdf* e = pm_ecdf_parse_string(text, "ok.cdf", &err);
        NS_TEST_ASSERT_MSG_NE(e, nullptr, err.message);
        NS_TEST_EXPECT_MSG_EQ(pm_ecdf_points(e), 3u, "points");
        NS_TEST_EXPECT_MSG_EQ(pm_ecdf_default_mode(e), PM_ECDF_STEP, "mode directive");
        NS_TEST_EXPECT_MSG_EQ(pm_ecdf_point_prob(e, 2),
                              1.0,
                              "last probability within 1e-9 is set to 1");
        // Step: P(100) = 0.5, P(400) = 0.5. Linear: 0..100 with mass 0.2, point mass 0.3 at
        // 100, then 100..400 with mass 0.5.
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_ecdf_mean(e, PM_ECDF_STEP), 250.0, 1e-9, "step mean");
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_ecdf_mean(e, PM_ECDF_LINEAR),
                                  0.2 * 50 + 0.3 * 100 + 0.5 * 250,
                                  1e-9,
                                  "linear mean");
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_ecdf_cdf(e, PM_ECDF_LINEAR, 50), 0.1, 1e-12, "origin");
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_ecdf_cdf(e, PM_ECDF_LINEAR, 100), 0.5, 1e-12, "mass");
        NS_TEST_EXPECT_MSG_EQ(pm_ecdf_quantile(e, PM_ECDF_LINEAR, 0.3), 100.0, "in the mass");
        pm_ecdf_free(e);

        // The extremes of what a size may be: a subnormal (strtod flags it ERANGE, yet it is
        // a number) and 2^53, the largest size sampled exactly.
        e = pm_ecdf_parse_string("1e-320 0.5\n9007199254740992 1\n", "edge.cdf", &err);
        NS_TEST_ASSERT_MSG_NE(e, nullptr, err.message);
        NS_TEST_EXPECT_MSG_EQ(pm_ecdf_point_size(e, 1), PM_ECDF_MAX_SIZE, "2^53 kept exactly");
        pm_ecdf_free(e);

        std::string path = CreateTempDirFilename("file.cdf");
        {
            std::ofstream out(path);
            out << "1000 0.5\n3000 1\n";
        }
        e = pm_cdf_open(path.c_str(), &err);
        NS_TEST_ASSERT_MSG_NE(e, nullptr, err.message);
        NS_TEST_EXPECT_MSG_EQ(pm_ecdf_default_mode(e), PM_ECDF_LINEAR, "files default to linear");
        pm_ecdf_free(e);
        unlink(path.c_str());
    }
};

/**
 * @ingroup packmime-tests
 * @brief Suite of CDF parser tests.
 */
class EcdfParserTestSuite : public TestSuite
{
  public:
    EcdfParserTestSuite()
        : TestSuite("packmime-ecdf-parser", packmime_test::UNIT)
    {
        AddTestCase(new EcdfMalformedTestCase(), packmime_test::QUICK);
        AddTestCase(new EcdfFileErrorsTestCase(), packmime_test::QUICK);
        AddTestCase(new EcdfWellFormedTestCase(), packmime_test::QUICK);
    }
};

/// Static instance registering the suite.
static EcdfParserTestSuite g_packmimeEcdfParserTestSuite;
