#include "support/SupportRoutes.h"

#include "auth/Tokens.h"
#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "devices/DeviceService.h"
#include "devices/SignOutRoutes.h"
#include "http/FieldReader.h"
#include "http/JsonWriter.h"
#include "http/RequestContext.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "store/Store.h"
#include "support/InnerRequest.h"
#include "support/SupportCodes.h"
#include "support/SupportPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace mockd {

namespace {

QLatin1StringView l1(const char* text)
{
    return QLatin1StringView(text);
}

constexpr qsizetype maxDevices = 1000;

ApiError codeInvalid(const QString& message)
{
    return ApiError::forbidden(QStringLiteral("support_code_invalid"), message);
}

} // namespace

SupportRoutes::SupportRoutes(
    Store& store, const Clock& clock, const DeviceService& devices, SignOutRoutes& signOut, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_devices(devices), m_signOut(signOut), m_desk(store, clock)
{}

SupportRoutes::~SupportRoutes() = default;

void SupportRoutes::registerRoutes(Router& router)
{
    const Access support = Access::roles({Role::Support});
    router.add("GET", QStringLiteral("/v1/support/accounts"), {support, false}, [this](const RequestContext& c) {
        search(c);
    });
    router.add("GET", QStringLiteral("/v1/support/accounts/{id}"), {support, false}, [this](const RequestContext& c) {
        account(c);
    });
    router.add("POST",
               QStringLiteral("/v1/support/accounts/{id}/sign-out"),
               {support, true},
               [this](const RequestContext& c) { signOut(c); });
}

void SupportRoutes::search(const RequestContext& context)
{
    const auto reason = SupportDesk::reasonFromQuery(context);
    if (!reason)
        return context.fail(reason.error());
    const QString query =
        context.request.queryItems().queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded).trimmed();
    if (query.size() < SupportPolicy::queryMinLength || query.size() > 254)
        return context.fail(ApiError::invalidField(
            QStringLiteral("query"),
            QStringLiteral("Search with the whole email address, account id or name (at least %1 characters).")
                .arg(SupportPolicy::queryMinLength)));

    // Whole values only: answers mask the email, and a prefix search would give the hidden part
    // away one letter at a time (does "da" still find d***@…? "dan"?). One pass over the accounts;
    // the few matches are sorted afterwards.
    const auto same = [&query](const QString& value) { return value.compare(query, Qt::CaseInsensitive) == 0; };
    QList<const Account*> matches;
    const auto accounts = m_store.accounts().all();
    for (const Account* account : accounts) {
        if (account->role != Role::Holder)
            continue;
        if (same(account->email) || same(account->id) || same(account->displayName))
            matches.append(account);
    }
    std::sort(matches.begin(), matches.end(), [](const Account* a, const Account* b) { return a->email < b->email; });
    if (matches.size() > SupportPolicy::maxSearchResults)
        matches.resize(SupportPolicy::maxSearchResults);

    JsonWriter json;
    json.beginObject().key(l1("accounts")).beginArray();
    for (const Account* account : std::as_const(matches)) {
        if (!m_desk.audit(context,
                          account->id,
                          QStringLiteral("support_viewed"),
                          {{QStringLiteral("viewed"), QStringLiteral("search")}, {QStringLiteral("reason"), *reason}}))
            return context.fail(ApiError::internal());
        json.beginObject()
            .field(l1("id"), account->id)
            .field(l1("email"), account->email) // masked on the way out
            .field(l1("display_name"), account->displayName)
            .field(l1("devices_count"), qint64(m_devices.listedCount(account->id)))
            .endObject();
    }
    json.endArray().endObject();
    SupportDesk::respondMasked(context, HttpResponse::jsonBody(json.take()));
}

void SupportRoutes::account(const RequestContext& context)
{
    const auto reason = SupportDesk::reasonFromQuery(context);
    if (!reason)
        return context.fail(reason.error());
    const Account* customer = m_desk.customer(context.param(u"id"));
    if (!customer)
        return context.fail(ApiError::notFound());
    if (!m_desk.audit(context,
                      customer->id,
                      QStringLiteral("support_viewed"),
                      {{QStringLiteral("viewed"), QStringLiteral("account")}, {QStringLiteral("reason"), *reason}}))
        return context.fail(ApiError::internal());

    JsonWriter json;
    json.beginObject()
        .field(l1("id"), customer->id)
        .field(l1("email"), customer->email) // masked on the way out, like the phone
        .field(l1("display_name"), customer->displayName)
        .key(l1("phone"));
    customer->phone.isEmpty() ? json.null() : json.value(QStringView(customer->phone));
    json.key(l1("two_step"))
        .beginObject()
        .field(l1("totp"), customer->hasTotp())
        .field(l1("sms"), customer->smsTwoStep && customer->phoneVerified)
        .field(l1("email"), customer->emailVerified)
        .endObject()
        .field(l1("devices_count"), qint64(m_devices.listedCount(customer->id)))
        .field(l1("profiles_count"), qint64(m_store.accounts().profilesCount(customer->id)))
        .field(l1("created_at"), TimeFormat::toRfc3339(customer->createdAtMs))
        .endObject();
    SupportDesk::respondMasked(context, HttpResponse::jsonBody(json.take()));
}

