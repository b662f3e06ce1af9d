#include "http/Responder.h"

#include "http/ApiError.h"
#include "log/LogCategories.h"

namespace mockd {

struct Responder::State
{
    std::shared_ptr<ResponseSlot> slot;
    Completion done;
    bool answered = false;

    void answer(HttpResponse response)
    {
        if (answered)
            return;
        answered = true;
        response.addDefaultHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
        response.addDefaultHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
        if (slot)
            slot->send(response);
        if (done)
            done(response.status);
    }

    ~State()
    {
        if (!answered) {
            qCWarning(lcHttp) << "a request was dropped without an answer; sending 500";
            answer(HttpResponse::fromError(ApiError::internal()));
        }
    }
};

Responder::Responder(std::shared_ptr<ResponseSlot> slot, Completion done) : m_state(std::make_shared<State>())
{
    m_state->slot = std::move(slot);
    m_state->done = std::move(done);
}

void Responder::respond(HttpResponse response) const
{
    if (m_state)
        m_state->answer(std::move(response));
}

bool Responder::isAnswered() const
{
    return !m_state || m_state->answered;
}

} // namespace mockd
