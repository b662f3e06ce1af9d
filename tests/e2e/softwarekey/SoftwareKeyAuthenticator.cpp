#include "SoftwareKeyAuthenticator.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>

using namespace vigil;

namespace {
// Long enough for the "Touch your security key now." state to be seen (and read over AT-SPI).
constexpr int touchDelayMs = 400;
} // namespace

SoftwareKeyAuthenticator::SoftwareKeyAuthenticator(QString keyFile, QObject* parent)
    : Authenticator(parent), m_keyFile(std::move(keyFile))
{
    load();
}

SoftwareKeyAuthenticator::~SoftwareKeyAuthenticator() = default;

void SoftwareKeyAuthenticator::load()
{
    QFile file(m_keyFile);
    if (m_keyFile.isEmpty() || !file.open(QIODevice::ReadOnly))
        return;
    m_key.load(QJsonDocument::fromJson(file.readAll()).object());
}

void SoftwareKeyAuthenticator::save() const
{
    if (m_keyFile.isEmpty())
        return;
    QSaveFile file(m_keyFile);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(m_key.save()).toJson());
        file.commit();
    }
}

void SoftwareKeyAuthenticator::touchThen(std::function<void()> answer)
{
    const quint64 generation = ++m_generation;
    setState(State::Searching);
    QTimer::singleShot(touchDelayMs / 2, this, [this, generation] {
        if (generation == m_generation)
            setState(State::TouchNow);
    });
    QTimer::singleShot(touchDelayMs, this, [this, generation, answer = std::move(answer)] {
        if (generation == m_generation)
            answer();
    });
}

void SoftwareKeyAuthenticator::makeCredential(const CredentialRequest& request)
{
    touchThen([this, request] {
        if (!m_key.pick(request.rpId, request.excludeCredentials).isEmpty() && !request.excludeCredentials.isEmpty()) {
            setState(State::Failed, Failure::AlreadyRegistered);
            return;
        }
        const auto algorithm = request.algorithms.value(0, -7) == -8 ? SoftwareAuthenticator::Algorithm::EdDsa
                                                                     : SoftwareAuthenticator::Algorithm::Es256;
        const auto made = m_key.makeCredential(request.rpId, request.clientDataHash, algorithm);
        if (!made) {
            setState(State::Failed, Failure::Other);
            return;
        }
        save();
        setState(State::Finished);
        Q_EMIT credentialMade({made->credentialId, made->authenticatorData, QStringLiteral("none")});
    });
}

void SoftwareKeyAuthenticator::getAssertion(const AssertionRequest& request)
{
    touchThen([this, request] {
        const QByteArray credential = m_key.pick(request.rpId, request.allowCredentials);
        if (credential.isEmpty()) {
            setState(State::Failed, Failure::NotRegistered);
            return;
        }
        const auto signed_ = m_key.getAssertion(request.rpId, request.clientDataHash, credential);
        if (!signed_) {
            setState(State::Failed, Failure::Other);
            return;
        }
        save(); // the sign counter moved on
        setState(State::Finished);
        Q_EMIT assertionMade({signed_->credentialId, signed_->authenticatorData, signed_->signature});
    });
}

void SoftwareKeyAuthenticator::providePin(const QString&)
{
    // This key has no PIN: it never asks for one.
}

void SoftwareKeyAuthenticator::cancel()
{
    ++m_generation;
    if (state() != State::Idle && state() != State::Finished && state() != State::Failed)
        setState(State::Failed, Failure::Cancelled);
}
