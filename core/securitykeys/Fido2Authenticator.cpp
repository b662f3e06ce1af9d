#include "core/securitykeys/Fido2Authenticator.h"

#include "core/securitykeys/SecurityKeysLog.h"

#include <QDeadlineTimer>
#include <QThread>
#include <fido.h>
#include <functional>
#include <mutex>

namespace vigil {

using State = Authenticator::State;
using Failure = Authenticator::Failure;

struct Fido2Authenticator::Shared
{
    std::mutex mutex;
    fido_dev_t* device = nullptr; // open while a step talks to it
    bool cancelled = false;
};

struct Fido2Authenticator::Outcome
{
    State state = State::Failed;
    Failure failure = Failure::Other;
    std::optional<int> pinRetries;
    std::optional<MadeCredential> credential;
    std::optional<MadeAssertion> assertion;
};

namespace {

using Outcome = Fido2Authenticator::Outcome;
using Shared = Fido2Authenticator::Shared;
using Report = std::function<void(State)>;

constexpr int maxDevices = 16;

QByteArray bytes(const unsigned char* data, size_t length)
{
    return data ? QByteArray(reinterpret_cast<const char*>(data), qsizetype(length)) : QByteArray();
}

const unsigned char* uchars(const QByteArray& data)
{
    return reinterpret_cast<const unsigned char*>(data.constData());
}

// fido_assert_authdata_ptr() gives the authenticator data as a CBOR byte string; the service
// wants the bytes inside it.
QByteArray unwrapCborBytes(const QByteArray& cbor)
{
    if (cbor.isEmpty() || (quint8(cbor.at(0)) >> 5) != 2)
        return cbor;
    const quint8 info = quint8(cbor.at(0)) & 0x1f;
    int header = 1;
    if (info == 24)
        header = 2;
    else if (info == 25)
        header = 3;
    else if (info == 26)
        header = 5;
    return cbor.mid(header);
}

Outcome failed(Failure failure, std::optional<int> retries = std::nullopt)
{
    return Outcome{State::Failed, failure, retries, std::nullopt, std::nullopt};
}

std::optional<int> retryCount(fido_dev_t* device)
{
    int retries = -1;
    if (fido_dev_get_retry_count(device, &retries) != FIDO_OK || retries < 0)
        return std::nullopt;
    return retries;
}

Outcome fromError(int error, fido_dev_t* device)
{
    switch (error) {
    case FIDO_ERR_PIN_REQUIRED:
        return Outcome{State::PinNeeded, Failure::None, retryCount(device), std::nullopt, std::nullopt};
    case FIDO_ERR_PIN_INVALID:
        return Outcome{State::WrongPin, Failure::None, retryCount(device), std::nullopt, std::nullopt};
    case FIDO_ERR_PIN_BLOCKED:
        return failed(Failure::PinBlocked, 0);
    case FIDO_ERR_PIN_AUTH_BLOCKED:
    case FIDO_ERR_UV_BLOCKED:
        return failed(Failure::KeyBlocked);
    case FIDO_ERR_NO_CREDENTIALS:
        return failed(Failure::NotRegistered);
    case FIDO_ERR_CREDENTIAL_EXCLUDED:
        return failed(Failure::AlreadyRegistered);
    case FIDO_ERR_ACTION_TIMEOUT:
    case FIDO_ERR_USER_ACTION_TIMEOUT:
    case FIDO_ERR_RX:
        return failed(Failure::TimedOut);
    case FIDO_ERR_KEEPALIVE_CANCEL:
    case FIDO_ERR_OPERATION_DENIED:
        return failed(Failure::Cancelled);
    case FIDO_ERR_UNSUPPORTED_ALGORITHM:
        return failed(Failure::Unsupported);
    default:
        return failed(Failure::Other);
    }
}

// Waits for a key to be inserted, then opens the first one. nullptr with `why` set otherwise.
fido_dev_t* openFirstKey(Shared& shared, QDeadlineTimer deadline, const Report& report, Outcome& why)
{
    fido_dev_info_t* list = fido_dev_info_new(maxDevices);
    bool reportedSearching = false;
    fido_dev_t* device = nullptr;
    while (!device) {
        {
            std::lock_guard lock(shared.mutex);
            if (shared.cancelled) {
                why = failed(Failure::Cancelled);
                break;
            }
        }
        size_t found = 0;
        if (fido_dev_info_manifest(list, maxDevices, &found) == FIDO_OK && found > 0) {
            device = fido_dev_new();
            const char* path = fido_dev_info_path(fido_dev_info_ptr(list, 0));
            if (!device || fido_dev_open(device, path) != FIDO_OK) {
                qCInfo(lcSecurityKeys) << "security key found but not opened";
                fido_dev_free(&device);
                device = nullptr;
            }
        }
        if (device)
            break;
        if (deadline.hasExpired()) {
            why = failed(Failure::NoKeyFound);
            break;
        }
        if (!std::exchange(reportedSearching, true))
            report(State::Searching);
        QThread::msleep(250);
    }
    fido_dev_info_free(&list, maxDevices);
    if (device) {
        std::lock_guard lock(shared.mutex);
        shared.device = device;
    }
    return device;
}

int makeCredential(fido_dev_t* device, const CredentialRequest& request, const char* pin, MadeCredential& made)
{
    int result = FIDO_ERR_UNSUPPORTED_ALGORITHM;
    // CTAP asks for one algorithm at a time through libfido2: try them in the service's order.
    for (const int algorithm : request.algorithms) {
        fido_cred_t* cred = fido_cred_new();
        const QByteArray rpId = request.rpId.toUtf8();
        const QByteArray rpName = request.rpName.toUtf8();
        const QByteArray userName = request.userName.toUtf8();
        const QByteArray displayName = request.userDisplayName.toUtf8();
        fido_cred_set_type(cred, algorithm);
        fido_cred_set_clientdata_hash(cred, uchars(request.clientDataHash), size_t(request.clientDataHash.size()));
        fido_cred_set_rp(cred, rpId.constData(), rpName.constData());
        fido_cred_set_user(cred,
                           uchars(request.userId),
                           size_t(request.userId.size()),
                           userName.constData(),
                           displayName.constData(),
                           nullptr);
        for (const QByteArray& id : request.excludeCredentials)
            fido_cred_exclude(cred, uchars(id), size_t(id.size()));
        result = fido_dev_make_cred(device, cred, pin);
        if (result == FIDO_OK) {
            made.credentialId = bytes(fido_cred_id_ptr(cred), fido_cred_id_len(cred));
            made.authenticatorData = bytes(fido_cred_authdata_raw_ptr(cred), fido_cred_authdata_raw_len(cred));
            made.attestationFormat = QString::fromUtf8(fido_cred_fmt(cred));
        }
        fido_cred_free(&cred);
        if (result != FIDO_ERR_UNSUPPORTED_ALGORITHM)
            break;
    }
    return result;
}

int getAssertion(fido_dev_t* device, const AssertionRequest& request, const char* pin, MadeAssertion& made)
{
    fido_assert_t* assertion = fido_assert_new();
    const QByteArray rpId = request.rpId.toUtf8();
    fido_assert_set_clientdata_hash(assertion, uchars(request.clientDataHash), size_t(request.clientDataHash.size()));
    fido_assert_set_rp(assertion, rpId.constData());
    for (const QByteArray& id : request.allowCredentials)
        fido_assert_allow_cred(assertion, uchars(id), size_t(id.size()));
    fido_assert_set_up(assertion, FIDO_OPT_TRUE);
    // User verification is preferred, not required: a PIN is sent only when the key asks for it.
    fido_assert_set_uv(assertion, FIDO_OPT_OMIT);
    const int result = fido_dev_get_assert(device, assertion, pin);
    if (result == FIDO_OK && fido_assert_count(assertion) > 0) {
        made.credentialId = bytes(fido_assert_id_ptr(assertion, 0), fido_assert_id_len(assertion, 0));
        made.authenticatorData =
            unwrapCborBytes(bytes(fido_assert_authdata_ptr(assertion, 0), fido_assert_authdata_len(assertion, 0)));
        made.signature = bytes(fido_assert_sig_ptr(assertion, 0), fido_assert_sig_len(assertion, 0));
        // A single allowed credential may be answered without its id (CTAP2 §6.2).
        if (made.credentialId.isEmpty() && request.allowCredentials.size() == 1)
            made.credentialId = request.allowCredentials.first();
    }
    fido_assert_free(&assertion);
    return result;
}

Outcome runOnKey(Shared& shared,
                 const std::variant<std::monostate, CredentialRequest, AssertionRequest>& request,
                 const QByteArray& pin,
                 const Report& report)
{
    const int timeoutMs = std::holds_alternative<CredentialRequest>(request)
                              ? std::get<CredentialRequest>(request).timeoutMs
                              : std::get<AssertionRequest>(request).timeoutMs;
    const QDeadlineTimer deadline(qMax(1000, timeoutMs));
    Outcome outcome;
    fido_dev_t* device = openFirstKey(shared, deadline, report, outcome);
    if (!device)
        return outcome;
    const char* pinText = pin.isEmpty() ? nullptr : pin.constData();
    // Registering on a key with a PIN needs it before the touch (CTAP2 makeCredential); asking
    // first saves a touch that would only be refused.
    if (std::holds_alternative<CredentialRequest>(request) && !pinText && fido_dev_has_pin(device)) {
        outcome = Outcome{State::PinNeeded, Failure::None, retryCount(device), std::nullopt, std::nullopt};
    } else {
        report(State::TouchNow);
        fido_dev_set_timeout(device, int(qMax<qint64>(1000, deadline.remainingTime())));
        int result = FIDO_ERR_INTERNAL;
        if (const auto* credential = std::get_if<CredentialRequest>(&request)) {
            MadeCredential made;
            result = makeCredential(device, *credential, pinText, made);
            if (result == FIDO_OK)
                outcome = Outcome{State::Finished, Failure::None, std::nullopt, made, std::nullopt};
        } else {
            MadeAssertion made;
            result = getAssertion(device, std::get<AssertionRequest>(request), pinText, made);
            if (result == FIDO_OK)
                outcome = Outcome{State::Finished, Failure::None, std::nullopt, std::nullopt, made};
        }
        if (result != FIDO_OK) {
            qCInfo(lcSecurityKeys) << "security key answered" << fido_strerr(result);
            outcome = fromError(result, device);
        }
    }
    {
        std::lock_guard lock(shared.mutex);
        shared.device = nullptr;
    }
    fido_dev_close(device);
    fido_dev_free(&device);
    return outcome;
}

} // namespace

Fido2Authenticator::Fido2Authenticator(QObject* parent) : Authenticator(parent)
{
    static std::once_flag initialised;
    std::call_once(initialised, [] { fido_init(0); });
}

Fido2Authenticator::~Fido2Authenticator()
{
    stopWorker();
}

void Fido2Authenticator::makeCredential(const CredentialRequest& request)
{
    m_request = request;
    runStep({});
}

void Fido2Authenticator::getAssertion(const AssertionRequest& request)
{
    m_request = request;
    runStep({});
}

void Fido2Authenticator::providePin(const QString& pin)
{
    if ((state() != State::PinNeeded && state() != State::WrongPin) || pin.isEmpty())
        return;
    runStep(pin.toUtf8());
}

void Fido2Authenticator::cancel()
{
    if (state() == State::Idle || state() == State::Finished || state() == State::Failed)
        return;
    ++m_generation;
    stopWorker();
    setState(State::Failed, Failure::Cancelled);
}

void Fido2Authenticator::stopWorker()
{
    if (!m_worker)
        return;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->cancelled = true;
        if (m_shared->device)
            fido_dev_cancel(m_shared->device);
    }
    // The worker returns once the key acknowledges the cancel (or within the poll interval).
    m_worker->wait();
    delete m_worker;
    m_worker = nullptr;
}

void Fido2Authenticator::runStep(const QByteArray& pin)
{
    if (std::holds_alternative<std::monostate>(m_request))
        return;
    stopWorker();
    const quint64 generation = ++m_generation;
    m_shared = std::make_shared<Shared>();
    setState(State::Working);
    auto report = [this, generation](State state) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, state] {
                if (generation == m_generation)
                    setState(state);
            },
            Qt::QueuedConnection);
    };
    m_worker = QThread::create([this, shared = m_shared, request = m_request, pin, generation, report] {
        const Outcome outcome = runOnKey(*shared, request, pin, report);
        QMetaObject::invokeMethod(
            this, [this, generation, outcome] { finishStep(generation, outcome); }, Qt::QueuedConnection);
    });
    m_worker->start();
}

void Fido2Authenticator::finishStep(quint64 generation, const Outcome& outcome)
{
    if (generation != m_generation)
        return;
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
        m_worker = nullptr;
    }
    setState(outcome.state, outcome.failure, outcome.pinRetries);
    if (outcome.credential)
        Q_EMIT credentialMade(*outcome.credential);
    if (outcome.assertion)
        Q_EMIT assertionMade(*outcome.assertion);
}

} // namespace vigil
