#include "core/flows/HolderSignOutSender.h"

#include "core/stepup/StepUpService.h"

#include <QJsonArray>

namespace vigil {

ApiRequest HolderSignOutSender::request(SignOutScopeKind kind, const QStringList& ids, const QString& stepUpToken) const
{
    // One route for every scope: the batch route takes a single id as well as many.
    QJsonObject body;
    switch (kind) {
    case SignOutScopeKind::Devices:
        body.insert(QStringLiteral("ids"), QJsonArray::fromStringList(ids));
        break;
    case SignOutScopeKind::Others:
        body.insert(QStringLiteral("scope"), QStringLiteral("others"));
        break;
    case SignOutScopeKind::All:
        body.insert(QStringLiteral("scope"), QStringLiteral("all"));
        break;
    }
    return ApiRequest::post(QStringLiteral("/v1/devices/sign-out"), body)
        .withHeader(StepUpService::headerName(), stepUpToken.toUtf8());
}

} // namespace vigil
