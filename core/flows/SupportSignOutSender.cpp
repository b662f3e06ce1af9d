#include "core/flows/SupportSignOutSender.h"

#include "core/flows/FlowsLog.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrl>

namespace vigil {

ApiRequest SupportSignOutSender::request(SignOutScopeKind kind, const QStringList& ids, const QString&) const
{
    if (!m_authorization)
        qCWarning(lcFlows) << "support sign-out without the customer's code";
    const Authorization authorization = m_authorization.value_or(Authorization{});
    QJsonObject body;
    switch (kind) {
    case SignOutScopeKind::Devices:
        body.insert(QStringLiteral("scope"), QStringLiteral("devices"));
        body.insert(QStringLiteral("devices"), QJsonArray::fromStringList(ids));
        break;
    case SignOutScopeKind::Others: // refused by the flow before it gets here
    case SignOutScopeKind::All:
        body.insert(QStringLiteral("scope"), QStringLiteral("all"));
        break;
    }
    body.insert(QStringLiteral("code"), authorization.code);
    body.insert(QStringLiteral("reason"), authorization.reason);
    return ApiRequest::post(QStringLiteral("/v1/support/accounts/") +
                                QString::fromLatin1(QUrl::toPercentEncoding(authorization.accountId)) +
                                QStringLiteral("/sign-out"),
                            body);
}

void SupportSignOutSender::explain(StepUpFlow::Problem& problem) const
{
    // A refused support code: the service says why (expired, used, another account's); the same
    // code will not work again, so the next step is a new one from the customer.
    if (problem.error && problem.error->serverCode() == QLatin1String("support_code_invalid")) {
        problem.message =
            problem.error->serverMessage() + QLatin1Char(' ') +
            QCoreApplication::translate("vigil::SupportSignOutSender",
                                        "Ask the customer to create a new code in Vigil and read it to you.");
        problem.canRetry = false;
    }
}

} // namespace vigil
