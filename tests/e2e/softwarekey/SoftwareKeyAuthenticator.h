#pragma once

#include "SoftwareAuthenticator.h"
#include "core/securitykeys/Authenticator.h"

#include <QString>

// The Authenticator the end-to-end program gives vigil instead of libfido2: a SoftwareAuthenticator
// (real ES256 signatures) whose credentials live in a key file, so a key registered in one step is
// the key that signs in the next. It is "touched" at once. Test builds only, never the shipped app.
class SoftwareKeyAuthenticator final : public vigil::Authenticator
{
    Q_OBJECT

public:
    explicit SoftwareKeyAuthenticator(QString keyFile, QObject* parent = nullptr);
    ~SoftwareKeyAuthenticator() override;

    void makeCredential(const vigil::CredentialRequest& request) override;
    void getAssertion(const vigil::AssertionRequest& request) override;
    void providePin(const QString& pin) override;
    void cancel() override;

private:
    void load();
    void save() const;
    // Runs `answer` a moment later, as a key that is touched: Searching, TouchNow, then the answer.
    void touchThen(std::function<void()> answer);

    QString m_keyFile;
    SoftwareAuthenticator m_key;
    quint64 m_generation = 0;
};
