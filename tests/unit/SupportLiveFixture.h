#pragma once

// A real vigil-mockd with the `support` scenario, and the client's sign-in objects wired as app/
// wires them: support staff sign in through SignInFlow (password + authenticator code); the holder's
// side (a support code, the activity) is reached with plain HTTP.
#include "FakeCredentialStore.h"
#include "MockdProcess.h"
#include "TestTotp.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/SignInFlow.h"
#include "core/settings/AppSettings.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>
#include <memory>

struct SupportLiveFixture
{
    struct Reply
    {
        int status = 0;
        QJsonObject json;
    };

    static inline const QString adaEmail = QStringLiteral("ada.support@vigil.test");
    static inline const QString supportPassword = QStringLiteral("vigil-support-2026");
    static inline const QByteArray adaTotpKey = QByteArray::fromHex("54657374536563726574"); // KRSXG5CTMVRXEZLU
    static inline const QString holderEmail = QStringLiteral("demo@vigil.test");
    static inline const QString holderPassword = QStringLiteral("vigil-demo-2026");

    std::unique_ptr<MockdProcess> mockd = std::make_unique<MockdProcess>();
    QNetworkAccessManager network;
    QTemporaryDir dir;
    QSettings qsettings{dir.filePath(QStringLiteral("vigil.ini")), QSettings::IniFormat};
    vigil::AppSettings settings{&qsettings};
    FakeCredentialStore store;
    vigil::Session session;
    vigil::ApiClient api{&network, &session};
    vigil::SignInFlow flow{&api, &session, &store, &settings};

    bool start() { return mockd->start({QStringLiteral("--scenario"), QStringLiteral("support")}); }

    Reply call(const QByteArray& method,
               const QString& path,
               const QJsonObject& body = {},
               const QString& access = {},
               const QList<QPair<QByteArray, QByteArray>>& headers = {})
    {
        QUrl url = mockd->baseUrl();
        const qsizetype question = path.indexOf(u'?');
        url.setPath(path.left(question));
        if (question >= 0)
            url.setQuery(path.mid(question + 1));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!access.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + access.toLatin1());
        for (const auto& [name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply* reply = network.sendCustomRequest(
            request, method, method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(10000);
        Reply answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return answer;
    }

    qint64 serverSeconds()
    {
        const Reply clock =
            call("GET", QStringLiteral("/__admin/clock"), {}, {}, {{"X-Admin-Key", MockdProcess::adminKey}});
        return QDateTime::fromString(clock.json.value(QStringLiteral("now")).toString(), Qt::ISODateWithMs)
            .toSecsSinceEpoch();
    }

    // Ada signs in through SignInFlow, with her authenticator code; true when signed in.
    bool signInSupport()
    {
        flow.signIn({mockd->baseUrl().toString(), adaEmail, supportPassword, false});
        if (!QTest::qWaitFor([this] { return flow.state() == vigil::SignInFlow::State::NeedsCode; }, 15000))
            return false;
        flow.submitCode(TestTotp::code(adaTotpKey, serverSeconds()));
        return QTest::qWaitFor([this] { return flow.state() == vigil::SignInFlow::State::SignedIn; }, 15000);
    }

    // The holder's session, confirmed through the admin API: a sign-in from a moment ago may not
    // create support codes (the young-session guard).
    QString holderAccess()
    {
        const Reply login =
            call("POST",
                 QStringLiteral("/v1/auth/login"),
                 {{QStringLiteral("email"), holderEmail}, {QStringLiteral("password"), holderPassword}});
        const QString device = login.json.value(QStringLiteral("device_id")).toString();
        call("POST",
             QStringLiteral("/__admin/devices/%1/confirm").arg(device),
             {},
             {},
             {{"X-Admin-Key", MockdProcess::adminKey}});
        return login.json.value(QStringLiteral("access_token")).toString();
    }

    // The holder's "Give support a code": step-up with the password, then POST /v1/account/support-codes.
    QString createSupportCode(const QString& access)
    {
        const Reply started = call(
            "POST", QStringLiteral("/v1/step-up"), {{QStringLiteral("method"), QStringLiteral("password")}}, access);
        const Reply verified = call("POST",
                                    QStringLiteral("/v1/step-up/verify"),
                                    {{QStringLiteral("challenge"), started.json.value(QStringLiteral("challenge"))},
                                     {QStringLiteral("secret"), holderPassword}},
                                    access);
        const QByteArray stepUp = verified.json.value(QStringLiteral("step_up_token")).toString().toLatin1();
        const Reply code =
            call("POST", QStringLiteral("/v1/account/support-codes"), {}, access, {{"X-Step-Up", stepUp}});
        return code.status == 201 ? code.json.value(QStringLiteral("code")).toString() : QString();
    }
};
