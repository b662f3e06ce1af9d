#include "auth/StepUpRoutes.h"

#include "auth/AuthPolicy.h"
#include "auth/Base32.h"
#include "auth/HashingPool.h"
#include "auth/LoginThrottle.h"
#include "auth/OutboxTexts.h"
#include "auth/PasswordHasher.h"
#include "auth/StepUp.h"
#include "auth/StepUpErrors.h"
#include "auth/Totp.h"
#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "http/FieldReader.h"
#include "http/JsonWriter.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "securitykeys/AssertionCheck.h"
#include "securitykeys/Base64Url.h"
#include "securitykeys/ClientData.h"
#include "securitykeys/SecurityKeyPolicy.h"
#include "store/Store.h"
#include "support/Masking.h"

namespace mockd {

namespace {

QLatin1StringView l1(const char* text)
{
    return QLatin1StringView(text);
}

bool isSecurityKey(const QString& method)
{
    return method == QLatin1String("security_key");
}

bool sendsCodes(const QString& method)
{
    return method == QLatin1String("email") || method == QLatin1String("sms");
}

ApiError notSetUp()
{
    return ApiError::invalidField(QStringLiteral("method"), QStringLiteral("method is not set up for this account."));
}

// The holder turned text-message codes off (PUT /v1/account/two-step/fallbacks): a SIM swap must
// not reach step-up through the number any more.
const QString& smsTurnedOffText()
{
    static const QString text =
        QStringLiteral("Text message codes are turned off for this account. Choose another way to confirm.");
    return text;
}

int attemptsLeftOf(const StepUpChallenge& challenge)
{
    return qMax(0, AuthPolicy::stepUpMaxAttempts - challenge.failedAttempts);
}

ApiError throttled(qint64 wait, const StepUpChallenge& challenge)
{
    ApiError error = ApiError::tooManyAttempts(wait);
    error.with(QStringLiteral("attempts_left"), attemptsLeftOf(challenge));
    return error;
}

} // namespace

StepUpRoutes::StepUpRoutes(Store& store,
                           const Clock& clock,
                           PasswordHasher& hasher,
                           LoginThrottle& loginThrottle,
                           StepUp& stepUp,
                           QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_hasher(hasher), m_loginThrottle(loginThrottle),
      m_stepUp(stepUp), m_budget(store.throttle(), clock), m_shortening(store, clock)
{}

StepUpRoutes::~StepUpRoutes() = default;

void StepUpRoutes::registerRoutes(Router& router)
{
    const RouteOptions signedIn{Access::roles({Role::Holder}), true};
    router.add("POST", QStringLiteral("/v1/step-up"), signedIn, [this](const RequestContext& c) { start(c); });
    router.add("POST", QStringLiteral("/v1/step-up/resend"), signedIn, [this](const RequestContext& c) { resend(c); });
    router.add("POST", QStringLiteral("/v1/step-up/verify"), signedIn, [this](const RequestContext& c) { verify(c); });
    router.add("GET", QStringLiteral("/__admin/outbox"), {Access::admin(), false}, [this](const RequestContext& c) {
        outbox(c);
    });
}

QString StepUpRoutes::maskEmail(const QString& email)
{
    return Masking::email(email);
}

QString StepUpRoutes::maskPhone(const QString& phone)
{
    return Masking::phone(phone);
}

void StepUpRoutes::audit(const RequestContext& context, const QString& type, const QJsonObject& details)
{
    AuditEntry entry;
    entry.accountId = context.principal->accountId;
    entry.deviceId = context.principal->deviceId;
    entry.atMs = m_clock.nowMs();
    entry.type = type;
    entry.actor = roleName(context.principal->role);
    entry.ip = context.request.peerText();
    entry.details = details;
    if (auto ok = m_store.audit().append(entry); !ok)
        qCWarning(lcAuth) << "cannot write an audit entry:" << ok.error();
}

bool StepUpRoutes::refuseWhileThrottled(const RequestContext& context, const StepUpChallenge& challenge)
{
    // Not audited: the wrong secret that started the wait was, and a flood of refused tries must
    // not grow the audit table.
    const qint64 wait = m_budget.retryAfter(StepUpBudget::keysFor(challenge.accountId, challenge.sessionId));
    if (wait <= 0)
        return false;
    context.fail(throttled(wait, challenge));
    return true;
}

void StepUpRoutes::countAsFailedSignIn(const RequestContext& context, const StepUpChallenge& challenge)
{
    // Someone guessing the password through step-up is guessing it for sign-in too.
    if (challenge.method != QLatin1String("password"))
        return;
    if (const Account* account = m_store.accounts().byId(challenge.accountId))
        m_loginThrottle.recordFailure(LoginThrottle::keysFor(account->email, context.request.peer));
}

void StepUpRoutes::sendCode(StepUpChallenge& challenge, const Account& account)
{
    const bool sms = challenge.method == QLatin1String("sms");
    OutboxMessage message;
    message.to = sms ? account.phone : account.email;
    message.channel = sms ? QStringLiteral("sms") : QStringLiteral("email");
    message.code = m_stepUp.newCode(challenge);
    m_stepUp.save(challenge);
    message.purpose = challenge.purpose;
    message.sentAtMs = challenge.lastSentMs;
    const OutboxTexts::Text text = challenge.purpose == WaitShortening::purpose()
                                       ? m_shortening.emailText(challenge, message.code, message.sentAtMs)
                                       : OutboxTexts::stepUp(message.code, sms);
    message.subject = text.subject;
    message.text = text.text;
    m_stepUp.recordSend(message, account.id);
}

void StepUpRoutes::answerChallenge(const RequestContext& context,
                                   const QString& handle,
                                   const StepUpChallenge& challenge)
{
    const qint64 now = m_clock.nowMs();
    const qint64 resendAfter =
        sendsCodes(challenge.method)
            ? qMax<qint64>(0, (challenge.lastSentMs + AuthPolicy::stepUpResendSeconds * 1000 - now + 999) / 1000)
            : 0;
    JsonWriter json;
    json.beginObject().field(l1("challenge"), handle).field(l1("method"), challenge.method).key(l1("destination"));
    if (challenge.destination.isEmpty())
        json.null();
    else
        json.value(challenge.destination);
    // Rounded up like resend_after: a fresh challenge says 600, not 599 because a millisecond passed.
    json.field(l1("expires_in"), qMax<qint64>(0, (challenge.expiresAtMs - now + 999) / 1000))
        .field(l1("resend_after"), resendAfter);
    if (isSecurityKey(challenge.method)) {
        json.key(l1("security_key"))
            .beginObject()
            .field(l1("challenge"), challenge.keyChallenge)
            .field(l1("rp_id"), m_rpId)
            .key(l1("allow_credentials"))
            .beginArray();
        for (const SecurityKey& key : m_store.securityKeys().ofAccount(challenge.accountId))
            json.value(Base64Url::encode(key.credentialId));
        json.endArray()
            .field(l1("user_verification"), l1("preferred"))
            .field(l1("timeout_ms"), SecurityKeyPolicy::touchTimeoutMs)
            .endObject();
    }
    json.endObject();
    context.respond(HttpResponse::jsonBody(json.take()));
}

void StepUpRoutes::start(const RequestContext& context)
{
    FieldReader body(context.body);
    const QString method = body.string(QStringLiteral("method"),
                                       {.oneOf = {QStringLiteral("password"),
                                                  QStringLiteral("email"),
                                                  QStringLiteral("sms"),
                                                  QStringLiteral("totp"),
                                                  QStringLiteral("recovery"),
                                                  QStringLiteral("security_key")}});
    const QString purpose =
        body.string(QStringLiteral("purpose"),
                    {.required = false, .oneOf = {QStringLiteral("step_up"), WaitShortening::purpose()}});
    if (!body.ok())
        return context.fail(*body.error());
    const Account* account = m_store.accounts().byId(context.principal->accountId);
    if (!account)
        return context.fail(ApiError::internal());
    const bool shortening = purpose == WaitShortening::purpose();
    if (shortening) {
        if (auto refused = m_shortening.startRefusal(method, *context.principal, *account))
            return context.fail(*refused);
    }

    // While the account or the session has to wait, a new challenge would only wait too.
    const StepUpBudget::Keys keys = StepUpBudget::keysFor(account->id, context.principal->sessionId);
    if (const qint64 wait = qMax(m_budget.retryAfter(keys), m_stepUp.startWait(context.principal->sessionId)); wait > 0)
        return context.fail(ApiError::tooManyAttempts(wait));

    StepUpChallenge challenge;
    challenge.accountId = account->id;
    challenge.sessionId = context.principal->sessionId;
    challenge.method = method;
    if (shortening)
        challenge.purpose = WaitShortening::purpose();
    if (method == QLatin1String("email")) {
        if (account->email.isEmpty() || !account->emailVerified)
            return context.fail(notSetUp());
        challenge.destination = maskEmail(account->email);
    } else if (method == QLatin1String("sms")) {
        // Only to a verified number (ASVS 5.0 6.6.1).
        if (account->phone.isEmpty() || !account->phoneVerified)
            return context.fail(notSetUp());
        if (!account->smsTwoStep)
            return context.fail(ApiError::invalidField(QStringLiteral("method"), smsTurnedOffText()));
        challenge.destination = maskPhone(account->phone);
    } else if (method == QLatin1String("totp")) {
        if (!account->hasTotp())
            return context.fail(notSetUp());
    } else if (method == QLatin1String("recovery")) {
        if (m_store.accounts().unusedRecoveryCodes(account->id) == 0)
            return context.fail(notSetUp());
    } else if (isSecurityKey(method)) {
        if (m_store.securityKeys().count(account->id) == 0)
            return context.fail(notSetUp());
        challenge.keyChallenge = ClientData::newChallenge();
    }
    // Email and SMS share the account's send budget: the limit is against flooding the holder.
    if (sendsCodes(method)) {
        if (const qint64 wait = m_stepUp.sendWait(account->id); wait > 0) {
            audit(context, QStringLiteral("step_up_throttled"), {{QStringLiteral("method"), method}});
            return context.fail(ApiError::tooManyAttempts(wait));
        }
    }
    const QString handle = m_stepUp.create(challenge);
    if (handle.isEmpty()) {
        qCWarning(lcAuth) << "step-up challenges at their cap; refusing a new one";
        return context.fail(ApiError::tooManyAttempts(AuthPolicy::stepUpFullRetrySeconds));
    }
    auto stored = m_stepUp.find(handle);
    if (!stored)
        return context.fail(ApiError::internal());
    if (sendsCodes(method))
        sendCode(*stored, *account);
    QJsonObject started{{QStringLiteral("method"), method}};
    if (shortening)
        started.insert(QStringLiteral("purpose"), WaitShortening::purpose());
    audit(context, QStringLiteral("step_up_started"), started);
    answerChallenge(context, handle, *stored);
}

void StepUpRoutes::resend(const RequestContext& context)
{
    FieldReader body(context.body);
    const QString handle = body.string(QStringLiteral("challenge"), {.maxLength = 128});
    if (!body.ok())
        return context.fail(*body.error());
    auto challenge = m_stepUp.find(handle);
    if (!challenge || challenge->sessionId != context.principal->sessionId)
        return context.fail(challengeExpired());
    if (challenge->locked)
        return context.fail(challengeLocked());
    if (!sendsCodes(challenge->method))
        return context.fail(
            ApiError::invalidField(QStringLiteral("challenge"), QStringLiteral("challenge does not send codes.")));
    const qint64 now = m_clock.nowMs();
    const qint64 cooldownMs = challenge->lastSentMs + AuthPolicy::stepUpResendSeconds * 1000 - now;
    qint64 wait = cooldownMs > 0 ? (cooldownMs + 999) / 1000 : 0;
    wait = qMax(wait, m_stepUp.sendWait(challenge->accountId));
    if (wait > 0) {
        audit(context, QStringLiteral("step_up_throttled"), {{QStringLiteral("method"), challenge->method}});
        return context.fail(ApiError::tooManyAttempts(wait));
    }
    const Account* account = m_store.accounts().byId(challenge->accountId);
    if (!account)
        return context.fail(challengeExpired());
    sendCode(*challenge, *account);
    answerChallenge(context, handle, *challenge);
}

void StepUpRoutes::verify(const RequestContext& context)
{
    FieldReader body(context.body);
    const QString handle = body.string(QStringLiteral("challenge"), {.maxLength = 128});
    // A security key answers with `assertion` instead (read once the challenge says so).
    const QString secret = body.string(QStringLiteral("secret"),
                                       {.required = !body.has(QStringLiteral("assertion")),
                                        .maxLength = PasswordHasher::maxLength,
                                        .allowControl = true});
    if (!body.ok())
        return context.fail(*body.error());
    auto challenge = m_stepUp.find(handle);
    if (!challenge || challenge->sessionId != context.principal->sessionId)
        return context.fail(challengeExpired());
    if (challenge->locked)
        return context.fail(challengeLocked());
    if (challenge->expiresAtMs <= m_clock.nowMs()) {
        audit(context,
              QStringLiteral("step_up_failed"),
              {{QStringLiteral("method"), challenge->method}, {QStringLiteral("reason"), QStringLiteral("expired")}});
        return context.fail(challengeExpired());
    }
    const Account* account = m_store.accounts().byId(challenge->accountId);
    if (!account)
        return context.fail(challengeExpired());
    if (refuseWhileThrottled(context, *challenge))
        return;
    if (challenge->method == QLatin1String("sms") && !account->smsTwoStep) {
        m_stepUp.remove(challenge->idHash);
        return context.fail(ApiError::make(410, QStringLiteral("challenge_expired"), smsTurnedOffText()));
    }

    if (isSecurityKey(challenge->method)) {
        const auto assertion = KeyAssertion::read(body);
        if (!assertion)
            return context.fail(*body.error());
        const AssertionCheck check =
            AssertionCheck::run(m_store.securityKeys(), account->id, m_rpId, challenge->keyChallenge, *assertion);
        return finishVerify(context, handle, check.verified(), -1, &check);
    }
    if (challenge->method == QLatin1String("password")) {
        if (!m_hasher.verifyAsync(
                account->passwordHash.toLatin1(), secret, this, [this, context, handle](bool matches) {
                    finishVerify(context, handle, matches, -1);
                }))
            context.fail(HashingPool::busyError());
        return;
    }
    if (challenge->method == QLatin1String("recovery"))
        return verifyRecoveryCode(context, handle, secret);
    QString code = secret.trimmed();
    code.remove(QLatin1Char(' '));
    if (challenge->method == QLatin1String("totp")) {
        std::optional<qint64> step;
        if (const auto key = Base32::decode(account->totpSecret); key && !key->isEmpty())
            step = Totp::verify(*key, code, m_clock.nowSecs(), account->totpLastStep);
        return finishVerify(context, handle, step.has_value(), step.value_or(-1));
    }
    finishVerify(context, handle, StepUp::codeMatches(*challenge, code), -1);
}

std::optional<StepUpChallenge> StepUpRoutes::judgeableChallenge(const RequestContext& context, const QString& handle)
{
    auto challenge = m_stepUp.find(handle);
    if (!challenge) {
        context.fail(challengeExpired());
        return std::nullopt;
    }
    if (challenge->locked) {
        context.fail(challengeLocked());
        return std::nullopt;
    }
    if (refuseWhileThrottled(context, *challenge))
        return std::nullopt;
    return challenge;
}

void StepUpRoutes::finishVerify(
    const RequestContext& context, const QString& handle, bool matches, qint64 totpStep, const AssertionCheck* key)
{
    // Looked up and judged again: a password or recovery-code hash ran on a worker meanwhile, and
    // parallel tries were admitted before the wrong ones among them started a wait; their answers
    // must not tell right from wrong.
    auto challenge = judgeableChallenge(context, handle);
    if (!challenge)
        return;
    const QString method = challenge->method;
    const StepUpBudget::Keys keys = StepUpBudget::keysFor(challenge->accountId, challenge->sessionId);
    if (!matches) {
        m_stepUp.recordWrongSecret(*challenge, AuthPolicy::stepUpMaxAttempts);
        const int attemptsLeft = attemptsLeftOf(*challenge);
        const qint64 wait = m_budget.recordFailure(keys);
        countAsFailedSignIn(context, *challenge);
        QJsonObject details{{QStringLiteral("method"), method},
                            {QStringLiteral("reason"), QStringLiteral("invalid_secret")},
                            {QStringLiteral("attempts_left"), attemptsLeft}};
        if (wait > 0)
            details.insert(QStringLiteral("retry_after"), wait);
        if (key)
            auditKeyFailure(context, *key, details);
        audit(context, QStringLiteral("step_up_failed"), details);
        if (wait > 0)
            return context.fail(throttled(wait, *challenge));
        ApiError wrong = ApiError::unauthorized(
            QStringLiteral("invalid_code"),
            attemptsLeft == 0 ? QStringLiteral("Too many wrong attempts. Start the verification again.")
            : key             ? keyRefusalText(*key)
            : method == QLatin1String("password") ? QStringLiteral("That password is not right.")
                                                  : QStringLiteral("That code is not right."));
        wrong.with(QStringLiteral("attempts_left"), attemptsLeft);
        if (key)
            wrong.with(QStringLiteral("reason"), key->reason());
        return context.fail(wrong);
    }
    if (challenge->purpose == WaitShortening::purpose()) {
        m_budget.recordSuccess(keys);
        m_stepUp.remove(challenge->idHash); // single use, whatever happens next
        return m_shortening.finish(context, [this, &context](const QString& type, const QJsonObject& details) {
            audit(context, type, details);
        });
    }
    if (totpStep >= 0) {
        if (auto ok = m_store.accounts().setTotpLastStep(challenge->accountId, totpStep); !ok)
            return context.fail(ApiError::internal());
    }
    StepUpGrant grant;
    grant.accountId = challenge->accountId;
    grant.sessionId = challenge->sessionId;
    grant.method = method;
    grant.expiresAtMs = m_clock.nowMs() + AuthPolicy::stepUpTokenSeconds * 1000;
    // Single use: of two right answers at once (on two instances, say) only one earns a token.
    if (!m_stepUp.remove(challenge->idHash))
        return context.fail(challengeExpired());
    m_budget.recordSuccess(keys);
    const QString token = m_stepUp.grant(grant);
    QJsonObject verified{{QStringLiteral("method"), method}};
    if (key)
        recordKeyUse(*key, verified);
    if (method == QLatin1String("recovery"))
        verified.insert(QStringLiteral("recovery_codes_left"),
                        qint64(m_store.accounts().unusedRecoveryCodes(grant.accountId)));
    audit(context, QStringLiteral("step_up_verified"), verified);
    JsonWriter json;
    json.beginObject()
        .field(l1("step_up_token"), token)
        .field(l1("expires_in"), AuthPolicy::stepUpTokenSeconds)
        .endObject();
    context.respond(HttpResponse::jsonBody(json.take()));
}

void StepUpRoutes::outbox(const RequestContext& context)
{
    const QString to = context.request.queryItems().queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded);
    JsonWriter json;
    json.beginObject().key(l1("messages")).beginArray();
    for (const OutboxMessage& message : m_stepUp.outbox(to)) {
        json.beginObject()
            .field(l1("to"), message.to)
            .field(l1("channel"), message.channel)
            .field(l1("code"), message.code)
            .field(l1("purpose"), message.purpose)
            .field(l1("subject"), message.subject)
            .field(l1("text"), message.text)
            .field(l1("sent_at"), TimeFormat::toRfc3339(message.sentAtMs))
            .endObject();
    }
    json.endArray().endObject();
    context.respond(HttpResponse::jsonBody(json.take()));
}

} // namespace mockd
