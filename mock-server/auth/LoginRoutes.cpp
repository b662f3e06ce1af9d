#include "auth/LoginRoutes.h"

#include "auth/AuthPolicy.h"
#include "auth/Base32.h"
#include "auth/DeviceInfoReader.h"
#include "auth/EstablishedSignIn.h"
#include "auth/HashingPool.h"
#include "auth/MfaChallenges.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionIssuer.h"
#include "auth/Tokens.h"
#include "auth/Totp.h"
#include "base/Clock.h"
#include "http/FieldReader.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "store/Store.h"

#include <QJsonArray>

namespace mockd {

namespace {

ApiError invalidCredentials()
{
    return ApiError::unauthorized(QStringLiteral("invalid_credentials"),
                                  QStringLiteral("The email or password is not right."));
}

ApiError invalidMfaToken()
{
    return ApiError::unauthorized(QStringLiteral("invalid_mfa_token"),
                                  QStringLiteral("This sign-in has expired. Sign in again with your password."));
}

} // namespace

LoginRoutes::LoginRoutes(Store& store,
                         const Clock& clock,
                         PasswordHasher& hasher,
                         LoginThrottle& throttle,
                         MfaChallenges& challenges,
                         SessionIssuer& issuer,
                         QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_hasher(hasher), m_throttle(throttle), m_challenges(challenges),
      m_issuer(issuer), m_deviceCookies(store, clock), m_throttledAudit(store)
{}

LoginRoutes::~LoginRoutes() = default;

void LoginRoutes::registerRoutes(Router& router)
{
    const RouteOptions open{Access::publicRoute(), true};
    router.add("POST", QStringLiteral("/v1/auth/login"), open, [this](const RequestContext& c) { login(c); });
    router.add("POST", QStringLiteral("/v1/auth/mfa"), open, [this](const RequestContext& c) { completeMfa(c); });
}

void LoginRoutes::audit(const QString& accountId, const QString& type, const QString& ip, const QJsonObject& details)
{
    AuditEntry entry;
    entry.accountId = accountId;
    entry.atMs = m_clock.nowMs();
    entry.type = type;
    entry.actor = accountId.isEmpty() ? QStringLiteral("anonymous") : QStringLiteral("holder");
    entry.ip = ip;
    entry.details = details;
    if (auto ok = m_store.audit().append(entry); !ok)
        qCWarning(lcAuth) << "cannot write an audit entry:" << ok.error();
}

void LoginRoutes::refuse(const RequestContext& context,
                         const QString& accountId,
                         const LoginThrottle::Keys& keys,
                         qint64 wait,
                         const QJsonObject& details)
{
    AuditEntry entry;
    entry.accountId = accountId;
    entry.atMs = m_clock.nowMs();
    entry.type = QStringLiteral("sign_in_throttled");
    entry.actor = accountId.isEmpty() ? QStringLiteral("anonymous") : QStringLiteral("holder");
    entry.ip = context.request.peerText();
    entry.details = details;
    m_throttledAudit.record(m_throttle.blockingKey(keys), entry, wait);
    context.fail(ApiError::tooManyAttempts(wait));
}

LoginThrottle::Keys
LoginRoutes::keysFor(const QString& email, const QByteArray& deviceCookieHash, const RequestContext& c) const
{
    return deviceCookieHash.isEmpty() ? LoginThrottle::keysFor(email, c.request.peer)
                                      : LoginThrottle::keysForDevice(deviceCookieHash);
}

void LoginRoutes::respondSignedIn(const RequestContext& context,
                                  const Expected<IssuedTokens, ApiError>& issued,
                                  const QString& accountId,
                                  const QByteArray& presentedHash)
{
    if (!issued)
        return context.fail(issued.error());
    IssuedTokens tokens = *issued;
    tokens.deviceCookie = m_deviceCookies.issue(accountId, presentedHash);
    keepEstablished(m_store,
                    m_clock,
                    accountId,
                    tokens.sessionId,
                    presentedHash,
                    tokens.deviceCookie.isEmpty() ? QByteArray() : Tokens::hash(tokens.deviceCookie));
    context.respond(HttpResponse::jsonBody(SessionIssuer::tokenPairJson(tokens, *m_store.accounts().byId(accountId))));
}

void LoginRoutes::login(const RequestContext& context)
{
    FieldReader body(context.body);
    const QString email = body.string(QStringLiteral("email"), {.maxLength = 254, .trim = true});
    const QString password =
        body.string(QStringLiteral("password"), {.maxLength = PasswordHasher::maxLength, .allowControl = true});
    if (!email.isEmpty() && !email.contains(QLatin1Char('@')))
        body.fail(QStringLiteral("email"), QStringLiteral("must be an email address."));
    FieldReader device = body.object(QStringLiteral("device"), false);
    Attempt attempt;
    attempt.email = email;
    attempt.device = readDeviceInfo(device);
    attempt.requestedDeviceId = device.string(QStringLiteral("id"), {.required = false, .maxLength = 64});
    const QString deviceCookie = body.string(QStringLiteral("device_cookie"), {.required = false, .maxLength = 128});
    if (!body.ok())
        return context.fail(*body.error());

    attempt.ip = context.request.peerText();
    const Account* account = m_store.accounts().byEmail(email);
    attempt.deviceCookieHash = m_deviceCookies.validFor(account ? account->id : QString(), deviceCookie);
    attempt.keys = keysFor(email, attempt.deviceCookieHash, context);
    if (const qint64 wait = m_throttle.retryAfter(attempt.keys); wait > 0)
        return refuse(context, account ? account->id : QString(), attempt.keys, wait, {});
    const QByteArray hash = account ? account->passwordHash.toLatin1() : m_hasher.dummyHash();
    // A full hashing queue refuses known and unknown accounts alike, before any hash and without
    // counting an attempt.
    if (!m_hasher.verifyAsync(
            hash, password, this, [this, context, attempt](bool matches) { finishLogin(context, attempt, matches); }))
        return context.fail(HashingPool::busyError());
    // Counted while the hash is queued (the answer comes later on this thread).
    m_throttle.recordFailure(attempt.keys);
}

void LoginRoutes::finishLogin(const RequestContext& context, const Attempt& attempt, bool passwordMatches)
{
    // Looked up again: the store may have been reset while the hash was being checked.
    const Account* account = m_store.accounts().byEmail(attempt.email);
    if (!passwordMatches || !account) {
        audit(account ? account->id : QString(),
              QStringLiteral("sign_in_failed"),
              attempt.ip,
              {{QStringLiteral("method"), QStringLiteral("password")},
               {QStringLiteral("reason"),
                account ? QStringLiteral("wrong_password") : QStringLiteral("unknown_account")}});
        return context.fail(invalidCredentials());
    }
    if (account->role == Role::Support && !account->hasTotp()) {
        // Staff who look at customers' accounts sign in with two factors or not at all.
        audit(account->id,
              QStringLiteral("sign_in_failed"),
              attempt.ip,
              {{QStringLiteral("method"), QStringLiteral("password")},
               {QStringLiteral("reason"), QStringLiteral("mfa_setup_required")}});
        return context.fail(ApiError::forbidden(
            QStringLiteral("mfa_setup_required"),
            QStringLiteral("Support accounts sign in with an authenticator app. Set one up first.")));
    }
    if (account->hasTotp()) {
        MfaChallenge challenge;
        challenge.accountId = account->id;
        challenge.email = attempt.email;
        challenge.device = attempt.device;
        challenge.requestedDevice = attempt.requestedDeviceId;
        challenge.ip = attempt.ip;
        challenge.deviceCookieHash = attempt.deviceCookieHash;
        challenge.methods = {QStringLiteral("totp")};
        const QString token = m_challenges.create(challenge);
        if (token.isEmpty())
            return context.fail(ApiError::internal());
        audit(account->id,
              QStringLiteral("sign_in_mfa_required"),
              attempt.ip,
              {{QStringLiteral("methods"), QJsonArray::fromStringList(challenge.methods)}});
        ApiError required = ApiError::forbidden(QStringLiteral("mfa_required"),
                                                QStringLiteral("Enter the code from your authenticator app."));
        required.with(QStringLiteral("methods"), QJsonArray::fromStringList(challenge.methods))
            .with(QStringLiteral("mfa_token"), token)
            .with(QStringLiteral("expires_in"), AuthPolicy::mfaChallengeSeconds);
        return context.fail(required);
    }
    m_throttle.recordSuccess(attempt.keys);
    const QString accountId = account->id;
    respondSignedIn(
        context,
        m_issuer.signIn(*account, attempt.device, attempt.requestedDeviceId, QStringLiteral("password"), attempt.ip),
        accountId,
        attempt.deviceCookieHash);
}

void LoginRoutes::completeMfa(const RequestContext& context)
{
    FieldReader body(context.body);
    const QString token = body.string(QStringLiteral("mfa_token"), {.maxLength = 128});
    const QString method = body.string(
        QStringLiteral("method"),
        {.oneOf = {
             QStringLiteral("totp"), QStringLiteral("sms"), QStringLiteral("email"), QStringLiteral("recovery")}});
    QString code = body.string(QStringLiteral("code"), {.maxLength = 32, .trim = true});
    if (!body.ok())
        return context.fail(*body.error());
    code.remove(QLatin1Char(' '));

    auto challenge = m_challenges.find(token);
    if (!challenge)
        return context.fail(invalidMfaToken());
    const QString ip = context.request.peerText();
    const LoginThrottle::Keys keys = keysFor(challenge->email, challenge->deviceCookieHash, context);
    if (const qint64 wait = m_throttle.retryAfter(keys); wait > 0)
        return refuse(context, challenge->accountId, keys, wait, {{QStringLiteral("method"), method}});
    if (!challenge->methods.contains(method))
        return context.fail(
            ApiError::invalidField(QStringLiteral("method"), QStringLiteral("method is not set up for this account.")));
    const Account* account = m_store.accounts().byId(challenge->accountId);
    if (!account) {
        m_challenges.remove(challenge->tokenHash);
        return context.fail(invalidMfaToken());
    }

    std::optional<qint64> step;
    if (const auto key = Base32::decode(account->totpSecret); key && !key->isEmpty())
        step = Totp::verify(*key, code, m_clock.nowSecs(), account->totpLastStep);
    if (!step) {
        m_throttle.recordFailure(keys);
        const int attemptsLeft =
            qMax(0, AuthPolicy::mfaMaxAttempts - m_challenges.recordWrongCode(challenge->tokenHash));
        audit(account->id,
              QStringLiteral("sign_in_failed"),
              ip,
              {{QStringLiteral("method"), method}, {QStringLiteral("reason"), QStringLiteral("invalid_code")}});
        if (attemptsLeft == 0)
            m_challenges.remove(challenge->tokenHash);
        ApiError wrong = ApiError::unauthorized(
            QStringLiteral("invalid_code"),
            attemptsLeft == 0 ? QStringLiteral("Too many wrong codes. Sign in again with your password.")
                              : QStringLiteral("That code is not right, or it was already used. Try the next one."));
        wrong.with(QStringLiteral("attempts_left"), attemptsLeft);
        return context.fail(wrong);
    }

    const MfaChallenge passed = *challenge;
    // Single use: of two right codes at once (on two instances, say) only one signs in.
    if (!m_challenges.remove(passed.tokenHash))
        return context.fail(invalidMfaToken());
    if (auto ok = m_store.accounts().setTotpLastStep(account->id, *step); !ok)
        return context.fail(ApiError::internal());
    m_throttle.recordSuccess(keys);
    const Account* current = m_store.accounts().byId(passed.accountId);
    respondSignedIn(
        context,
        m_issuer.signIn(*current, passed.device, passed.requestedDevice, QStringLiteral("password+totp"), ip),
        passed.accountId,
        passed.deviceCookieHash);
}

} // namespace mockd
