#include "ServiceClient.h"

#include "MockdProcess.h"
#include "TestTotp.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtEndian>

QJsonObject ServiceReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray ServiceReply::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

ServiceClient::ServiceClient(const QUrl& base) : m_base(base) {}

ServiceReply
ServiceClient::send(const QByteArray& method, const QString& path, const QByteArray& body, const RawHeaders& headers)
{
    QUrl url = m_base;
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    url.setPath(question < 0 ? path : path.left(question), QUrl::TolerantMode);
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(30000);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply* reply =
        body.isNull() && method == "GET" ? m_network.get(request) : m_network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(30000);
    ServiceReply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && out.status == 0)
        out.networkError = reply->errorString();
    reply->deleteLater();
    // Tokens the service hands out are secrets as soon as we have seen them.
    const QJsonObject json = out.json();
    for (const char* key : {"access_token", "refresh_token", "mfa_token", "device_cookie"}) {
        const QString token = json.value(QLatin1String(key)).toString();
        if (!token.isEmpty())
            rememberSecret(token);
    }
    return out;
}

ServiceReply ServiceClient::raw(const QByteArray& request, const QHostAddress& source)
{
    ServiceReply out;
    QTcpSocket socket;
    if (!source.isNull() && !socket.bind(source)) {
        out.networkError = QStringLiteral("cannot bind to ") + source.toString();
        return out;
    }
    socket.connectToHost(m_base.host(), quint16(m_base.port()));
    if (!socket.waitForConnected(10000)) {
        out.networkError = socket.errorString();
        return out;
    }
    socket.write(request);
    QByteArray received;
    qsizetype headerEnd = -1;
    qint64 bodyLength = -1;
    while (headerEnd < 0 || received.size() < headerEnd + 4 + bodyLength) {
        if (!socket.bytesAvailable() && !socket.waitForReadyRead(15000))
            break;
        received += socket.readAll();
        if (headerEnd < 0 && (headerEnd = received.indexOf("\r\n\r\n")) >= 0) {
            const auto lines = received.left(headerEnd).split('\n');
            out.status = lines.value(0).split(' ').value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    out.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
            }
            if (out.status == 100) { // an interim answer: the real one follows
                received.remove(0, headerEnd + 4);
                out.headers.clear();
                headerEnd = -1;
                continue;
            }
            bodyLength = out.header("Content-Length").toLongLong();
        }
    }
    if (headerEnd >= 0)
        out.body = received.mid(headerEnd + 4, bodyLength);
    else
        out.networkError = QStringLiteral("no complete answer: ") + QString::fromLatin1(received.left(200));
    return out;
}

ServiceReply ServiceClient::postJsonFrom(const QHostAddress& source, const QString& path, const QJsonObject& body)
{
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QByteArray request =
        "POST " + path.toLatin1() + " HTTP/1.1\r\nHost: " + m_base.host().toLatin1() +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(payload.size()) + "\r\n\r\n" +
        payload;
    const ServiceReply reply = raw(request, source);
    const QJsonObject json = reply.json();
    for (const char* key : {"access_token", "refresh_token", "mfa_token", "device_cookie"})
        rememberSecret(json.value(QLatin1String(key)).toString());
    return reply;
}

ServiceReply ServiceClient::get(const QString& path, const QString& bearer)
{
    RawHeaders headers;
    if (!bearer.isEmpty())
        headers.append({"Authorization", "Bearer " + bearer.toLatin1()});
    return send("GET", path, QByteArray(), headers);
}

ServiceReply ServiceClient::postJson(const QString& path, const QJsonObject& body, const QString& bearer)
{
    RawHeaders headers{{"Content-Type", "application/json"}};
    if (!bearer.isEmpty())
        headers.append({"Authorization", "Bearer " + bearer.toLatin1()});
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

ServiceReply ServiceClient::admin(const QByteArray& method, const QString& path, const QJsonObject& body)
{
    RawHeaders headers{{"X-Admin-Key", MockdProcess::adminKey}};
    QByteArray payload;
    if (!body.isEmpty()) {
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    } else if (method != "GET") {
        payload = QByteArray("");
    }
    return send(method, path, payload, headers);
}

ServiceReply ServiceClient::loginReply(const QString& email, const QString& password, const QJsonObject& device)
{
    rememberSecret(password);
    QJsonObject body{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}};
    if (!device.isEmpty())
        body.insert(QStringLiteral("device"), device);
    return postJson(QStringLiteral("/v1/auth/login"), body);
}

