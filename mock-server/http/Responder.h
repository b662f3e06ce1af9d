#pragma once

#include "http/HttpResponse.h"

#include <functional>
#include <memory>

namespace mockd {

// Where one answer goes; implemented by the Qt adapter (and by tests).
class ResponseSlot
{
public:
    virtual ~ResponseSlot() = default;
    virtual void send(const HttpResponse& response) = 0;
};

// A copyable handle to answer one request, now or later (after a password hash in a worker
// thread, or an injected delay). The first answer wins. When the last copy is dropped without an
// answer the client gets a 500 instead of waiting forever.
class Responder
{
public:
    using Completion = std::function<void(int status)>;

    Responder() = default;
    Responder(std::shared_ptr<ResponseSlot> slot, Completion done);

    void respond(HttpResponse response) const;
    bool isAnswered() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace mockd
