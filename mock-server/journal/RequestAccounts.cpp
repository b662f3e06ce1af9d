#include "journal/RequestAccounts.h"

#include "auth/Tokens.h"
#include "store/Store.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mockd::RequestAccounts {

namespace {

QString emailOfSession(const Store& store, const QString& sessionId)
{
    const Session* session = store.sessions().session(sessionId);
    const Account* account = session ? store.accounts().byId(session->accountId) : nullptr;
    return account ? account->email : QString();
}

} // namespace

QString emailOf(const Store& store, const HttpRequest& request)
{
    const QByteArray authorization = request.header("authorization").trimmed();
    static constexpr QByteArrayView scheme("bearer ");
    if (authorization.size() > scheme.size() &&
        QByteArrayView(authorization).first(scheme.size()).compare(scheme, Qt::CaseInsensitive) == 0) {
        const QString token = QString::fromLatin1(QByteArrayView(authorization).sliced(scheme.size()).trimmed());
        if (Tokens::hasShape(Tokens::Kind::Access, token)) {
            if (const AccessToken* access = store.sessions().access(Tokens::hash(token)))
                return emailOfSession(store, access->sessionId);
        }
        return {};
    }
    if (request.body.isEmpty() || !request.body.trimmed().startsWith('{'))
        return {};
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString email = body.value(QStringLiteral("email")).toString();
    if (!email.isEmpty()) {
        const Account* account = store.accounts().byEmail(email);
        return account ? account->email : QString();
    }
    const QString refresh = body.value(QStringLiteral("refresh_token")).toString();
    if (Tokens::hasShape(Tokens::Kind::Refresh, refresh)) {
        if (const RefreshToken* token = store.sessions().refresh(Tokens::hash(refresh)))
            return emailOfSession(store, token->sessionId);
    }
    return {};
}

} // namespace mockd::RequestAccounts
