#include "admin/SessionRoutes.h"

#include "auth/SessionIssuer.h"
#include "http/FieldReader.h"
#include "http/HttpResponse.h"
#include "http/JsonWriter.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "store/Store.h"

namespace mockd {

SessionRoutes::SessionRoutes(Store& store, SessionIssuer& issuer, QObject* parent)
    : QObject(parent), m_store(store), m_issuer(issuer)
{}

SessionRoutes::~SessionRoutes() = default;

void SessionRoutes::registerRoutes(Router& router)
{
    router.add("POST", QStringLiteral("/__admin/sessions"), {Access::admin(), true}, [this](const RequestContext& c) {
        issue(c);
    });
}

void SessionRoutes::issue(const RequestContext& context)
{
    FieldReader body(context.body);
    const QString email = body.string(QStringLiteral("account"), {.maxLength = 254, .trim = true});
    const auto count = body.integer(QStringLiteral("devices"), true, 1, maxDevices);
    QString name = body.string(QStringLiteral("name"), {.required = false, .maxLength = 64, .trim = true});
    if (!body.ok())
        return context.fail(*body.error());
    const Account* account = m_store.accounts().byEmail(email);
    if (!account)
        return context.fail(ApiError::invalidField(QStringLiteral("account"), QStringLiteral("No such account.")));
    if (name.isEmpty())
        name = QStringLiteral("Bench device");
    const Account holder = *account; // signIn() writes to the store; keep a copy, not a pointer into it
    JsonWriter json;
    json.beginObject().key(QLatin1StringView("sessions")).beginArray();
    for (qint64 i = 1; i <= *count; ++i) {
        Device description;
        description.name = name + QLatin1Char(' ') + QString::number(i);
        description.type = QStringLiteral("tv");
        const auto issued =
            m_issuer.signIn(holder, description, QString(), QStringLiteral("admin"), QStringLiteral("127.0.0.1"));
        if (!issued)
            return context.fail(issued.error());
        json.beginObject()
            .field(QLatin1StringView("device_id"), issued->deviceId)
            .field(QLatin1StringView("access_token"), issued->accessToken)
            .field(QLatin1StringView("refresh_token"), issued->refreshToken)
            .endObject();
    }
    json.endArray().endObject();
    qCInfo(lcAdmin) << "signed in" << *count << "devices without a password";
    context.respond(HttpResponse::jsonBody(json.take()));
}

} // namespace mockd
