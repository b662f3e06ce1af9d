#pragma once

#include "core/securitykeys/Authenticator.h"

#include <memory>
#include <variant>

class QThread;

namespace vigil {

// Security keys over USB HID through Yubico's libfido2: the first key found is used. Every call
// into libfido2 blocks (it waits for the touch), so each step runs on a worker thread and reports
// back queued; cancel() reaches the device through fido_dev_cancel from the calling thread.
class Fido2Authenticator final : public Authenticator
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Fido2Authenticator)

public:
    explicit Fido2Authenticator(QObject* parent = nullptr);
    ~Fido2Authenticator() override;

    void makeCredential(const CredentialRequest& request) override;
    void getAssertion(const AssertionRequest& request) override;
    void providePin(const QString& pin) override;
    void cancel() override;

    struct Shared;
    struct Outcome;

private:
    void runStep(const QByteArray& pin);
    void finishStep(quint64 generation, const Outcome& outcome);
    void stopWorker();

    std::variant<std::monostate, CredentialRequest, AssertionRequest> m_request;
    std::shared_ptr<Shared> m_shared;
    QThread* m_worker = nullptr;
    quint64 m_generation = 0;
};

} // namespace vigil
