/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-csv-writer.h"

#include "packmime-address.h"

#include <cinttypes>
#include <cstdarg>
#include <cstdio>
#include <string>

namespace ns3
{

PackMimeCsvWriter::PackMimeCsvWriter(Ptr<OutputStreamWrapper> stream, const char* header)
    : m_stream(stream)
{
    *m_stream->GetStream() << header << "\n";
}

void
PackMimeCsvWriter::Close()
{
    m_stream = nullptr;
}

bool
PackMimeCsvWriter::IsOpen() const
{
    return m_stream != nullptr;
}

void
PackMimeCsvWriter::Append(const char* format, ...)
{
    char text[256];
    va_list args;
    va_start(args, format);
    int n = std::vsnprintf(text, sizeof(text), format, args);
    va_end(args);
    if (n >= int(sizeof(text))) // rare (a long error text): format again at full length
    {
        std::string longer(size_t(n) + 1, '\0');
        va_start(args, format);
        std::vsnprintf(&longer[0], longer.size(), format, args);
        va_end(args);
        m_row.append(longer.data(), size_t(n));
    }
    else if (n > 0)
    {
        m_row.append(text, size_t(n));
    }
}

void
PackMimeCsvWriter::EndRow()
{
    m_row += '\n';
    m_stream->GetStream()->write(m_row.data(), std::streamsize(m_row.size()));
    m_row.clear();
}

PackMimeFlowCsvWriter::PackMimeFlowCsvWriter(Ptr<OutputStreamWrapper> stream,
                                             Callback<Time, uint64_t> idealFct)
    : PackMimeCsvWriter(stream,
                        "flow_id,size_bytes,size_kb,server,start_time,end_time,completion_time,"
                        "throughput_mbps,success,returncode,error,src,dst,ideal_fct,slowdown,"
                        "incast"),
      m_idealFct(idealFct)
{
}

void
PackMimeFlowCsvWriter::Write(const PackMimeFlowRecord& r)
{
    if (!IsOpen())
    {
        return;
    }
    double ideal = m_idealFct(r.size).GetSeconds();
    Append("%" PRIu64 ",%" PRIu64 ",%.3f,%s,%.9f,",
           r.id,
           r.size,
           double(r.size) / 1024.0,
           PackMimeAddressText(r.server).c_str(),
           r.start.GetSeconds());
    double t = r.GetFct().GetSeconds();
    if (r.completed) // end_time, completion_time, throughput_mbps
    {
        Append("%.9f,%.9f,%.6f",
               r.end.GetSeconds(),
               t,
               t > 0 ? double(r.size) * 8.0 / t / 1e6 : 0.0);
    }
    else
    {
        Append(",,");
    }
    Append(",%d,%d,%s,%u,%u,%.9f,",
           r.completed ? 1 : 0,
           int(r.returncode),
           r.error,
           r.src,
           r.dst,
           ideal);
    if (r.completed)
    {
        Append("%.6f", t / ideal);
    }
    Append(",");
    if (r.incast != UINT64_MAX)
    {
        Append("%" PRIu64, r.incast);
    }
    EndRow();
}

PackMimeHttpExchangeCsvWriter::PackMimeHttpExchangeCsvWriter(Ptr<OutputStreamWrapper> stream,
                                                             Time warmup)
    : PackMimeCsvWriter(stream,
                        "t_complete,conn_id,req_idx,req_bytes,rsp_bytes,resp_time_ms,server,"
                        "active_conns"),
      m_warmup(warmup)
{
}

void
PackMimeHttpExchangeCsvWriter::Write(const PackMimeHttpExchangeRecord& p)
{
    if (!IsOpen() || p.sent < m_warmup)
    {
        return;
    }
    Append("%.9f,%" PRIu64 ",%" PRIu32 ",%" PRIu64 ",%" PRIu64 ",%.6f,%" PRIu32 ",%" PRIu64,
           p.completed.GetSeconds(),
           p.connection,
           p.request,
           p.reqBytes,
           p.rspBytes,
           p.GetResponseTime().GetSeconds() * 1e3,
           p.server,
           p.active);
    EndRow();
}

PackMimeHttpConnectionCsvWriter::PackMimeHttpConnectionCsvWriter(Ptr<OutputStreamWrapper> stream)
    : PackMimeCsvWriter(stream,
                        "conn_id,t_start,client,server,n_reqs,persistent,req_bytes_total,"
                        "rsp_bytes_total,t_closed,success,error,client_delay_ms,"
                        "server_delay_ms,client_delay_back_ms,server_delay_back_ms")
{
}

void
PackMimeHttpConnectionCsvWriter::Write(const PackMimeHttpConnectionRecord& record)
{
    if (!IsOpen())
    {
        return;
    }
    Append("%" PRIu64 ",%.9f,%" PRIu32 ",%" PRIu32 ",%" PRIu32 ",%d,%" PRIu64 ",%" PRIu64 ",",
           record.id,
           record.start.GetSeconds(),
           record.client,
           record.server,
           record.requests,
           int(record.persistent),
           record.reqBytes,
           record.rspBytes);
    if (record.code != PackMimeHttpConnectionRecord::INCOMPLETE)
    {
        Append("%.9f", record.closed.GetSeconds());
    }
    Append(",%d,%s", int(record.success), record.error);
    // client_delay_ms, server_delay_ms (towards the server), then the way back
    for (double ms : {record.pathDelayMs[0][0],
                      record.pathDelayMs[1][0],
                      record.pathDelayMs[0][1],
                      record.pathDelayMs[1][1]})
    {
        Append(",");
        if (ms >= 0)
        {
            Append("%.6f", ms);
        }
    }
    EndRow();
}

} // namespace ns3
