#pragma once

#include "store/SecurityKeyStore.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace mockd {

class FieldReader;

// A security key's answer to a step-up challenge, decoded.
struct KeyAssertion
{
    QByteArray credentialId;
    QByteArray clientDataJson;
    QByteArray authenticatorData;
    QByteArray signature;

    // Reads `assertion` from a verify body (base64url fields; 422 on the reader when malformed).
    static std::optional<KeyAssertion> read(FieldReader& body);
};

// What checking an assertion found. Only Verified proves the holder; the others are wrong secrets.
struct AssertionCheck
{
    enum class Outcome
    {
        Verified,
        UnknownCredential, // not a current key of this account
        Invalid,           // client data, rp id, user presence or signature
        CounterRegressed,  // a valid signature with a counter that did not go up: a possible clone
    };

    Outcome outcome = Outcome::Invalid;
    std::optional<SecurityKey> key; // the account's key, once found
    bool userVerified = false;
    quint32 signCount = 0;

    bool verified() const { return outcome == Outcome::Verified; }
    // unknown_credential | invalid_assertion | counter_regressed (the contract's `reason`).
    QString reason() const;

    // Checks `assertion` against the account's keys, the relying party and the challenge's
    // base64url `challenge`, with real signature verification (CoseKey::verify).
    static AssertionCheck run(const SecurityKeyStore& keys,
                              const QString& accountId,
                              const QString& rpId,
                              const QString& challenge,
                              const KeyAssertion& assertion);
};

} // namespace mockd
