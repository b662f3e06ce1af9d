#pragma once

// Many devices' event sockets held by one thread: every socket is a RawWebSocket polled with epoll,
// and each records when it read `session.revoked` (one monotonic clock) and how it was closed.

#include "RawClients.h"
#include "SignOutBench.h"

#include <algorithm>
#include <memory>
#include <sys/epoll.h>
#include <unistd.h>
#include <vector>

namespace signoutbench {

struct Peer
{
    std::unique_ptr<RawWebSocket> socket;
    bool ready = false;
    bool revoked = false;
    int closeCode = -1;
    SteadyClock::time_point revokedAt;
};

class Peers final
{
public:
    Peers() : m_epoll(epoll_create1(EPOLL_CLOEXEC)) {}
    ~Peers() { ::close(m_epoll); }
    Peers(const Peers&) = delete;
    Peers& operator=(const Peers&) = delete;

    bool add(quint16 port, const QByteArray& authorization, const QByteArray& extraHeaders = {})
    {
        auto socket = std::make_unique<RawWebSocket>();
        if (!socket->open(port, "/v1/events", authorization, extraHeaders))
            return false;
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.u32 = quint32(m_peers.size());
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, socket->fd(), &event);
        m_peers.push_back({std::move(socket), false, false, -1, {}});
        // Frames that arrived with the upgrade answer.
        read(m_peers.back());
        return true;
    }

    // Reads whatever arrives until `done()` or `timeoutMs` without any progress.
    void pump(int timeoutMs, const std::function<bool()>& done)
    {
        epoll_event events[256];
        while (!done()) {
            const int n = epoll_wait(m_epoll, events, 256, timeoutMs);
            if (n <= 0)
                return;
            for (int i = 0; i < n; ++i)
                read(m_peers[events[i].data.u32]);
        }
    }

    std::vector<Peer>& all() { return m_peers; }
    qsizetype count(bool Peer::*flag) const
    {
        return std::count_if(m_peers.begin(), m_peers.end(), [flag](const Peer& p) { return p.*flag; });
    }

private:
    void read(Peer& peer)
    {
        if (!peer.socket || peer.socket->fd() < 0)
            return;
        const bool open = peer.socket->readAvailable([&peer](int opcode, QByteArrayView payload) {
            if (opcode == 0x1) {
                if (!peer.revoked && payload.contains("\"session.revoked\"")) {
                    peer.revoked = true;
                    peer.revokedAt = SteadyClock::now();
                } else if (!peer.ready && payload.contains("\"ready\"")) {
                    peer.ready = true;
                }
            } else if (opcode == 0x8 && payload.size() >= 2) {
                peer.closeCode = (quint8(payload.at(0)) << 8) | quint8(payload.at(1));
            }
        });
        if (!open) {
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, peer.socket->fd(), nullptr);
            peer.socket->close();
        }
    }

    int m_epoll;
    std::vector<Peer> m_peers;
};

} // namespace signoutbench
