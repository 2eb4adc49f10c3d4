/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_FREE_LIST_H
#define PACKMIME_FREE_LIST_H

#include <cstddef>
#include <memory>
#include <vector>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief A pool of session objects: Acquire reuses a released object or allocates a new
 * one; objects keep their addresses (callbacks may point at them) until the pool dies.
 * Memory thus follows the peak number of objects in use, not the number ever acquired.
 */
template <typename T>
class PackMimeFreeList
{
  public:
    /// @return an object to use (a released one if any; its state is the caller's to reset)
    T* Acquire()
    {
        if (m_free.empty())
        {
            m_all.push_back(std::make_unique<T>());
            return m_all.back().get();
        }
        T* t = m_free.back();
        m_free.pop_back();
        return t;
    }

    /**
     * @brief Give an object back for reuse.
     * @param t an object from Acquire
     */
    void Release(T* t)
    {
        m_free.push_back(t);
    }

    /// @return every object ever allocated (in use or free)
    const std::vector<std::unique_ptr<T>>& All() const
    {
        return m_all;
    }

    /// @return number of objects allocated (the high-water mark of objects in use)
    size_t GetAllocated() const
    {
        return m_all.size();
    }

    /// Destroy every object.
    void Clear()
    {
        m_free.clear();
        m_all.clear();
    }

  private:
    std::vector<std::unique_ptr<T>> m_all; //!< owner of every object
    std::vector<T*> m_free;                //!< objects available for reuse
};

} // namespace ns3

#endif /* PACKMIME_FREE_LIST_H */
