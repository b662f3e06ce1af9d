#include "account/TwoStepRoutes.h"

#include "account/RecoveryCodeMaker.h"
#include "auth/Base32.h"
#include "auth/HashingPool.h"
#include "auth/StepUp.h"
#include "auth/Totp.h"
#include "auth/YoungSessions.h"
#include "base/Clock.h"
#include "http/FieldReader.h"
#include "http/JsonWriter.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "store/Database.h"
#include "store/Store.h"
#include "support/Masking.h"

#include <QUrl>
#include <sodium.h>

namespace mockd {

namespace {

constexpr int secretBytes = 20; // 160 bits, RFC 4226 §4's recommendation
constexpr qint64 pendingLifetimeMs = 15 * 60 * 1000;
constexpr int maxConfirmAttempts = 5;

QLatin1StringView l1(const char* text)
{
    return QLatin1StringView(text);
}

ApiError stepUpRequired()
{
    return ApiError::forbidden(QStringLiteral("step_up_required"),
                               QStringLiteral("Confirm it is you before changing 2-step verification."));
}

} // namespace

TwoStepRoutes::TwoStepRoutes(Store& store, const Clock& clock, StepUp& stepUp, HashingPool& hashing, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_stepUp(stepUp), m_pending(store.database(), clock),
      m_hashing(hashing)
{}

TwoStepRoutes::~TwoStepRoutes() = default;

void TwoStepRoutes::registerRoutes(Router& router)
{
    const auto holder = Access::roles({Role::Holder});
    router.add(
        "GET", QStringLiteral("/v1/account/two-step"), {holder, false}, [this](const RequestContext& c) { status(c); });
    router.add("POST", QStringLiteral("/v1/account/two-step/totp"), {holder, false}, [this](const RequestContext& c) {
        enrol(c);
    });
    router.add("DELETE", QStringLiteral("/v1/account/two-step/totp"), {holder, false}, [this](const RequestContext& c) {
        disable(c);
    });
    router.add("POST",
               QStringLiteral("/v1/account/two-step/totp/confirm"),
               {holder, true},
               [this](const RequestContext& c) { confirm(c); });
    router.add("PUT",
               QStringLiteral("/v1/account/two-step/fallbacks"),
               {holder, true},
               [this](const RequestContext& c) { setFallbacks(c); });
    router.add("POST",
               QStringLiteral("/v1/account/two-step/recovery-codes"),
               {holder, false},
               [this](const RequestContext& c) { regenerate(c); });
}

bool TwoStepRoutes::hasStepUp(const RequestContext& context) const
{
    return m_stepUp.check(QString::fromLatin1(context.request.header("x-step-up")), context.principal->sessionId)
        .has_value();
}

void TwoStepRoutes::status(const RequestContext& context)
{
    const Account* account = m_store.accounts().byId(context.principal->accountId);
    if (!account)
        return context.fail(ApiError::notFound());
    JsonWriter json;
    json.beginObject()
        .field(l1("totp"), account->hasTotp())
        .field(l1("sms"), account->smsTwoStep && account->phoneVerified)
        .field(l1("email"), account->emailVerified)
        .field(l1("recovery_codes_left"), qint64(m_store.accounts().unusedRecoveryCodes(account->id)))
        .field(l1("security_keys"), qint64(m_store.securityKeys().count(account->id)));
    if (!account->phone.isEmpty() && account->phoneVerified) {
        // Only the country code and the last two digits, as on the step-up screen.
        json.field(l1("phone_masked"), Masking::phone(account->phone));
    }
    json.endObject();
    context.respond(HttpResponse::jsonBody(json.take()));
}

void TwoStepRoutes::enrol(const RequestContext& context)
{
    if (const auto refused = YoungSessions::refusal(*context.principal))
        return context.fail(*refused);
    if (!hasStepUp(context))
        return context.fail(stepUpRequired());
    const Account* account = m_store.accounts().byId(context.principal->accountId);
    if (!account)
        return context.fail(ApiError::notFound());
    QByteArray key(secretBytes, Qt::Uninitialized);
    randombytes_buf(key.data(), size_t(key.size()));
    PendingEnrolments::Pending pending;
    pending.accountId = account->id;
    pending.sessionId = context.principal->sessionId;
    pending.secret = Base32::encode(key);
    pending.expiresAtMs = m_clock.nowMs() + pendingLifetimeMs;
    const QString id = m_pending.start(pending);
    if (id.isEmpty())
        return context.fail(ApiError::internal());

    const QString uri = QStringLiteral("otpauth://totp/Vigil:") %
                        QString::fromLatin1(QUrl::toPercentEncoding(account->email, "@")) % QStringLiteral("?secret=") %
                        pending.secret % QStringLiteral("&issuer=Vigil&algorithm=SHA1&digits=6&period=30");
    audit(context, QStringLiteral("totp_enrolment_started"));
    JsonWriter json;
    json.beginObject()
        .field(l1("secret"), pending.secret)
        .field(l1("otpauth_uri"), uri)
        .field(l1("enrolment"), id)
        .endObject();
    context.respond(HttpResponse::jsonBody(json.take(), 201));
}

void TwoStepRoutes::confirm(const RequestContext& context)
{
    if (const auto refused = YoungSessions::refusal(*context.principal))
        return context.fail(*refused);
    FieldReader body(context.body);
    const QString id = body.string(QStringLiteral("enrolment"), {.maxLength = 128});
    QString code = body.string(QStringLiteral("code"), {.maxLength = 16});
    if (!body.ok())
        return context.fail(*body.error());
    const auto it = m_pending.find(id);
    if (!it || it->sessionId != context.principal->sessionId)
        return context.fail(ApiError::make(
            410, QStringLiteral("enrolment_expired"), QStringLiteral("This set-up has expired. Start again.")));
    code.remove(QLatin1Char(' '));
    const auto key = Base32::decode(it->secret);
    const auto step = key ? Totp::verify(*key, code, m_clock.nowSecs(), -1) : std::nullopt;
    if (!step) {
        const int attemptsLeft = qMax(0, maxConfirmAttempts - m_pending.recordWrongCode(id, maxConfirmAttempts));
        if (attemptsLeft == 0)
            m_pending.remove(id);
        audit(context, QStringLiteral("totp_enrolment_failed"));
        ApiError wrong = ApiError::unauthorized(QStringLiteral("invalid_code"),
                                                attemptsLeft == 0
                                                    ? QStringLiteral("Too many wrong attempts. Start the set-up again.")
                                                    : QStringLiteral("That code is not right."));
        wrong.with(QStringLiteral("attempts_left"), attemptsLeft);
        return context.fail(wrong);
    }
    PendingEnrolments::Pending pending = *it;
    const qint64 spentStep = *step;
    const bool queued = m_hashing.run(
        this, &RecoveryCodeMaker::make, [this, context, pending, spentStep](const RecoveryCodeSet& codes) {
            {
                Transaction transaction(m_store.database());
                // The confirming step is already spent: the same code cannot sign in or step up later.
                auto stored = m_store.accounts().setTotpSecret(pending.accountId, pending.secret, spentStep);
                if (!stored || !RecoveryCodeMaker::replace(m_store, pending.accountId, codes) ||
                    !transaction.commit()) {
                    (void)m_store.reload();
                    return context.fail(ApiError::internal());
                }
            }
            audit(context, QStringLiteral("totp_enabled"));
            audit(context, QStringLiteral("recovery_codes_generated"));
            respondCodes(context, codes.codes);
        });
    // Busy: the enrolment stays pending, so the same code can confirm it once the service has room.
    if (!queued)
        return context.fail(HashingPool::busyError());
    m_pending.remove(id);
}

void TwoStepRoutes::disable(const RequestContext& context)
{
    if (const auto refused = YoungSessions::refusal(*context.principal))
        return context.fail(*refused);
    if (!hasStepUp(context))
        return context.fail(stepUpRequired());
    const QString accountId = context.principal->accountId;
    {
        Transaction transaction(m_store.database());
        auto off = m_store.accounts().setTotpSecret(accountId, QString(), -1);
        auto deleted = off ? m_store.accounts().deleteRecoveryCodes(accountId) : off;
        if (!off || !deleted || !transaction.commit()) {
            (void)m_store.reload();
            return context.fail(ApiError::internal());
        }
    }
    audit(context, QStringLiteral("totp_disabled"));
    audit(context, QStringLiteral("recovery_codes_deleted"));
    context.respond(HttpResponse::noContent());
}

void TwoStepRoutes::regenerate(const RequestContext& context)
{
    if (const auto refused = YoungSessions::refusal(*context.principal))
        return context.fail(*refused);
    if (!hasStepUp(context))
        return context.fail(stepUpRequired());
    const bool queued = m_hashing.run(this, &RecoveryCodeMaker::make, [this, context](const RecoveryCodeSet& codes) {
        {
            Transaction transaction(m_store.database());
            if (!RecoveryCodeMaker::replace(m_store, context.principal->accountId, codes) || !transaction.commit()) {
                (void)m_store.reload();
                return context.fail(ApiError::internal());
            }
        }
        audit(context, QStringLiteral("recovery_codes_regenerated"));
        respondCodes(context, codes.codes);
    });
    if (!queued)
        context.fail(HashingPool::busyError());
}

void TwoStepRoutes::respondCodes(const RequestContext& context, const QStringList& codes)
{
    JsonWriter json;
    json.beginObject().key(l1("recovery_codes")).beginArray();
    for (const QString& c : codes)
        json.value(c);
    json.endArray().endObject();
    context.respond(HttpResponse::jsonBody(json.take()));
}

void TwoStepRoutes::setFallbacks(const RequestContext& context)
{
    if (const auto refused = YoungSessions::refusal(*context.principal))
        return context.fail(*refused);
    if (!hasStepUp(context))
        return context.fail(stepUpRequired());
    FieldReader body(context.body);
    const std::optional<bool> email = body.boolean(QStringLiteral("email"), true);
    const std::optional<bool> sms = body.boolean(QStringLiteral("sms"), true);
    if (!body.ok())
        return context.fail(*body.error());
    const Account* account = m_store.accounts().byId(context.principal->accountId);
    if (!account)
        return context.fail(ApiError::notFound());
    // The verified address is where every account can always be reached; it stays a way in.
    if (!*email)
        return context.fail(ApiError::invalidField(
            QStringLiteral("email"), QStringLiteral("Email codes cannot be turned off; they are the way back in.")));
    if (*sms && (account->phone.isEmpty() || !account->phoneVerified))
        return context.fail(ApiError::invalidField(QStringLiteral("sms"),
                                                   QStringLiteral("Text message codes need a verified phone number.")));
    if (*sms != account->smsTwoStep) {
        if (auto written = m_store.accounts().setSmsTwoStep(account->id, *sms); !written) {
            qCWarning(lcAuth) << "cannot switch text message codes:" << written.error();
            return context.fail(ApiError::internal());
        }
        audit(context, *sms ? QStringLiteral("sms_two_step_enabled") : QStringLiteral("sms_two_step_disabled"));
    }
    status(context);
}

void TwoStepRoutes::audit(const RequestContext& context, const QString& type)
{
    AuditEntry entry;
    entry.accountId = context.principal->accountId;
    entry.deviceId = context.principal->deviceId;
    entry.atMs = m_clock.nowMs();
    entry.type = type;
    entry.actor = roleName(context.principal->role);
    entry.ip = context.request.peerText();
    if (auto ok = m_store.audit().append(entry); !ok)
        qCWarning(lcAuth) << "cannot write an audit entry:" << ok.error();
}

} // namespace mockd
