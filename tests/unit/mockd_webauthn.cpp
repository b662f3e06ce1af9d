#include "SoftwareAuthenticator.h"
#include "securitykeys/AuthenticatorData.h"
#include "securitykeys/Base64Url.h"
#include "securitykeys/ClientData.h"
#include "securitykeys/CoseKey.h"

#include <QCborMap>
#include <QCborValue>
#include <QObject>
#include <QTest>
#include <QtEndian>

using namespace mockd;

// The pieces that read what an authenticator (or an attacker) sends: strict base64url, client data,
// authenticator data and COSE keys, against a software authenticator's real output and against
// malformed variants of it.
class TestWebAuthn final : public QObject
{
    Q_OBJECT

private:
    static QByteArray registrationData(SoftwareAuthenticator::Algorithm algorithm)
    {
        SoftwareAuthenticator key;
        return key.makeCredential(QStringLiteral("vigil.test"), QByteArray(32, '\0'), algorithm)->authenticatorData;
    }

    static QByteArray p256Key(const QByteArray& x, const QByteArray& y)
    {
        QCborMap map;
        map.insert(1, 2);
        map.insert(3, -7);
        map.insert(-1, 1);
        map.insert(-2, x);
        map.insert(-3, y);
        return map.toCborValue().toCbor();
    }

private Q_SLOTS:
    void base64UrlIsStrict()
    {
        QCOMPARE(Base64Url::decode(u"AQID").value(), QByteArray("\x01\x02\x03"));
        QCOMPARE(Base64Url::decode(u"-_8").value(), QByteArray("\xfb\xff"));
        QVERIFY(!Base64Url::decode(u"AQ==").has_value()); // padding
        QVERIFY(!Base64Url::decode(u"+/8").has_value());  // standard alphabet
        QVERIFY(!Base64Url::decode(u"AQ I").has_value()); // whitespace
        QVERIFY(!Base64Url::decode(u"A").has_value());    // no whole byte
        QVERIFY(!Base64Url::decode(u"AR").has_value());   // non-zero unused bits: not canonical
        QCOMPARE(Base64Url::encode(QByteArray("\xfb\xff")), QStringLiteral("-_8"));
    }

    void clientDataNeedsTypeChallengeAndOrigin()
    {
        const QString challenge = ClientData::newChallenge();
        QCOMPARE(Base64Url::decode(challenge)->size(), 32);
        QVERIFY(challenge != ClientData::newChallenge());
        const auto json = [](const char* type, const QString& c, const char* origin) {
            return SoftwareAuthenticator::clientDataJson(QLatin1String(type), c, QLatin1String(origin));
        };
        QVERIFY(ClientData::matches(
            json("webauthn.get", challenge, "https://vigil.test"), u"webauthn.get", challenge, u"https://vigil.test"));
        QVERIFY(!ClientData::matches(json("webauthn.create", challenge, "https://vigil.test"),
                                     u"webauthn.get",
                                     challenge,
                                     u"https://vigil.test"));
        QVERIFY(!ClientData::matches(json("webauthn.get", challenge + QLatin1Char('A'), "https://vigil.test"),
                                     u"webauthn.get",
                                     challenge,
                                     u"https://vigil.test"));
        QVERIFY(!ClientData::matches(
            json("webauthn.get", challenge, "http://vigil.test"), u"webauthn.get", challenge, u"https://vigil.test"));
        QVERIFY(!ClientData::matches("[]", u"webauthn.get", challenge, u"https://vigil.test"));
        QVERIFY(!ClientData::matches(R"({"type":"webauthn.get","challenge":1,"origin":"https://vigil.test"})",
                                     u"webauthn.get",
                                     challenge,
                                     u"https://vigil.test"));
        // An empty expected challenge never matches an empty given one.
        QVERIFY(!ClientData::matches(
            json("webauthn.get", QString(), "https://vigil.test"), u"webauthn.get", QString(), u"https://vigil.test"));
    }

