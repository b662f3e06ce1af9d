#pragma once

#include "MockdProcess.h"
#include "ServiceClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <memory>

// What the support service tests share: a vigil-mockd with a support scenario, support sign-in
// with the authenticator app (the code computed for the service clock), and calls with a bearer
// token, a reason and optionally a step-up token.
class SupportFixture final
{
public:
    static constexpr const char* adaEmail = "ada.support@vigil.test";
    static constexpr const char* adaSecret = "KRSXG5CTMVRXEZLU";
    static constexpr const char* supportPassword = "vigil-support-2026";
    static constexpr const char* customerId = "acc_demo";

    bool start(const QString& scenario)
    {
        if (!m_mockd.start({QStringLiteral("--scenario"), scenario}))
            return false;
        m_client = std::make_unique<ServiceClient>(m_mockd.baseUrl());
        return true;
    }
    QString errorString() const { return m_mockd.errorString(); }
    MockdProcess& mockd() { return m_mockd; }
    ServiceClient& client() { return *m_client; }

    // Password, then the authenticator code of the service's current 30-second step.
    ServiceReply supportSignInReply(const QString& email = QString::fromLatin1(adaEmail),
                                    const QByteArray& secret = adaSecret)
    {
        const ServiceReply first = client().loginReply(email, QString::fromLatin1(supportPassword));
        if (first.status != 403 || first.error() != QLatin1String("mfa_required"))
            return first;
        const QString code = ServiceClient::totp(secret, client().serverTimeSeconds());
        client().rememberCode(code);
        return client().postJson(QStringLiteral("/v1/auth/mfa"),
                                 {{QStringLiteral("mfa_token"), first.json().value(QStringLiteral("mfa_token"))},
                                  {QStringLiteral("method"), QStringLiteral("totp")},
                                  {QStringLiteral("code"), code}});
    }
    ServiceClient::Tokens signInSupport()
    {
        const ServiceReply reply = supportSignInReply();
        return reply.status == 200 ? client().tokensFrom(reply) : ServiceClient::Tokens{};
    }

    ServiceReply call(const QByteArray& method,
                      const QString& path,
                      const QString& access,
                      const QJsonObject& body = {},
                      const QString& stepUp = {})
    {
        RawHeaders headers{{"Authorization", "Bearer " + access.toLatin1()}};
        if (!stepUp.isEmpty())
            headers.append(qMakePair(QByteArray("X-Step-Up"), stepUp.toLatin1()));
        QByteArray payload;
        if (method != "GET") {
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        return client().send(method, path, payload, headers);
    }

    // A support GET with `reason` added to the query (left out when null).
    ServiceReply supportGet(const QString& path, const QString& access, const QString& reason)
    {
        QString full = path;
        if (!reason.isNull()) {
            full += path.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?');
            full += QStringLiteral("reason=") + QString::fromLatin1(QUrl::toPercentEncoding(reason));
        }
        return call("GET", full, access);
    }

    // The holder creates a support code (with a fresh password step-up); empty when refused.
    QString createCode(const QString& holderAccess)
    {
        const QString stepUp = client().passwordStepUp(holderAccess);
        const ServiceReply reply = call("POST", QStringLiteral("/v1/account/support-codes"), holderAccess, {}, stepUp);
        const QString code = reply.json().value(QStringLiteral("code")).toString();
        client().rememberSecret(code);
        return reply.status == 201 ? code : QString();
    }

    ServiceReply supportSignOut(const QString& access, const QJsonObject& body, const QString& account = {})
    {
        return call("POST",
                    QStringLiteral("/v1/support/accounts/") +
                        (account.isEmpty() ? QString::fromLatin1(customerId) : account) + QStringLiteral("/sign-out"),
                    access,
                    body);
    }

private:
    MockdProcess m_mockd;
    std::unique_ptr<ServiceClient> m_client;
};
