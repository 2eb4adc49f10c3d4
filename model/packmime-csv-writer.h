/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_CSV_WRITER_H
#define PACKMIME_CSV_WRITER_H

#include "packmime-flow-record.h"
#include "packmime-http-record.h"

#include "ns3/callback.h"
#include "ns3/nstime.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/simple-ref-count.h"

namespace ns3
{

/**
 * @ingroup packmime
 * @brief Trace sinks that write the module's records as CSV rows, one row per record.
 *
 * A workload attaches them to its own trace sources when its file attributes are set
 * (CsvFile; PairsFile, ConnectionsFile); a script can attach more to any workload's traces
 * (TraceConnectWithoutContext with MakeCallback(&Write, writer)). Each writes its header
 * when created; Close() ends the file (later records are ignored).
 */
class PackMimeCsvWriter : public SimpleRefCount<PackMimeCsvWriter>
{
  public:
    /**
     * @brief Write the header line to the stream.
     * @param stream the open file
     * @param header the header line (column names, without the newline)
     */
    PackMimeCsvWriter(Ptr<OutputStreamWrapper> stream, const char* header);
    virtual ~PackMimeCsvWriter() = default;

    /// Close the file: later records are not written.
    void Close();

  protected:
    /**
     * @brief Append text formatted like printf to the current row.
     * @param format printf format
     */
    void Append(const char* format, ...)
#if defined(__GNUC__)
        __attribute__((format(printf, 2, 3)))
#endif
        ;

    /// @return whether the file is open
    bool IsOpen() const;

    /// Write the current row (and a newline) to the file.
    void EndRow();

  private:
    Ptr<OutputStreamWrapper> m_stream; //!< the file (null once closed)
    std::string m_row;                 //!< the row being built
};

/**
 * @ingroup packmime
 * @brief flows.csv: the classic traffic generator's eleven columns, then src, dst, ideal_fct,
 * slowdown and incast (connect to PackMimeFlowWorkload's FlowCompleted).
 */
class PackMimeFlowCsvWriter : public PackMimeCsvWriter
{
  public:
    /**
     * @param stream the open file
     * @param idealFct the ideal FCT of a flow of a given size (PackMimeFlowWorkload::IdealFct)
     */
    PackMimeFlowCsvWriter(Ptr<OutputStreamWrapper> stream, Callback<Time, uint64_t> idealFct);

    /**
     * @brief Write a flow's row.
     * @param r the record
     */
    void Write(const PackMimeFlowRecord& r);

  private:
    Callback<Time, uint64_t> m_idealFct; //!< ideal FCT by size
};

/**
 * @ingroup packmime
 * @brief pairs.csv: ns-2 PackMime's outfile plus ids, one row per completed exchange whose
 * request was sent at or after the warm-up (connect to PackMimeHttpGenerator's
 * ResponseReceived).
 */
class PackMimeHttpExchangeCsvWriter : public PackMimeCsvWriter
{
  public:
    /**
     * @param stream the open file
     * @param warmup exchanges sent before are not written
     */
    PackMimeHttpExchangeCsvWriter(Ptr<OutputStreamWrapper> stream, Time warmup);

    /**
     * @brief Write an exchange's row (if sent at or after the warm-up).
     * @param p the exchange
     */
    void Write(const PackMimeHttpExchangeRecord& p);

  private:
    Time m_warmup; //!< exchanges sent before are not written
};

/**
 * @ingroup packmime
 * @brief connections.csv: one row per connection (connect to PackMimeHttpGenerator's
 * ConnectionClosed).
 */
class PackMimeHttpConnectionCsvWriter : public PackMimeCsvWriter
{
  public:
    /// @param stream the open file
    PackMimeHttpConnectionCsvWriter(Ptr<OutputStreamWrapper> stream);

    /**
     * @brief Write a connection's row.
     * @param record the connection's final record
     */
    void Write(const PackMimeHttpConnectionRecord& record);
};

} // namespace ns3

#endif /* PACKMIME_CSV_WRITER_H */
