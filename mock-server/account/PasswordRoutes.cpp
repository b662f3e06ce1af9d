#include "account/PasswordRoutes.h"

#include "auth/HashingPool.h"
#include "auth/LoginThrottle.h"
#include "auth/OwnerStepUp.h"
#include "auth/PasswordHasher.h"
#include "auth/StepUp.h"
#include "base/Clock.h"
#include "base/Ids.h"
#include "devices/SignOutRoutes.h"
#include "http/FieldReader.h"
#include "http/JsonWriter.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QFile>
#include <QJsonObject>

namespace mockd {

namespace {

QSet<QString> loadBlocklist()
{
    QSet<QString> out;
    QFile file(QStringLiteral(":/passwords/common.txt"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        qCCritical(lcAuth) << "cannot read the password blocklist";
        return out;
    }
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            out.insert(line.toLower());
    }
    return out;
}

} // namespace

PasswordRoutes::PasswordRoutes(Store& store,
                               const Clock& clock,
                               PasswordHasher& hasher,
                               LoginThrottle& throttle,
                               StepUp& stepUp,
                               SignOutRoutes& signOut,
                               QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_hasher(hasher), m_throttle(throttle), m_stepUp(stepUp),
      m_signOut(signOut), m_blocklist(loadBlocklist())
{}

PasswordRoutes::~PasswordRoutes() = default;

void PasswordRoutes::registerRoutes(Router& router)
{
    router.add("POST",
               QStringLiteral("/v1/account/password"),
               {Access::roles({Role::Holder}), true},
               [this](const RequestContext& c) { change(c); });
}

bool PasswordRoutes::isBlocked(const QString& password) const
{
    return m_blocklist.contains(password.toLower());
}

void PasswordRoutes::change(const RequestContext& context)
{
    const Principal& who = *context.principal;
    const auto grant =
        ownerStepUp(context, m_stepUp, QStringLiteral("Confirm it is you before changing the password."));
    if (!grant)
        return;

    FieldReader body(context.body);
    // Lengths are checked here, with messages of their own; the reader only bounds the input.
    const QString current = body.string(QStringLiteral("current"), {.maxLength = PasswordHasher::maxLength});
    const QString newPassword = body.string(QStringLiteral("new"), {.maxLength = 100000});
    const QString signOut =
        body.string(QStringLiteral("sign_out"),
                    {.oneOf = {QStringLiteral("none"), QStringLiteral("others"), QStringLiteral("all")}});
    if (!body.ok())
        return context.fail(*body.error());
    if (newPassword.size() < minLength)
        return context.fail(ApiError::invalidField(QStringLiteral("new"),
                                                   QStringLiteral("The new password needs at least 8 characters.")));
    if (PasswordHasher::isTooLong(newPassword))
        return context.fail(ApiError::invalidField(
            QStringLiteral("new"), QStringLiteral("The new password can have at most 128 characters.")));

    const Account* account = m_store.accounts().byId(who.accountId);
    if (!account)
        return context.fail(ApiError::internal());
    const LoginThrottle::Keys keys = LoginThrottle::keysFor(account->email, context.request.peer);
    if (const qint64 wait = m_throttle.retryAfter(keys); wait > 0)
        return context.fail(ApiError::tooManyAttempts(wait));
    // Counted before the (slow) check answers (right after it is queued), like a sign-in, so
    // parallel guesses cannot slip through.
    const Change change{who.accountId, newPassword, signOut, grant->method};
    const bool queued = m_hasher.verifyAsync(
        account->passwordHash.toLatin1(), current, this, [this, context, change, current, keys](bool matches) {
            if (matches)
                m_throttle.recordSuccess(keys);
            if (matches && current == change.newPassword)
                return context.fail(ApiError::invalidField(
                    QStringLiteral("new"), QStringLiteral("The new password must differ from the current one.")));
            finish(context, change, matches);
        });
    if (!queued)
        return context.fail(HashingPool::busyError());
    m_throttle.recordFailure(keys);
}

Expected<Ok, QString> PasswordRoutes::auditChange(const RequestContext& context,
                                                  const Change& change,
                                                  const QString& type,
                                                  QJsonObject details)
{
    AuditEntry entry;
    entry.accountId = change.accountId;
    entry.deviceId = context.principal->deviceId;
    entry.atMs = m_clock.nowMs();
    entry.type = type;
    entry.actor = roleName(context.principal->role);
    entry.ip = context.request.peerText();
    entry.details = std::move(details);
    return m_store.audit().append(entry);
}

void PasswordRoutes::finish(const RequestContext& context, const Change& change, bool currentMatches)
{
    const auto audit = [&](const QString& type, QJsonObject details) {
        return auditChange(context, change, type, std::move(details));
    };
    if (!currentMatches) {
        if (auto audited = audit(QStringLiteral("password_change_failed"),
                                 {{QStringLiteral("reason"), QStringLiteral("wrong_password")}});
            !audited)
            qCWarning(lcAuth) << "cannot write an audit entry:" << audited.error();
        return context.fail(ApiError::unauthorized(QStringLiteral("invalid_credentials"),
                                                   QStringLiteral("The current password is not right.")));
    }
    if (isBlocked(change.newPassword)) {
        ApiError blocked =
            ApiError::make(422,
                           QStringLiteral("password_blocked"),
                           QStringLiteral("This password is too common and easy to guess. Choose another one."));
        blocked.with(QStringLiteral("field"), QStringLiteral("new"));
        return context.fail(blocked);
    }
    if (!m_hasher.hashAsync(change.newPassword, this, [this, context, change](const auto& hashed) {
            if (!hashed)
                return context.fail(ApiError::internal());
            store(context, change, *hashed);
        }))
        context.fail(HashingPool::busyError());
}

void PasswordRoutes::store(const RequestContext& context, const Change& change, const QByteArray& hash)
{
    const auto audit = [&](const QString& type, QJsonObject details) {
        return auditChange(context, change, type, std::move(details));
    };
    {
        Transaction transaction(m_store.database());
        bool ok = true;
        if (auto written = m_store.accounts().setPasswordHash(change.accountId, QString::fromLatin1(hash)); !written) {
            qCCritical(lcAuth) << "cannot write a password hash:" << written.error();
            ok = false;
        }
        if (ok) {
            if (auto audited = audit(QStringLiteral("password_changed"),
                                     {{QStringLiteral("sign_out"), change.signOut},
                                      {QStringLiteral("verification"), change.verification}});
                !audited) {
                qCWarning(lcAuth) << "cannot write an audit entry:" << audited.error();
                ok = false;
            }
        }
        if (!ok || !transaction.commit()) {
            (void)m_store.reload();
            return context.fail(ApiError::internal());
        }
    }
    qCInfo(lcAuth) << "password changed; sign_out" << change.signOut;

    if (change.signOut != QLatin1String("none"))
        return m_signOut.signOutVerified(context, change.signOut, change.verification);
    JsonWriter json;
    json.beginObject()
        .field(QLatin1StringView("request_id"), Ids::generate(u"sor"))
        .key(QLatin1StringView("results"))
        .beginArray()
        .endArray()
        .endObject();
    context.respond(HttpResponse::jsonBody(json.take()));
}

} // namespace mockd
