#include "securitykeys/SecurityKeyRoutes.h"

#include "auth/AuthPolicy.h"
#include "auth/OwnerStepUp.h"
#include "base/Clock.h"
#include "base/Ids.h"
#include "base/TimeFormat.h"
#include "http/FieldReader.h"
#include "http/JsonWriter.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "securitykeys/AuthenticatorData.h"
#include "securitykeys/Base64Url.h"
#include "securitykeys/ClientData.h"
#include "securitykeys/CoseKey.h"
#include "securitykeys/SecurityKeyPolicy.h"
#include "securitykeys/WebAuthnText.h"
#include "store/Store.h"

namespace mockd {

namespace {

QLatin1StringView l1(const char* text)
{
    return QLatin1StringView(text);
}

const StringRule nameRule{.maxLength = 64, .trim = true, .visibleOnly = true};

// WebAuthn's user handle: stable per account, opaque, no personal data (§14.6.1).
QString userHandle(const QString& accountId)
{
    return Base64Url::encode(ClientData::hash(QByteArrayLiteral("vigil-user-handle:") + accountId.toUtf8()));
}

} // namespace

SecurityKeyRoutes::SecurityKeyRoutes(Store& store, const Clock& clock, StepUp& stepUp, QString rpId, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_stepUp(stepUp), m_rpId(std::move(rpId)),
      m_registrations(store.database(), clock)
{}

SecurityKeyRoutes::~SecurityKeyRoutes() = default;

void SecurityKeyRoutes::registerRoutes(Router& router)
{
    const auto holder = Access::roles({Role::Holder});
    router.add("GET", QStringLiteral("/v1/account/security-keys"), {holder, false}, [this](const RequestContext& c) {
        list(c);
    });
    router.add("POST", QStringLiteral("/v1/account/security-keys"), {holder, true}, [this](const RequestContext& c) {
        finishRegistration(c);
    });
    router.add("POST",
               QStringLiteral("/v1/account/security-keys/registrations"),
               {holder, false},
               [this](const RequestContext& c) { startRegistration(c); });
    router.add("PATCH",
               QStringLiteral("/v1/account/security-keys/{id}"),
               {holder, true},
               [this](const RequestContext& c) { rename(c); });
    router.add("DELETE",
               QStringLiteral("/v1/account/security-keys/{id}"),
               {holder, false},
               [this](const RequestContext& c) { remove(c); });
}

void SecurityKeyRoutes::write(JsonWriter& json, const SecurityKey& key)
{
    json.beginObject()
        .field(l1("id"), key.id)
        .field(l1("name"), key.name)
        .field(l1("algorithm"), l1(CoseKey::algorithmName(key.algorithm)))
        .field(l1("created_at"), TimeFormat::toRfc3339(key.createdAtMs))
        .key(l1("last_used_at"));
    if (key.lastUsedAtMs > 0)
        json.value(TimeFormat::toRfc3339(key.lastUsedAtMs));
    else
        json.null();
    json.field(l1("attestation_format"), key.attestationFormat).endObject();
}

void SecurityKeyRoutes::audit(const RequestContext& context, const QString& type, const QJsonObject& details)
{
    AuditEntry entry;
    entry.accountId = context.principal->accountId;
    entry.deviceId = context.principal->deviceId;
    entry.atMs = m_clock.nowMs();
    entry.type = type;
    entry.actor = roleName(context.principal->role);
    entry.ip = context.request.peerText();
    entry.details = details;
    if (auto ok = m_store.audit().append(entry); !ok)
        qCWarning(lcAuth) << "cannot write an audit entry:" << ok.error();
}

void SecurityKeyRoutes::list(const RequestContext& context)
{
    JsonWriter json;
    json.beginObject().key(l1("keys")).beginArray();
    for (const SecurityKey& key : m_store.securityKeys().ofAccount(context.principal->accountId))
        write(json, key);
    json.endArray().endObject();
    context.respond(HttpResponse::jsonBody(json.take()));
}

void SecurityKeyRoutes::startRegistration(const RequestContext& context)
{
    if (!ownerStepUp(context, m_stepUp, QStringLiteral("Confirm it's you before adding a security key.")))
        return;
    const Principal& who = *context.principal;
    const Account* account = m_store.accounts().byId(who.accountId);
    if (!account)
        return context.fail(ApiError::internal());
    const QList<SecurityKey> keys = m_store.securityKeys().ofAccount(account->id);
    if (keys.size() >= SecurityKeyPolicy::maxKeysPerAccount)
        return context.fail(
            ApiError::make(409,
                           QStringLiteral("security_key_limit"),
                           QStringLiteral("This account has %1 security keys, as many as it can have. Remove one "
                                          "first.")
                               .arg(SecurityKeyPolicy::maxKeysPerAccount)));
    const QString challenge = ClientData::newChallenge();
    const QString id = m_registrations.start(account->id, who.sessionId, challenge);
    if (id.isEmpty()) {
        qCWarning(lcAuth) << "security-key registrations at their cap; refusing a new one";
        return context.fail(ApiError::tooManyAttempts(AuthPolicy::stepUpFullRetrySeconds));
    }
    audit(context, QStringLiteral("security_key_registration_started"), {});

    JsonWriter json;
    json.beginObject()
        .field(l1("registration_id"), id)
        .field(l1("challenge"), challenge)
        .key(l1("rp"))
        .beginObject()
        .field(l1("id"), m_rpId)
        .field(l1("name"), l1("Vigil"))
        .endObject()
        .key(l1("user"))
        .beginObject()
        .field(l1("id"), userHandle(account->id))
        .field(l1("name"), account->email)
        .field(l1("display_name"), account->displayName)
        .endObject()
        .key(l1("algorithms"))
        .beginArray()
        .value(CoseKey::es256)
        .value(CoseKey::edDsa)
        .endArray()
        .key(l1("exclude_credentials"))
        .beginArray();
    for (const SecurityKey& key : keys)
        json.value(Base64Url::encode(key.credentialId));
    json.endArray()
        .field(l1("timeout_ms"), SecurityKeyPolicy::touchTimeoutMs)
        .field(l1("expires_in"), SecurityKeyPolicy::registrationSeconds)
        .endObject();
    context.respond(HttpResponse::jsonBody(json.take(), 201));
}

void SecurityKeyRoutes::refuseRegistration(const RequestContext& context, const ApiError& error, const QString& reason)
{
    audit(context, QStringLiteral("security_key_registration_failed"), {{QStringLiteral("reason"), reason}});
    context.fail(error);
}

void SecurityKeyRoutes::finishRegistration(const RequestContext& context)
{
    FieldReader body(context.body);
    const QString registrationId = body.string(QStringLiteral("registration_id"), {.maxLength = 64});
    if (!body.ok())
        return context.fail(*body.error());
    // Single use: whatever follows, this registration is spent.
    const auto registration = m_registrations.take(registrationId, context.principal->sessionId);
    if (!registration)
        return context.fail(
            ApiError::make(410,
                           QStringLiteral("challenge_expired"),
                           QStringLiteral("This registration has expired. Start adding the key again.")));

    const QString name = body.string(QStringLiteral("name"), nameRule);
    const QString clientDataText = body.string(QStringLiteral("client_data_json"), {.maxLength = 2800});
    const QString authDataText = body.string(QStringLiteral("authenticator_data"), {.maxLength = 2800});
    const QString format = body.string(QStringLiteral("attestation_format"),
                                       {.oneOf = {QStringLiteral("none"),
                                                  QStringLiteral("packed"),
                                                  QStringLiteral("fido-u2f"),
                                                  QStringLiteral("tpm"),
                                                  QStringLiteral("android-key"),
                                                  QStringLiteral("apple")}});
    if (!body.ok())
        return refuseRegistration(context, *body.error(), QStringLiteral("invalid_field"));
    const auto clientData = Base64Url::decode(clientDataText);
    if (!clientData || clientData->size() > SecurityKeyPolicy::maxClientDataBytes)
        return refuseRegistration(
            context,
            ApiError::invalidField(QStringLiteral("client_data_json"),
                                   QStringLiteral("client_data_json ") + WebAuthnText::notBase64Url()),
            QStringLiteral("client_data"));
    if (!ClientData::matches(*clientData, u"webauthn.create", registration->challenge, WebAuthnText::origin(m_rpId)))
        return refuseRegistration(
            context,
            ApiError::invalidField(
                QStringLiteral("client_data_json"),
                QStringLiteral("client_data_json is not of this registration (type, challenge or origin).")),
            QStringLiteral("client_data"));

    const auto rawAuthData = Base64Url::decode(authDataText);
    const auto authData = rawAuthData && rawAuthData->size() <= SecurityKeyPolicy::maxAuthenticatorDataBytes
                              ? AuthenticatorData::parse(*rawAuthData)
                              : std::nullopt;
    const auto refuseAuthData = [&](const QString& why, const QString& reason) {
        refuseRegistration(
            context,
            ApiError::invalidField(QStringLiteral("authenticator_data"), QStringLiteral("authenticator_data ") + why),
            reason);
    };
    if (!authData || !authData->hasAttestedData())
        return refuseAuthData(QStringLiteral("is not authenticator data with a credential."),
                              QStringLiteral("authenticator_data"));
    if (authData->rpIdHash != ClientData::hash(m_rpId.toUtf8()))
        return refuseAuthData(QStringLiteral("is for another relying party."), QStringLiteral("rp_id"));
    if (!authData->userPresent())
        return refuseAuthData(QStringLiteral("says nobody touched the key."), QStringLiteral("user_presence"));
    const auto algorithm = CoseKey::algorithmOf(authData->publicKey);
    if (!algorithm)
        return refuseAuthData(QStringLiteral("has a key that is not ES256 (P-256) or EdDSA (Ed25519)."),
                              QStringLiteral("algorithm"));
    if (m_store.securityKeys().byCredentialId(authData->credentialId))
        return refuseRegistration(context,
                                  ApiError::make(409,
                                                 QStringLiteral("credential_exists"),
                                                 QStringLiteral("This security key is registered already.")),
                                  QStringLiteral("credential_exists"));

    SecurityKey key;
    key.id = Ids::generate(u"sk");
    key.accountId = registration->accountId;
    key.credentialId = authData->credentialId;
    key.name = name;
    key.algorithm = *algorithm;
    key.publicKey = authData->publicKey;
    key.signCount = authData->signCount;
    key.attestationFormat = format;
    key.createdAtMs = m_clock.nowMs();
    if (auto ok = m_store.securityKeys().insert(key); !ok) {
        qCWarning(lcAuth) << "cannot store a security key:" << ok.error();
        return context.fail(ApiError::internal());
    }
    audit(context,
          QStringLiteral("security_key_registered"),
          {{QStringLiteral("key_id"), key.id},
           {QStringLiteral("name"), key.name},
           {QStringLiteral("algorithm"), QLatin1String(CoseKey::algorithmName(key.algorithm))},
           {QStringLiteral("attestation_format"), key.attestationFormat},
           {QStringLiteral("user_verified"), authData->userVerified()}});
    JsonWriter json;
    write(json, key);
    context.respond(HttpResponse::jsonBody(json.take(), 201));
}

void SecurityKeyRoutes::rename(const RequestContext& context)
{
    FieldReader body(context.body);
    const QString name = body.string(QStringLiteral("name"), nameRule);
    auto key = m_store.securityKeys().byId(context.principal->accountId, context.param(u"id"));
    if (!key)
        return context.fail(ApiError::notFound());
    if (!body.ok())
        return context.fail(*body.error());
    if (auto ok = m_store.securityKeys().rename(key->id, name); !ok)
        return context.fail(ApiError::internal());
    audit(context,
          QStringLiteral("security_key_renamed"),
          {{QStringLiteral("key_id"), key->id}, {QStringLiteral("from"), key->name}, {QStringLiteral("to"), name}});
    key->name = name;
    JsonWriter json;
    write(json, *key);
    context.respond(HttpResponse::jsonBody(json.take()));
}

void SecurityKeyRoutes::remove(const RequestContext& context)
{
    const auto grant =
        ownerStepUp(context, m_stepUp, QStringLiteral("Confirm it's you before removing a security key."));
    if (!grant)
        return;
    const auto key = m_store.securityKeys().byId(context.principal->accountId, context.param(u"id"));
    if (!key)
        return context.fail(ApiError::notFound());
    // No "last method" refusal: the password (and email codes) always remain as step-up methods.
    if (auto ok = m_store.securityKeys().remove(key->id); !ok)
        return context.fail(ApiError::internal());
    audit(context,
          QStringLiteral("security_key_removed"),
          {{QStringLiteral("key_id"), key->id},
           {QStringLiteral("name"), key->name},
           {QStringLiteral("verification"), grant->method}});
    context.respond(HttpResponse::noContent());
}

} // namespace mockd
