/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_SESSION_POOL_H
#define PACKMIME_SESSION_POOL_H

#include "packmime-free-list.h"

#include <cstddef>
#include <cstdint>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief What PackMimeApplication needs of its subclass's session pool, whatever the
 * session type: the counts, and the two steps of disposal.
 */
class PackMimeSessions
{
  public:
    virtual ~PackMimeSessions() = default;

    /// Detach every session's connection from its socket, sending nothing (at disposal,
    /// when the node's IP stack may be gone already, as in ns-3.35).
    virtual void ReleaseSockets() = 0;

    /// Destroy every session.
    virtual void Clear() = 0;

    /// @return sessions open now
    virtual uint32_t GetOpen() const = 0;

    /// @return sessions opened so far
    virtual uint64_t GetOpened() const = 0;

    /// @return sessions allocated (the high-water mark of open sessions)
    virtual uint32_t GetAllocated() const = 0;
};

/**
 * @ingroup packmime
 * @brief The pooled sessions of one of the module's applications: each session carries one
 * TCP connection (a member `PackMimeTcpConnection tcp`) and knows whether it is open (a
 * member `bool inUse`). Sessions are reused, so an application's memory follows the
 * connections open at once, not the connections it ever had; the pool counts both.
 *
 * @tparam Session the application's session type
 */
template <typename Session>
class PackMimeSessionPool : public PackMimeSessions
{
  public:
    /// @return a session for a new connection, marked open (its other state is the caller's)
    Session* Open()
    {
        Session* s = m_sessions.Acquire();
        s->inUse = true;
        m_open++;
        m_opened++;
        return s;
    }

    /**
     * @brief Return a session to the pool (nothing if it is not open).
     * @param s the session
     * @return whether it was open
     */
    bool Close(Session* s)
    {
        if (!s->inUse)
        {
            return false;
        }
        s->inUse = false;
        m_open--;
        m_sessions.Release(s);
        return true;
    }

    /**
     * @brief Call f on every open session. f may close it, and may open others (a trace
     * sink starting new work): the walk stays valid as the pool grows; a session opened
     * meanwhile is visited only if it reuses a slot not reached yet.
     * @param f the function, called as f(Session*)
     */
    template <typename F>
    void ForEachOpen(F f)
    {
        const auto& all = m_sessions.All();
        for (size_t i = 0, n = all.size(); i < n; i++)
        {
            Session* s = all[i].get();
            if (s->inUse)
            {
                f(s);
            }
        }
    }

    void ReleaseSockets() override
    {
        for (const auto& s : m_sessions.All())
        {
            s->tcp.Release();
        }
    }

    void Clear() override
    {
        m_sessions.Clear();
        m_open = 0;
    }

    uint32_t GetOpen() const override
    {
        return m_open;
    }

    uint64_t GetOpened() const override
    {
        return m_opened;
    }

    uint32_t GetAllocated() const override
    {
        return uint32_t(m_sessions.GetAllocated());
    }

  private:
    PackMimeFreeList<Session> m_sessions; //!< every session, open or free
    uint32_t m_open{0};                   //!< open now
    uint64_t m_opened{0};                 //!< opened so far
};

} // namespace ns3

#endif /* PACKMIME_SESSION_POOL_H */