ServiceClient::Tokens ServiceClient::tokensFrom(const ServiceReply& reply)
{
    const QJsonObject json = reply.json();
    return {json.value(QStringLiteral("access_token")).toString(),
            json.value(QStringLiteral("refresh_token")).toString(),
            json.value(QStringLiteral("session_id")).toString(),
            json.value(QStringLiteral("device_id")).toString()};
}

ServiceClient::Tokens ServiceClient::login(const QString& email, const QString& password, const QJsonObject& device)
{
    const ServiceReply reply = loginReply(email, password, device);
    return reply.status == 200 ? tokensFrom(reply) : Tokens{};
}

ServiceClient::Tokens ServiceClient::loginDemo(const QString& deviceName, const QString& type)
{
    return login(QString::fromLatin1(demoEmail),
                 QString::fromLatin1(demoPassword),
                 {{QStringLiteral("name"), deviceName}, {QStringLiteral("type"), type}});
}

ServiceReply ServiceClient::stepUpVerify(const QString& challenge, const QString& secret, const QString& access)
{
    const ServiceReply reply = postJson(QStringLiteral("/v1/step-up/verify"),
                                        {{QStringLiteral("challenge"), challenge}, {QStringLiteral("secret"), secret}},
                                        access);
    rememberSecret(reply.json().value(QStringLiteral("step_up_token")).toString());
    return reply;
}

ServiceReply ServiceClient::stepUpResend(const QString& challenge, const QString& access)
{
    return postJson(QStringLiteral("/v1/step-up/resend"), {{QStringLiteral("challenge"), challenge}}, access);
}

bool ServiceClient::refreshTokens(QString& access, QString& refresh)
{
    const ServiceReply reply =
        postJson(QStringLiteral("/v1/auth/refresh"), {{QStringLiteral("refresh_token"), refresh}});
    const Tokens tokens = tokensFrom(reply);
    access = tokens.access;
    refresh = tokens.refresh;
    return reply.status == 200;
}

QString ServiceClient::passwordStepUp(const QString& access, const QString& password)
{
    const ServiceReply started =
        postJson(QStringLiteral("/v1/step-up"), {{QStringLiteral("method"), QStringLiteral("password")}}, access);
    return stepUpVerify(started.json().value(QStringLiteral("challenge")).toString(), password, access)
        .json()
        .value(QStringLiteral("step_up_token"))
        .toString();
}

bool ServiceClient::setSmsCodes(const QString& access, bool on, const QString& password)
{
    const QString stepUp = passwordStepUp(access, password);
    const QJsonObject body{{QStringLiteral("email"), true}, {QStringLiteral("sms"), on}};
    const ServiceReply reply = send("PUT",
                                    QStringLiteral("/v1/account/two-step/fallbacks"),
                                    QJsonDocument(body).toJson(QJsonDocument::Compact),
                                    {{"Content-Type", "application/json"},
                                     {"Authorization", "Bearer " + access.toLatin1()},
                                     {"X-Step-Up", stepUp.toLatin1()}});
    return reply.status == 200 && reply.json().value(QStringLiteral("sms")).toBool() == on;
}

bool ServiceClient::reset()
{
    return admin("POST", QStringLiteral("/__admin/reset")).status == 204;
}

bool ServiceClient::advanceClock(qint64 seconds)
{
    return admin("POST", QStringLiteral("/__admin/clock"), {{QStringLiteral("advance_seconds"), seconds}}).status ==
           200;
}

qint64 ServiceClient::serverTimeSeconds()
{
    const QString now = admin("GET", QStringLiteral("/__admin/clock")).json().value(QStringLiteral("now")).toString();
    const QDateTime parsed = QDateTime::fromString(now, Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toSecsSinceEpoch() : -1;
}

void ServiceClient::rememberSecret(const QString& secret)
{
    if (!secret.isEmpty() && !m_secrets.contains(secret))
        m_secrets.append(secret);
}

void ServiceClient::rememberCode(const QString& code)
{
    if (!code.isEmpty() && !m_codes.contains(code))
        m_codes.append(code);
}

QStringList ServiceClient::leakedSecrets(const QByteArray& log) const
{
    const QString text = QString::fromUtf8(log);
    QStringList leaked;
    for (const QString& secret : m_secrets) {
        if (text.contains(secret))
            leaked.append(secret);
    }
    for (const QString& code : m_codes) {
        const QRegularExpression alone(QStringLiteral("(?<![0-9])") + code + QStringLiteral("(?![0-9])"));
        if (alone.match(text).hasMatch())
            leaked.append(code);
    }
    return leaked;
}

QString ServiceClient::totp(const QByteArray& base32Secret, qint64 unixSeconds)
{
    return TestTotp::codeForSecret(QString::fromLatin1(base32Secret), unixSeconds);
}
