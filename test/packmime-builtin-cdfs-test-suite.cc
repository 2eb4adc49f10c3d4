/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Built-in CDFs: all present, parse, match their published means and default reading,
 * and equal the shipped data/cdf files.
 */
#include "packmime-test-compat.h"

#include "ns3/pm-builtin-cdfs.h"
#include "ns3/pm-ecdf.h"
#include "ns3/test.h"

#include <fstream>
#include <sstream>
#include <string>

using namespace ns3;

/**
 * @ingroup packmime-tests
 * @brief Every built-in parses, has a description, and its text equals data/cdf/NAME.cdf.
 */
class BuiltinCdfsTestCase : public TestCase
{
  public:
    BuiltinCdfsTestCase()
        : TestCase("built-ins parse, are described and equal the shipped data files")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_EQ(pm_builtin_cdf_count(), 17u, "number of built-in CDFs");
        for (size_t i = 0; i < pm_builtin_cdf_count(); i++)
        {
            const pm_builtin_cdf* w = pm_builtin_cdf_at(i);
            pm_error err;
            pm_ecdf* e = pm_ecdf_parse_string(w->text, w->name, &err);
            NS_TEST_EXPECT_MSG_NE(e, nullptr, err.message);
            pm_ecdf_free(e);
            NS_TEST_EXPECT_MSG_NE(std::string(w->description).size(), 0u, w->name);
            NS_TEST_EXPECT_MSG_EQ(pm_builtin_cdf_find(w->name), w, "lookup by name");
            if (i > 0)
            {
                NS_TEST_EXPECT_MSG_LT(std::string(pm_builtin_cdf_at(i - 1)->name),
                                      std::string(w->name),
                                      "sorted by name");
            }
            std::ifstream file(std::string(NS_TEST_SOURCEDIR) + "/../data/cdf/" + w->name + ".cdf");
            std::stringstream contents;
            contents << file.rdbuf();
            NS_TEST_EXPECT_MSG_EQ(contents.str(), std::string(w->text), w->name << " differs");
        }
        NS_TEST_EXPECT_MSG_EQ(pm_builtin_cdf_find("no-such-cdf"), nullptr, "unknown name");
    }
};

/**
 * @ingroup packmime-tests
 * @brief Default readings and means of the classic workloads' CDFs (data/cdf/README.md).
 */
class BuiltinCdfsMeansTestCase : public TestCase
{
  public:
    BuiltinCdfsMeansTestCase()
        : TestCase("default reading and its mean for every built-in")
    {
    }

  private:
    void DoRun() override
    {
        struct Expected
        {
            const char* name;
            pm_ecdf_mode mode;
            double mean; ///< mean of the default reading, as published (0.01 B)
        };

        const Expected table[] = {
            {"websearch", PM_ECDF_LINEAR, 1711250.00},
            {"websearch-pfabric", PM_ECDF_LINEAR, 1665830.80},
            {"websearch-ns3dc", PM_ECDF_LINEAR, 1711222.50},
            {"datamining", PM_ECDF_LINEAR, 12658198.60},
            {"datamining-pfabric", PM_ECDF_LINEAR, 7470236.00},
            {"datamining-ns3dc", PM_ECDF_LINEAR, 5036535.18},
            {"fb_hadoop", PM_ECDF_LINEAR, 120420.75},
            {"fb_hadoop-homa", PM_ECDF_STEP, 127796.64},
            {"fb_hadoop-ns3dc", PM_ECDF_LINEAR, 3423728.35},
            {"fb_webserver", PM_ECDF_STEP, 62874.27},
            {"fb_cachefollower", PM_ECDF_STEP, 692975.55},
            {"fb_keyvalue", PM_ECDF_LINEAR, 184.96},
            {"fb_trafficgen", PM_ECDF_LINEAR, 342.24},
            {"google_searchrpc", PM_ECDF_STEP, 440.79},
            {"google_allrpc", PM_ECDF_STEP, 2927.35},
            {"alistorage2019", PM_ECDF_LINEAR, 40869.80},
            {"imc10", PM_ECDF_LINEAR, 195357.13},
        };
        for (const auto& t : table)
        {
            pm_error err;
            pm_ecdf* e = pm_cdf_open(t.name, &err);
            NS_TEST_ASSERT_MSG_NE(e, nullptr, err.message);
            NS_TEST_EXPECT_MSG_EQ(pm_ecdf_default_mode(e), t.mode, t.name);
            NS_TEST_EXPECT_MSG_EQ_TOL(pm_ecdf_mean(e, pm_ecdf_default_mode(e)),
                                      t.mean,
                                      0.006,
                                      t.name);
            pm_ecdf_free(e);
        }
    }
};

/**
 * @ingroup packmime-tests
 * @brief Suite of built-in CDF tests.
 */
class BuiltinCdfsTestSuite : public TestSuite
{
  public:
    BuiltinCdfsTestSuite()
        : TestSuite("packmime-builtin-cdfs", packmime_test::UNIT)
    {
        AddTestCase(new BuiltinCdfsTestCase(), packmime_test::QUICK);
        AddTestCase(new BuiltinCdfsMeansTestCase(), packmime_test::QUICK);
    }
};

/// Static instance registering the suite.
static BuiltinCdfsTestSuite g_packmimeBuiltinCdfsTestSuite;
