#pragma once

#include <QByteArray>
#include <optional>

namespace mockd {

// WebAuthn §6.1 authenticator data, parsed: rpIdHash (32) | flags (1) | signCount (4, big endian)
// | attested credential data (with the AT flag: AAGUID (16) | id length (2) | id | COSE key)
// | extensions (with the ED flag: one CBOR map). Nothing may follow.
struct AuthenticatorData
{
    static constexpr quint8 userPresentFlag = 0x01;
    static constexpr quint8 userVerifiedFlag = 0x04;
    static constexpr quint8 attestedDataFlag = 0x40;
    static constexpr quint8 extensionsFlag = 0x80;
    // WebAuthn Level 3 caps credential ids at 1023 bytes.
    static constexpr qsizetype maxCredentialIdBytes = 1023;

    QByteArray rpIdHash;
    quint8 flags = 0;
    quint32 signCount = 0;
    QByteArray credentialId; // with AT only
    QByteArray publicKey;    // the COSE_Key's CBOR bytes, with AT only

    bool userPresent() const { return (flags & userPresentFlag) != 0; }
    bool userVerified() const { return (flags & userVerifiedFlag) != 0; }
    bool hasAttestedData() const { return (flags & attestedDataFlag) != 0; }

    // Nothing when the bytes are not well-formed authenticator data.
    static std::optional<AuthenticatorData> parse(const QByteArray& raw);
};

} // namespace mockd