    void readsRegistrationsOfBothAlgorithms()
    {
        for (const auto algorithm :
             {SoftwareAuthenticator::Algorithm::Es256, SoftwareAuthenticator::Algorithm::EdDsa}) {
            const auto data = AuthenticatorData::parse(registrationData(algorithm));
            QVERIFY(data.has_value());
            QVERIFY(data->userPresent());
            QVERIFY(data->hasAttestedData());
            QCOMPARE(data->credentialId.size(), 48);
            QCOMPARE(CoseKey::algorithmOf(data->publicKey), std::optional<int>(int(algorithm)));
        }
    }

    void malformedAuthenticatorDataIsRefused()
    {
        const QByteArray good = registrationData(SoftwareAuthenticator::Algorithm::Es256);
        QVERIFY(!AuthenticatorData::parse(good.first(36)).has_value());  // no counter
        QVERIFY(!AuthenticatorData::parse(good.chopped(1)).has_value()); // key cut short
        QVERIFY(!AuthenticatorData::parse(good + '\0').has_value());     // trailing byte
        QByteArray longId = good;
        qToBigEndian(quint16(4000), longId.data() + 53); // credential id longer than the data
        QVERIFY(!AuthenticatorData::parse(longId).has_value());
        QByteArray claimsExtensions = good;
        claimsExtensions[32] = char(quint8(claimsExtensions.at(32)) | AuthenticatorData::extensionsFlag);
        QVERIFY(!AuthenticatorData::parse(claimsExtensions).has_value());
        QVERIFY(AuthenticatorData::parse(claimsExtensions + QCborValue(QCborMap()).toCbor()).has_value());
        // An assertion's data: no credential, 37 bytes.
        QByteArray assertion = good.first(37);
        assertion[32] = char(AuthenticatorData::userPresentFlag);
        QVERIFY(AuthenticatorData::parse(assertion).has_value());
    }

    void onlyKeysVigilCanVerifyWithAreAccepted()
    {
        const QByteArray x(32, '\x01');
        QVERIFY(!CoseKey::algorithmOf(p256Key(x, x)).has_value()); // not a point on P-256
        QVERIFY(!CoseKey::algorithmOf(p256Key(x.first(31), x)).has_value());
        QVERIFY(!CoseKey::algorithmOf(QByteArray("\xa0")).has_value()); // an empty map
        QVERIFY(!CoseKey::algorithmOf(QByteArray("not cbor")).has_value());
        QCborMap rsa; // RS256 (-257) is not offered
        rsa.insert(1, 3);
        rsa.insert(3, -257);
        QVERIFY(!CoseKey::algorithmOf(rsa.toCborValue().toCbor()).has_value());
    }

    void signaturesAreVerifiedForReal()
    {
        for (const auto algorithm :
             {SoftwareAuthenticator::Algorithm::Es256, SoftwareAuthenticator::Algorithm::EdDsa}) {
            SoftwareAuthenticator key;
            const auto made = key.makeCredential(QStringLiteral("vigil.test"), QByteArray(32, '\0'), algorithm);
            const QByteArray cose = AuthenticatorData::parse(made->authenticatorData)->publicKey;
            const QByteArray hash = ClientData::hash("client data");
            const auto asserted = key.getAssertion(QStringLiteral("vigil.test"), hash, made->credentialId);
            const QByteArray message = asserted->authenticatorData + hash;
            QVERIFY(CoseKey::verify(cose, message, asserted->signature));
            QVERIFY(!CoseKey::verify(cose, message + 'x', asserted->signature));
            QByteArray flipped = asserted->signature;
            flipped[flipped.size() / 2] ^= 0x10;
            QVERIFY(!CoseKey::verify(cose, message, flipped));
            QVERIFY(!CoseKey::verify(cose, message, QByteArray()));
        }
    }
};

QTEST_GUILESS_MAIN(TestWebAuthn)
#include "mockd_webauthn.moc"
