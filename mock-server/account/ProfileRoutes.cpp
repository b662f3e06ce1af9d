#include "account/ProfileRoutes.h"

#include "base/TimeFormat.h"
#include "http/JsonWriter.h"
#include "http/Router.h"
#include "store/ProfileUsage.h"
#include "store/Store.h"

namespace mockd {

ProfileRoutes::ProfileRoutes(Store& store, QObject* parent) : QObject(parent), m_store(store) {}

ProfileRoutes::~ProfileRoutes() = default;

void ProfileRoutes::registerRoutes(Router& router)
{
    router.add("GET",
               QStringLiteral("/v1/profiles"),
               {Access::roles({Role::Holder, Role::Support}), false},
               [this](const RequestContext& c) { list(c); });
}

void ProfileRoutes::list(const RequestContext& context)
{
    const auto rows = ProfileUsage(m_store.database()).forAccount(context.principal->accountId);
    JsonWriter json;
    json.beginObject().key(QLatin1StringView("profiles")).beginArray();
    for (const ProfileUsage::Row& row : rows) {
        json.beginObject()
            .field(QLatin1StringView("id"), row.id)
            .field(QLatin1StringView("name"), row.name)
            .field(QLatin1StringView("avatar"), row.avatar.isEmpty() ? QStringLiteral("default") : row.avatar)
            .field(QLatin1StringView("kids"), row.kids)
            .key(QLatin1StringView("last_device"));
        if (row.lastDeviceId.isEmpty())
            json.null();
        else
            json.beginObject()
                .field(QLatin1StringView("id"), row.lastDeviceId)
                .field(QLatin1StringView("name"), row.lastDeviceName)
                .endObject();
        json.key(QLatin1StringView("last_active"));
        if (row.lastActiveMs > 0)
            json.value(TimeFormat::toRfc3339(row.lastActiveMs));
        else
            json.null();
        json.endObject();
    }
    json.endArray().endObject();
    context.respond(HttpResponse::jsonBody(json.take()));
}

} // namespace mockd
