#include "securitykeys/AssertionCheck.h"

#include "http/FieldReader.h"
#include "securitykeys/AuthenticatorData.h"
#include "securitykeys/Base64Url.h"
#include "securitykeys/ClientData.h"
#include "securitykeys/CoseKey.h"
#include "securitykeys/SecurityKeyPolicy.h"
#include "securitykeys/WebAuthnText.h"

namespace mockd {

std::optional<KeyAssertion> KeyAssertion::read(FieldReader& body)
{
    FieldReader fields = body.object(QStringLiteral("assertion"), true);
    const auto binary = [&fields](const char* name, int maxBytes) {
        const QString field = QLatin1String(name);
        const QString text = fields.string(field, {.maxLength = (maxBytes * 4 + 2) / 3});
        if (!fields.ok())
            return QByteArray();
        const auto decoded = Base64Url::decode(text);
        if (!decoded || decoded->isEmpty() || decoded->size() > maxBytes) {
            fields.fail(field, WebAuthnText::notBase64Url());
            return QByteArray();
        }
        return *decoded;
    };
    KeyAssertion assertion;
    assertion.credentialId = binary("credential_id", AuthenticatorData::maxCredentialIdBytes);
    assertion.clientDataJson = binary("client_data_json", SecurityKeyPolicy::maxClientDataBytes);
    assertion.authenticatorData = binary("authenticator_data", SecurityKeyPolicy::maxAuthenticatorDataBytes);
    assertion.signature = binary("signature", SecurityKeyPolicy::maxSignatureBytes);
    if (!body.ok())
        return std::nullopt;
    return assertion;
}

QString AssertionCheck::reason() const
{
    switch (outcome) {
    case Outcome::UnknownCredential:
        return QStringLiteral("unknown_credential");
    case Outcome::CounterRegressed:
        return QStringLiteral("counter_regressed");
    case Outcome::Verified:
    case Outcome::Invalid:
        break;
    }
    return QStringLiteral("invalid_assertion");
}

AssertionCheck AssertionCheck::run(const SecurityKeyStore& keys,
                                   const QString& accountId,
                                   const QString& rpId,
                                   const QString& challenge,
                                   const KeyAssertion& assertion)
{
    AssertionCheck check;
    // Another account's credential answers exactly like one nobody registered.
    check.key = keys.byCredentialId(assertion.credentialId);
    if (!check.key || check.key->accountId != accountId) {
        check.key.reset();
        check.outcome = Outcome::UnknownCredential;
        return check;
    }
    const auto data = AuthenticatorData::parse(assertion.authenticatorData);
    if (!data || data->rpIdHash != ClientData::hash(rpId.toUtf8()) || !data->userPresent())
        return check;
    if (!ClientData::matches(assertion.clientDataJson, u"webauthn.get", challenge, WebAuthnText::origin(rpId)))
        return check;
    const QByteArray signedData = assertion.authenticatorData + ClientData::hash(assertion.clientDataJson);
    if (!CoseKey::verify(check.key->publicKey, signedData, assertion.signature))
        return check;
    check.userVerified = data->userVerified();
    check.signCount = data->signCount;
    // WebAuthn §7.2 step 21: a key that counts must count up. Decided only after the signature
    // verified, so nobody without the key can make the service call a key cloned.
    if ((data->signCount != 0 || check.key->signCount != 0) && data->signCount <= check.key->signCount) {
        check.outcome = Outcome::CounterRegressed;
        return check;
    }
    check.outcome = Outcome::Verified;
    return check;
}

} // namespace mockd
