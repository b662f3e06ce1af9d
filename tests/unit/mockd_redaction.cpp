#include "ContractSecrets.h"
#include "RedactionCases.h"
#include "log/Redaction.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTest>

namespace Redaction = mockd::Redaction;

class TestRedaction final : public QObject
{
    Q_OBJECT

private:
    const QString m_access = QStringLiteral("vat_8NwQw3yCTIofwk2aeeKSk5x8chmFANOHUw37eXW9ItI");
    const QString m_refresh = QStringLiteral("vrt_NWXO5vXlVkzpSQ1OvBLRWKMIfAiJ35dChx_CQlhOKns");

private Q_SLOTS:
    void tokensBecomeShortTags()
    {
        const QString line = QStringLiteral("Authorization: Bearer ") + m_access + QStringLiteral(" and ") + m_refresh;
        const QString out = Redaction::redactTokens(line);
        QVERIFY2(!out.contains(m_access) && !out.contains(m_refresh), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("vat_")) && !out.contains(QLatin1String("vrt_")), qPrintable(out));
        QCOMPARE(out.count(QLatin1String("<token:")), 2);
        QVERIFY(out.startsWith(QLatin1String("Authorization: Bearer <token:")));
        // The same token always gets the same tag (log lines can be correlated), others differ.
        QCOMPARE(Redaction::redactTokens(m_access), Redaction::redactTokens(m_access));
        QVERIFY(Redaction::redactTokens(m_access) != Redaction::redactTokens(m_refresh));
    }

    void everyTokenKindIsCaught()
    {
        for (const char* prefix : {"vat_", "vrt_", "vmt_", "vst_"}) {
            const QString token = QLatin1String(prefix) + QStringLiteral("abcdefghijklmnopqrstuvwxyz012345");
            QVERIFY2(!Redaction::redactTokens(QString(QStringLiteral("x=") + token)).contains(token), prefix);
        }
    }

    // The contract's list is the one the service must cover: a token kind added there fails here
    // until the service redacts it too.
    void everyContractPrefixIsRedacted()
    {
        const ContractSecrets contract = ContractSecrets::read();
        QVERIFY2(contract.error.isEmpty(), qPrintable(contract.error));
        QVERIFY(contract.listed.contains(QStringLiteral("vat_")));
        for (const QString& prefix : contract.mentioned)
            QVERIFY2(contract.listed.contains(prefix),
                     qPrintable(prefix + QStringLiteral(" is not in x-secret-prefixes")));
        for (const QString& prefix : contract.listed) {
            const QString token = ContractSecrets::sampleToken(prefix);
            const QString secretPart = token.mid(prefix.size());
            QVERIFY2(!Redaction::redactText(QString(QStringLiteral("x=") + token)).contains(secretPart),
                     qPrintable(prefix));
            QVERIFY2(
                !Redaction::redactTarget(QString(QStringLiteral("/v1/x/") + token), QString()).contains(secretPart),
                qPrintable(prefix));
            const QJsonObject body{{QStringLiteral("handle"), token}};
            QVERIFY2(
                !Redaction::redactJson(body).toObject().value(QStringLiteral("handle")).toString().contains(secretPart),
                qPrintable(prefix));
        }
    }

    // Free text that reaches the log (a simulator line, an error echoing a body): one-time codes in
    // JSON fields or query-style pairs, recovery and support codes, passwords.
    void codesAndPasswordsInFreeText()
    {
        const QString out = Redaction::redactText(RedactionCases::textWithSecrets());
        for (const char* secret : RedactionCases::secretsInText)
            QVERIFY2(!out.contains(QLatin1String(secret)),
                     qPrintable(QLatin1String(secret) + QStringLiteral(" in ") + out));
        QCOMPARE(Redaction::redactText(RedactionCases::plainText()), RedactionCases::plainText());
    }

    void challengeHandlesAreSecret()
    {
        QVERIFY(Redaction::isSensitiveKey(QStringLiteral("challenge")));
        const QJsonObject out =
            Redaction::redactJson(QJsonObject{{QStringLiteral("challenge"), QStringLiteral("anything")}}).toObject();
        QCOMPARE(out.value(QStringLiteral("challenge")).toString(), QStringLiteral("<redacted>"));
    }

    void ordinaryTextIsLeftAlone()
    {
        for (const QString& text : {QStringLiteral("/v1/auth/login"),
                                    QStringLiteral("private_key_vat_ok"),
                                    QStringLiteral("vat_short"),
                                    QStringLiteral("device dev_demo_living_tv")}) {
            QCOMPARE(Redaction::redactTokens(text), text);
        }
    }

    void controlCharactersAreEscaped()
    {
        QCOMPARE(Redaction::escapeControl(QStringLiteral("a\nb\rc\td")), QStringLiteral("a\\nb\\rc\\td"));
        QCOMPARE(Redaction::escapeControl(QString::fromUtf8("x\x1by")), QStringLiteral("x\\x{1b}y"));
        QVERIFY(!Redaction::redactText(QStringLiteral("GET /x\n200 fake line")).contains(QLatin1Char('\n')));
    }

    void sensitiveQueryValuesAreHidden()
    {
        const QString out = Redaction::redactTarget(
            QStringLiteral("/v1/devices"),
            QString(QStringLiteral("status=streaming&password=hunter2&code=123456&access_token=") + m_access));
        QVERIFY2(out.startsWith(QLatin1String("/v1/devices?status=streaming&")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("hunter2")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("123456")), qPrintable(out));
        QVERIFY2(!out.contains(m_access), qPrintable(out));
        QCOMPARE(out.count(QLatin1String("<redacted>")), 3);
        QCOMPARE(Redaction::redactTarget(QStringLiteral("/v1/me"), QString()), QStringLiteral("/v1/me"));
    }

    void sensitiveKeys()
    {
        for (const char* key : {"password",
                                "new_password",
                                "current",
                                "code",
                                "mfa_token",
                                "refresh_token",
                                "totp_secret",
                                "recovery_codes",
                                "Authorization",
                                "X-Admin-Key",
                                "X-Step-Up"})
            QVERIFY2(Redaction::isSensitiveKey(QString::fromLatin1(key)), key);
        for (const char* key : {"email", "country_code", "device", "status", "name", "monkey"})
            QVERIFY2(!Redaction::isSensitiveKey(QString::fromLatin1(key)), key);
    }

    void jsonBodiesKeepTheirShape()
    {
        const QJsonObject body{
            {QStringLiteral("email"), QStringLiteral("demo@vigil.test")},
            {QStringLiteral("password"), QStringLiteral("vigil-demo-2026")},
            {QStringLiteral("device"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Living Room TV")}}},
            {QStringLiteral("note"), QString(QStringLiteral("token ") + m_refresh)},
            {QStringLiteral("steps"), QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("123456")}}}},
        };
        const QJsonObject out = Redaction::redactJson(body).toObject();
        QCOMPARE(out.value(QStringLiteral("email")).toString(), QStringLiteral("demo@vigil.test"));
        QCOMPARE(out.value(QStringLiteral("password")).toString(), QStringLiteral("<redacted>"));
        QCOMPARE(out.value(QStringLiteral("device")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Living Room TV"));
        QVERIFY(!out.value(QStringLiteral("note")).toString().contains(m_refresh));
        QCOMPARE(out.value(QStringLiteral("steps")).toArray().at(0).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("<redacted>"));
    }

    void headersLoseSecretValues()
    {
        const auto out = Redaction::redactHeaders({{"Content-Type", "application/json"},
                                                   {"Authorization", "Bearer " + m_access.toLatin1()},
                                                   {"X-Admin-Key", "test-admin-key-0123456789"}});
        QCOMPARE(out.size(), 3);
        QCOMPARE(out.at(0).second, QByteArray("application/json"));
        QCOMPARE(out.at(1).second, QByteArray("<redacted>"));
        QCOMPARE(out.at(2).second, QByteArray("<redacted>"));
    }
};

QTEST_GUILESS_MAIN(TestRedaction)
#include "mockd_redaction.moc"
