#pragma once

#include <QByteArray>
#include <optional>

namespace mockd::CoseKey {

// COSE algorithms Vigil accepts (RFC 9053).
constexpr int es256 = -7; // ECDSA on P-256 with SHA-256 (kty EC2, crv 1)
constexpr int edDsa = -8; // EdDSA on Ed25519 (kty OKP, crv 6)

// The algorithm of a COSE_Key (CBOR bytes) that Vigil can verify with: ES256 with a point on P-256,
// or EdDSA with a 32-byte Ed25519 key. Nothing for any other key, curve or a malformed one.
std::optional<int> algorithmOf(const QByteArray& coseKey);

// "es256" | "eddsa", as the contract names them.
const char* algorithmName(int algorithm);

// Whether `signature` is the key's signature over `message` (ES256: DER-encoded ECDSA over
// SHA-256 of it; EdDSA: Ed25519 over it). Real verification, with OpenSSL.
bool verify(const QByteArray& coseKey, const QByteArray& message, const QByteArray& signature);

} // namespace mockd::CoseKey
