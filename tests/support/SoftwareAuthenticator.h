#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

// What a test changes about one answer of SoftwareAuthenticator (outside the class: a nested
// struct with member initializers cannot be a default argument of its own class).
struct SoftwareKeyKnobs
{
    // The sign counter to report (and keep); by default the stored counter plus one (0 at
    // registration).
    std::optional<quint32> counter = std::nullopt;
    // Flags to report instead of user present (+ attested data at registration).
    std::optional<quint8> flags = std::nullopt;
    // Signs with a fresh key that is not the credential's.
    bool wrongKey = false;
};

// A FIDO2 authenticator in software, for tests only (never linked into the app): it makes real
// credentials (ES256 on P-256 or EdDSA on Ed25519, with OpenSSL) and signs real assertions, so
// whatever verifies them is exercised for real. Its answers are WebAuthn's raw authenticator data
// (rpIdHash, flags, sign counter, attested credential data with the COSE key) and signatures over
// authenticator data ‖ client data hash, as a key reached through libfido2 gives them. Knobs let a
// test break one thing at a time (counter, flags, signing key).
class SoftwareAuthenticator final
{
public:
    enum class Algorithm : int
    {
        Es256 = -7,
        EdDsa = -8,
    };

    using Knobs = SoftwareKeyKnobs;

    // Authenticator data flags (WebAuthn §6.1).
    static constexpr quint8 userPresent = 0x01;
    static constexpr quint8 userVerified = 0x04;
    static constexpr quint8 attestedData = 0x40;

    struct Registration
    {
        QByteArray credentialId;
        QByteArray authenticatorData;
    };

    struct Assertion
    {
        QByteArray credentialId;
        QByteArray authenticatorData;
        QByteArray signature;
    };

    SoftwareAuthenticator();
    ~SoftwareAuthenticator();
    SoftwareAuthenticator(const SoftwareAuthenticator&) = delete;
    SoftwareAuthenticator& operator=(const SoftwareAuthenticator&) = delete;

    // A new credential scoped to `rpId`. `clientDataHash` is what an attestation would sign; with
    // attestation `none` nothing does, but it is taken as a real authenticator takes it.
    std::optional<Registration>
    makeCredential(const QString& rpId, const QByteArray& clientDataHash, Algorithm algorithm, const Knobs& knobs = {});
    // An assertion by the credential `credentialId`, which must have been made for `rpId` unless
    // the test forces another rp (`anyRp`).
    std::optional<Assertion> getAssertion(const QString& rpId,
                                          const QByteArray& clientDataHash,
                                          const QByteArray& credentialId,
                                          const Knobs& knobs = {},
                                          bool anyRp = false);

    // The first credential for `rpId` among `allowed` (all of the rp's when empty), or empty.
    QByteArray pick(const QString& rpId, const QList<QByteArray>& allowed) const;
    std::optional<quint32> counter(const QByteArray& credentialId) const;
    qsizetype credentialCount() const;

    // Every credential with its private key (PEM): for a test tool's key file, nothing else.
    QJsonObject save() const;
    bool load(const QJsonObject& saved);

    // WebAuthn-style client data as the app builds it (`challenge` as the service gave it, base64url),
    // and base64url without padding.
    static QByteArray clientDataJson(const QString& type, const QString& challenge, const QString& origin);
    static QByteArray sha256(const QByteArray& data);
    static QString base64Url(const QByteArray& data);
    static QByteArray fromBase64Url(const QString& text);

private:
    struct Credential;
    QList<Credential>::iterator find(const QByteArray& credentialId);
    QList<Credential>::const_iterator find(const QByteArray& credentialId) const;

    QList<Credential> m_credentials;
};