QString SupportRoutes::codeProblem(const QString& accountId, const QString& typed)
{
    const QString canonical = SupportCodes::normalize(typed);
    const QByteArray hash = canonical.isEmpty() ? QByteArray() : SupportCodes::hash(canonical);
    const auto current = m_store.supportCodes().forAccount(accountId);
    const bool matches = current && !hash.isEmpty() && Tokens::sameHash(current->hash, hash);
    if (!matches) {
        if (current && !current->isUsed())
            countFailure(accountId);
        // Another account's code tried here counts against that account too: an account without a
        // code of its own would otherwise be a place to try codes without limit.
        const QString owner = hash.isEmpty() ? QString() : m_store.supportCodes().accountOfHash(hash);
        if (!owner.isEmpty()) {
            countFailure(owner);
            return QStringLiteral("This support code is not for this account.");
        }
        return QStringLiteral("This is not the customer's current support code.");
    }
    if (current->isUsed())
        return QStringLiteral("This support code was already used. Ask the customer for a new one.");
    if (current->expiresAtMs <= m_clock.nowMs())
        return QStringLiteral("This support code has expired. Ask the customer for a new one.");
    return {};
}

void SupportRoutes::countFailure(const QString& accountId)
{
    const auto failures = m_store.supportCodes().recordFailure(accountId);
    if (failures && *failures >= SupportPolicy::codeMaxFailures)
        (void)m_store.supportCodes().markUsed(accountId, m_clock.nowMs());
}

void SupportRoutes::signOut(const RequestContext& context)
{
    FieldReader body(context.body);
    const QString typed = body.string(QStringLiteral("code"), {.maxLength = 32});
    const QString scope = body.string(QStringLiteral("scope"), {.maxLength = 16});
    const QString reasonText = body.string(QStringLiteral("reason"), {.required = false, .maxLength = 4096});
    if (!body.ok())
        return context.fail(*body.error());
    if (scope != QLatin1String("devices") && scope != QLatin1String("all"))
        return context.fail(ApiError::invalidField(
            QStringLiteral("scope"), QStringLiteral("scope must be devices or all (support has no \"this device\").")));
    QStringList ids;
    if (scope == QLatin1String("devices")) {
        const QJsonValue value = context.body.value(QStringLiteral("devices"));
        const QJsonArray array = value.toArray();
        if (!value.isArray() || array.isEmpty() || array.size() > maxDevices)
            return context.fail(ApiError::invalidField(
                QStringLiteral("devices"), QStringLiteral("devices must be a list of 1 to 1000 device ids.")));
        for (const QJsonValue id : array) {
            if (!id.isString() || id.toString().isEmpty() || id.toString().size() > 64)
                return context.fail(ApiError::invalidField(QStringLiteral("devices"),
                                                           QStringLiteral("devices must be device id strings.")));
            if (!ids.contains(id.toString()))
                ids.append(id.toString());
        }
    }
    const auto reason = SupportDesk::readReason(reasonText, context.body.contains(QStringLiteral("reason")));
    if (!reason)
        return context.fail(reason.error());
    const Account* customer = m_desk.customer(context.param(u"id"));
    if (!customer)
        return context.fail(ApiError::notFound());
    const QString customerId = customer->id;

    if (const QString problem = codeProblem(customerId, typed); !problem.isEmpty()) {
        // Refused attempts are audited too (not listed as activity: nothing happened).
        (void)m_desk.audit(context,
                           customerId,
                           QStringLiteral("support_sign_out_refused"),
                           {{QStringLiteral("reason"), *reason}, {QStringLiteral("problem"), problem}});
        return context.fail(codeInvalid(problem));
    }
    // Single use, decided before anything is revoked: a second request with the same code (even
    // one that arrives while this one runs) finds it used.
    const auto used = m_store.supportCodes().markUsed(customerId, m_clock.nowMs());
    if (!used)
        return context.fail(ApiError::internal());
    if (!*used)
        return context.fail(codeInvalid(QStringLiteral("This support code was already used.")));

    // The holder's own sign-out does the work, for the customer's account. Its answer comes back
    // here first, to be audited as the support sign-out it is.
    const QString& reasonCopy = *reason;
    const RequestContext outer = context;
    auto finish = [this, outer, customerId, reasonCopy, ids](const HttpResponse& response) {
        if (response.status == 200) {
            const QJsonArray results =
                QJsonDocument::fromJson(response.body).object().value(QStringLiteral("results")).toArray();
            qint64 signedOut = 0;
            QJsonArray deviceIds;
            for (const QJsonValue result : results) {
                const QJsonObject item = result.toObject();
                if (item.value(QStringLiteral("result")).toString() != QLatin1String("failed")) {
                    ++signedOut;
                    deviceIds.append(item.value(QStringLiteral("device_id")));
                }
            }
            if (!m_desk.audit(
                    outer,
                    customerId,
                    QStringLiteral("support_signed_out"),
                    {{QStringLiteral("reason"), reasonCopy},
                     {QStringLiteral("devices"), signedOut},
                     {QStringLiteral("device_ids"), deviceIds},
                     {QStringLiteral("scope"), ids.isEmpty() ? QStringLiteral("all") : QStringLiteral("devices")},
                     {QStringLiteral("code_used"), true}}))
                qCWarning(lcAuth) << "a support sign-out was done but not audited as such";
        }
        SupportDesk::respondMasked(outer, response);
    };
    RequestContext inner = context;
    inner.principal = Principal{customerId, QString(), QString(), Role::Support};
    inner.responder = InnerRequest::capture(std::move(finish));
    m_signOut.signOutVerified(
        inner, ids.isEmpty() ? QStringLiteral("all") : QString(), QStringLiteral("support_code"), ids);
}

} // namespace mockd
