#include "ContractSecrets.h"
#include "RedactionCases.h"
#include "core/api/Redaction.h"

#include <QTest>

using vigil::Redaction;

class TestRedaction final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonSecretsAtAnyDepth();
    void jsonKeepsHarmlessFields();
    void nonJsonIsNotEchoed();
    void headers();
    void urlQueryAndUserInfo();
    void tokensInFreeText();
    void everyContractPrefixIsRedacted();
    void codesAndPasswordsInFreeText();
};

void TestRedaction::jsonSecretsAtAnyDepth()
{
    const QByteArray body = R"({"email":"demo@vigil.test","password":"vigil-demo-2026",
        "nested":{"refresh_token":"vrt_abc","list":[{"code":"123456"},{"mfa_token":"m1"}]},
        "access_token":"vat_xyz","secret":"JBSWY3DPEHPK3PXP","current":"old-pass","new":"new-pass"})";
    const QString out = Redaction::jsonBody(body);
    for (const char* secret :
         {"vigil-demo-2026", "vrt_abc", "123456", "m1", "vat_xyz", "JBSWY3DPEHPK3PXP", "old-pass", "new-pass"})
        QVERIFY2(!out.contains(QLatin1String(secret)), secret);
    QVERIFY(out.contains(QStringLiteral("demo@vigil.test")));
    QVERIFY(out.contains(Redaction::mask));
}

void TestRedaction::jsonKeepsHarmlessFields()
{
    const QString out = Redaction::jsonBody(R"({"error":"invalid_field","field":"email","retry_after":3})");
    QVERIFY(out.contains(QStringLiteral("invalid_field")));
    QVERIFY(out.contains(QStringLiteral("\"retry_after\":3")));
}

void TestRedaction::nonJsonIsNotEchoed()
{
    const QString out = Redaction::jsonBody("password=hunter2&x=1");
    QVERIFY(!out.contains(QStringLiteral("hunter2")));
    QVERIFY(out.contains(QStringLiteral("20 bytes")));
}

void TestRedaction::headers()
{
    QVERIFY(!Redaction::header("Authorization", "Bearer vat_secret").contains(QStringLiteral("vat_secret")));
    QVERIFY(!Redaction::header("authorization", "Bearer abc").contains(QStringLiteral("abc")));
    QVERIFY(!Redaction::header("X-Admin-Key", "k3y").contains(QStringLiteral("k3y")));
    QVERIFY(!Redaction::header("X-Step-Up", "sut").contains(QStringLiteral("sut")));
    QVERIFY(!Redaction::header("Cookie", "session=1").contains(QStringLiteral("session=1")));
    QCOMPARE(Redaction::header("Content-Type", "application/json"), QStringLiteral("Content-Type: application/json"));
}

void TestRedaction::urlQueryAndUserInfo()
{
    const QString out =
        Redaction::url(QUrl(QStringLiteral("http://user:pw@127.0.0.1:8765/v1/devices?token=vat_1&q=x#frag")));
    QVERIFY(!out.contains(QStringLiteral("pw")));
    QVERIFY(!out.contains(QStringLiteral("vat_1")));
    QVERIFY(!out.contains(QStringLiteral("frag")));
    QVERIFY(out.startsWith(QStringLiteral("http://127.0.0.1:8765/v1/devices?")));
}

void TestRedaction::tokensInFreeText()
{
    const QString out = Redaction::text(QStringLiteral("refresh vrt_AbC-12_x failed; access vat_Q9 too"));
    QVERIFY(!out.contains(QStringLiteral("AbC")));
    QVERIFY(!out.contains(QStringLiteral("Q9")));
    QVERIFY(out.contains(QStringLiteral("vrt_")));
    QVERIFY(out.contains(QStringLiteral("failed")));
}

// The contract's list is the one the app must cover: a token kind added there fails here until
// the app redacts it too.
void TestRedaction::everyContractPrefixIsRedacted()
{
    const ContractSecrets contract = ContractSecrets::read();
    QVERIFY2(contract.error.isEmpty(), qPrintable(contract.error));
    QVERIFY(contract.listed.contains(QStringLiteral("vat_")));
    for (const QString& prefix : contract.mentioned)
        QVERIFY2(contract.listed.contains(prefix), qPrintable(prefix + QStringLiteral(" is not in x-secret-prefixes")));
    for (const QString& prefix : contract.listed) {
        const QString token = ContractSecrets::sampleToken(prefix);
        const QString secretPart = token.mid(prefix.size());
        const QStringList lines{QStringLiteral("server said: ") + token,
                                QStringLiteral("{\"handle\":\"") + token + QStringLiteral("\"}"),
                                QStringLiteral("Bearer ") + token + QStringLiteral(".")};
        for (const QString& line : lines) {
            const QString out = Redaction::text(line);
            QVERIFY2(!out.contains(secretPart), qPrintable(prefix + QStringLiteral(": ") + out));
        }
        QVERIFY2(!Redaction::jsonBody(QByteArray("{\"note\":\"") + token.toLatin1() + "\"}").contains(secretPart),
                 qPrintable(prefix));
        QVERIFY2(!Redaction::url(QUrl(QStringLiteral("http://127.0.0.1:8765/v1/x/") + token)).contains(secretPart),
                 qPrintable(prefix));
    }
}

// What else the app can log as free text (a server message, the mock service's output): one-time
// codes in JSON fields or query-style pairs, recovery and support codes, passwords.
void TestRedaction::codesAndPasswordsInFreeText()
{
    const QString out = Redaction::text(RedactionCases::textWithSecrets());
    for (const char* secret : RedactionCases::secretsInText)
        QVERIFY2(!out.contains(QLatin1String(secret)),
                 qPrintable(QLatin1String(secret) + QStringLiteral(" in ") + out));
    // Ordinary numbers, ids and words stay readable.
    QCOMPARE(Redaction::text(RedactionCases::plainText()), RedactionCases::plainText());
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "TestRedaction.moc"
