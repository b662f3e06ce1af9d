#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QStringList>
#include <QUrl>

class MockdProcess;

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

struct ServiceReply
{
    int status = 0;
    QByteArray body;
    RawHeaders headers;
    QString networkError;

    QJsonObject json() const;
    QString error() const { return json().value(QStringLiteral("error")).toString(); }
    QByteArray header(const QByteArray& name) const;
};

// A blocking HTTP client for service tests (it waits with QSignalSpy, never sleeps). It remembers
// every secret it sends or receives, so a test can prove none of them reached the service's log.
class ServiceClient final
{
public:
    struct Tokens
    {
        QString access;
        QString refresh;
        QString sessionId;
        QString deviceId;
    };

    explicit ServiceClient(const QUrl& base);

    ServiceReply
    send(const QByteArray& method, const QString& path, const QByteArray& body = {}, const RawHeaders& headers = {});
    ServiceReply get(const QString& path, const QString& bearer = {});
    ServiceReply postJson(const QString& path, const QJsonObject& body, const QString& bearer = {});
    ServiceReply admin(const QByteArray& method, const QString& path, const QJsonObject& body = {});

    // One request over a fresh TCP connection, written byte for byte (for what QNetworkAccessManager
    // will not send: lying or huge Content-Length, chunked bodies), optionally from another local
    // source address such as 127.0.0.2 (a second "client address" on the same machine).
    ServiceReply raw(const QByteArray& request, const QHostAddress& source = QHostAddress());
    // A JSON POST through raw(), from `source`.
    ServiceReply postJsonFrom(const QHostAddress& source, const QString& path, const QJsonObject& body);

    // Signs in (recording the password and the tokens as secrets); empty tokens when it failed.
    Tokens login(const QString& email, const QString& password, const QJsonObject& device = {});
    ServiceReply loginReply(const QString& email, const QString& password, const QJsonObject& device = {});
    Tokens tokensFrom(const ServiceReply& reply);
    // The demo account, from a device of this name and type.
    Tokens loginDemo(const QString& deviceName, const QString& type = QStringLiteral("tablet"));
    // Step-up for `access`: verify (remembering the step-up token as a secret), resend, and the
    // whole password round that sensitive routes need (empty when it failed).
    ServiceReply stepUpVerify(const QString& challenge, const QString& secret, const QString& access);
    ServiceReply stepUpResend(const QString& challenge, const QString& access);
    // After the clock passed the access token's life: the same session, fresh tokens (rotated in
    // place); false when the service refused.
    bool refreshTokens(QString& access, QString& refresh);
    QString passwordStepUp(const QString& access, const QString& password = QString::fromLatin1(demoPassword));
    // Turns the account's text-message codes on or off (PUT /v1/account/two-step/fallbacks behind a
    // password step-up); false when the service refused.
    bool setSmsCodes(const QString& access, bool on, const QString& password = QString::fromLatin1(demoPassword));
    bool reset();
    bool advanceClock(qint64 seconds);
    qint64 serverTimeSeconds();

    void rememberSecret(const QString& secret);
    // Codes are short digit strings; they only count when not part of a longer number.
    void rememberCode(const QString& code);
    QStringList leakedSecrets(const QByteArray& log) const;
    qsizetype secretCount() const { return m_secrets.size() + m_codes.size(); }

    // RFC 6238 (SHA-1, 30 s, 6 digits), written independently of the service's implementation.
    static QString totp(const QByteArray& base32Secret, qint64 unixSeconds);

    static constexpr const char* demoEmail = "demo@vigil.test";
    static constexpr const char* demoPassword = "vigil-demo-2026";
    static constexpr const char* twoStepEmail = "twostep@vigil.test";
    static constexpr const char* twoStepPassword = "vigil-twostep-2026";
    static constexpr const char* twoStepSecret = "JBSWY3DPEHPK3PXP";

private:
    QNetworkAccessManager m_network;
    QUrl m_base;
    QStringList m_secrets;
    QStringList m_codes;
};
