#include "core/securitykeys/SecurityKeyRegistrationFlow.h"

#include "core/securitykeys/AuthenticatorText.h"
#include "core/securitykeys/SecurityKeyService.h"
#include "core/securitykeys/SecurityKeysLog.h"

namespace vigil {

namespace {
constexpr int maxNameLength = 64;
}

SecurityKeyRegistrationFlow::SecurityKeyRegistrationFlow(SecurityKeyService* keys, QObject* parent)
    : QObject(parent), m_keys(keys)
{}

SecurityKeyRegistrationFlow::~SecurityKeyRegistrationFlow()
{
    stopKey();
}

void SecurityKeyRegistrationFlow::setState(State state)
{
    if (m_state == state)
        return;
    qCDebug(lcSecurityKeys) << "registration:" << m_state << "->" << state;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SecurityKeyRegistrationFlow::start()
{
    stopKey();
    const quint64 generation = ++m_generation;
    m_error.reset();
    m_saved.reset();
    m_credential.reset();
    setState(State::Preparing);
    m_keys->beginRegistration(this, [this, generation](const Expected<SecurityKeyRegistration, ApiError>& options) {
        if (generation != m_generation)
            return;
        if (!options) {
            fail(options.error());
            return;
        }
        m_authenticator = m_keys->createAuthenticator();
        if (!m_authenticator) {
            fail(ApiError(ApiError::Code::Unknown));
            return;
        }
        m_registrationId = options.value().registrationId;
        m_clientData = ClientData::make(ClientData::Type::Create, options.value().challenge);
        CredentialRequest request = options.value().request;
        request.clientDataHash = m_clientData.hash;
        connect(m_authenticator.get(), &Authenticator::stateChanged, this, &SecurityKeyRegistrationFlow::onKeyState);
        connect(
            m_authenticator.get(), &Authenticator::credentialMade, this, &SecurityKeyRegistrationFlow::onCredential);
        setState(State::UsingKey);
        m_authenticator->makeCredential(request);
    });
}

void SecurityKeyRegistrationFlow::onKeyState()
{
    if (m_authenticator->state() == Authenticator::State::Failed) {
        m_error.reset();
        setState(State::Failed);
    }
    Q_EMIT keyStateChanged();
}

void SecurityKeyRegistrationFlow::onCredential(const MadeCredential& credential)
{
    if (m_state != State::UsingKey)
        return;
    m_credential = credential;
    setState(State::Naming);
}

void SecurityKeyRegistrationFlow::providePin(const QString& pin)
{
    if (m_state == State::UsingKey && m_authenticator)
        m_authenticator->providePin(pin);
}

bool SecurityKeyRegistrationFlow::isValidName(const QString& name)
{
    const QString trimmed = name.trimmed();
    return !trimmed.isEmpty() && trimmed.size() <= maxNameLength;
}

QString SecurityKeyRegistrationFlow::suggestedName() const
{
    const auto taken = [this](const QString& name) {
        const auto& keys = m_keys->keys();
        return std::any_of(keys.cbegin(), keys.cend(), [&name](const SecurityKey& key) { return key.name == name; });
    };
    QString name = tr("Security key");
    for (int n = 2; taken(name); ++n)
        name = tr("Security key %1").arg(n);
    return name;
}

void SecurityKeyRegistrationFlow::save(const QString& name)
{
    if (m_state != State::Naming || !m_credential || !isValidName(name))
        return;
    const quint64 generation = ++m_generation;
    setState(State::Saving);
    m_keys->finishRegistration(m_registrationId,
                               name.trimmed(),
                               m_clientData,
                               *m_credential,
                               this,
                               [this, generation](const Expected<SecurityKey, ApiError>& key) {
                                   if (generation != m_generation)
                                       return;
                                   if (!key) {
                                       fail(key.error());
                                       return;
                                   }
                                   m_saved = key.value();
                                   setState(State::Done);
                               });
}

void SecurityKeyRegistrationFlow::retry()
{
    if (m_state == State::Failed)
        start();
}

void SecurityKeyRegistrationFlow::cancel()
{
    ++m_generation;
    stopKey();
    setState(State::Idle);
}

void SecurityKeyRegistrationFlow::stopKey()
{
    if (!m_authenticator)
        return;
    m_authenticator->disconnect(this);
    m_authenticator->cancel();
    m_authenticator.reset();
}

void SecurityKeyRegistrationFlow::fail(const ApiError& error)
{
    m_error = error;
    setState(State::Failed);
}

bool SecurityKeyRegistrationFlow::needsStepUp() const
{
    return m_state == State::Failed && m_error && m_error->code() == ApiError::Code::StepUpRequired;
}

bool SecurityKeyRegistrationFlow::canRetry() const
{
    if (m_state != State::Failed)
        return false;
    if (m_error)
        return m_error->serverCode() != QLatin1String("credential_exists") &&
               m_error->serverCode() != QLatin1String("security_key_limit");
    return !m_authenticator || AuthenticatorText::canRetry(m_authenticator->failure());
}

QString SecurityKeyRegistrationFlow::problemText() const
{
    if (m_state != State::Failed)
        return {};
    if (m_error) {
        if (m_error->code() == ApiError::Code::StepUpRequired)
            return tr("Your verification has expired. Confirm it's you again.");
        if (m_error->serverCode() == QLatin1String("credential_exists"))
            return tr("This security key is already added to an account.");
        if (m_error->serverCode() == QLatin1String("security_key_limit"))
            return tr("Your account has 10 security keys, the most it can have. Remove one first.");
        if (m_error->httpStatus() == 410 || m_error->serverCode() == QLatin1String("challenge_expired"))
            return tr("This took too long. Try again.");
        return tr("The key wasn't added. %1").arg(m_error->userText());
    }
    if (m_authenticator && m_authenticator->failure() == Authenticator::Failure::Cancelled)
        return tr("Adding the key was cancelled.");
    return m_authenticator ? AuthenticatorText::failure(*m_authenticator) : QString();
}

} // namespace vigil
