#include "SoftwareAuthenticator.h"

#include <QCborMap>
#include <QCborValue>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>
#include <algorithm>
#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

namespace {

struct PkeyFree
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

constexpr int credentialIdBytes = 48;
constexpr int coordinateBytes = 32;

Pkey generate(SoftwareAuthenticator::Algorithm algorithm)
{
    if (algorithm == SoftwareAuthenticator::Algorithm::Es256)
        return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
}

QByteArray bignumParam(const EVP_PKEY* key, const char* name)
{
    BIGNUM* value = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &value) != 1)
        return {};
    QByteArray out(coordinateBytes, Qt::Uninitialized);
    const bool ok =
        BN_bn2binpad(value, reinterpret_cast<unsigned char*>(out.data()), coordinateBytes) == coordinateBytes;
    BN_free(value);
    return ok ? out : QByteArray();
}

// The public key as COSE_Key (RFC 9053), in CTAP2's canonical key order.
QByteArray coseKey(const EVP_PKEY* key, SoftwareAuthenticator::Algorithm algorithm)
{
    QCborMap map;
    if (algorithm == SoftwareAuthenticator::Algorithm::Es256) {
        const QByteArray x = bignumParam(key, OSSL_PKEY_PARAM_EC_PUB_X);
        const QByteArray y = bignumParam(key, OSSL_PKEY_PARAM_EC_PUB_Y);
        if (x.isEmpty() || y.isEmpty())
            return {};
        map.insert(1, 2);  // kty: EC2
        map.insert(3, -7); // alg: ES256
        map.insert(-1, 1); // crv: P-256
        map.insert(-2, x);
        map.insert(-3, y);
    } else {
        QByteArray x(coordinateBytes, Qt::Uninitialized);
        size_t length = size_t(x.size());
        if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(x.data()), &length) != 1)
            return {};
        map.insert(1, 1);  // kty: OKP
        map.insert(3, -8); // alg: EdDSA
        map.insert(-1, 6); // crv: Ed25519
        map.insert(-2, x);
    }
    return map.toCborValue().toCbor();
}

QByteArray sign(EVP_PKEY* key, SoftwareAuthenticator::Algorithm algorithm, const QByteArray& message)
{
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    QByteArray out;
    const EVP_MD* digest = algorithm == SoftwareAuthenticator::Algorithm::Es256 ? EVP_sha256() : nullptr;
    size_t length = 0;
    const auto* data = reinterpret_cast<const unsigned char*>(message.constData());
    if (EVP_DigestSignInit(context, nullptr, digest, nullptr, key) == 1 &&
        EVP_DigestSign(context, nullptr, &length, data, size_t(message.size())) == 1) {
        out.resize(qsizetype(length));
        if (EVP_DigestSign(
                context, reinterpret_cast<unsigned char*>(out.data()), &length, data, size_t(message.size())) == 1)
            out.resize(qsizetype(length));
        else
            out.clear();
    }
    EVP_MD_CTX_free(context);
    return out;
}

QByteArray toPem(EVP_PKEY* key)
{
    BIO* bio = BIO_new(BIO_s_mem());
    QByteArray out;
    if (PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr) == 1) {
        char* data = nullptr;
        const long length = BIO_get_mem_data(bio, &data);
        out = QByteArray(data, qsizetype(length));
    }
    BIO_free(bio);
    return out;
}

Pkey fromPem(const QByteArray& pem)
{
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    Pkey key(PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr));
    BIO_free(bio);
    return key;
}

QByteArray bigEndian32(quint32 value)
{
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian(value, out.data());
    return out;
}

} // namespace

struct SoftwareAuthenticator::Credential
{
    QByteArray id;
    QString rpId;
    Algorithm algorithm = Algorithm::Es256;
    std::shared_ptr<EVP_PKEY> key; // shared: QList copies its items
    quint32 counter = 0;
};

SoftwareAuthenticator::SoftwareAuthenticator() = default;
SoftwareAuthenticator::~SoftwareAuthenticator() = default;

QList<SoftwareAuthenticator::Credential>::iterator SoftwareAuthenticator::find(const QByteArray& credentialId)
{
    return std::find_if(
        m_credentials.begin(), m_credentials.end(), [&](const Credential& c) { return c.id == credentialId; });
}

QList<SoftwareAuthenticator::Credential>::const_iterator
SoftwareAuthenticator::find(const QByteArray& credentialId) const
{
    return std::find_if(
        m_credentials.cbegin(), m_credentials.cend(), [&](const Credential& c) { return c.id == credentialId; });
}

std::optional<SoftwareAuthenticator::Registration> SoftwareAuthenticator::makeCredential(
    const QString& rpId, const QByteArray& clientDataHash, Algorithm algorithm, const Knobs& knobs)
{
    if (clientDataHash.size() != 32)
        return std::nullopt;
    Credential credential;
    credential.rpId = rpId;
    credential.algorithm = algorithm;
    credential.key = generate(algorithm);
    credential.id = QByteArray(credentialIdBytes, Qt::Uninitialized);
    if (!credential.key ||
        RAND_bytes(reinterpret_cast<unsigned char*>(credential.id.data()), int(credential.id.size())) != 1)
        return std::nullopt;
    const QByteArray cose = coseKey(credential.key.get(), algorithm);
    if (cose.isEmpty())
        return std::nullopt;
    credential.counter = knobs.counter.value_or(0);

    QByteArray data = sha256(rpId.toUtf8());
    data.append(char(knobs.flags.value_or(userPresent | attestedData)));
    data.append(bigEndian32(credential.counter));
    data.append(QByteArray(16, '\0')); // AAGUID: none, as with attestation `none`
    QByteArray length(2, Qt::Uninitialized);
    qToBigEndian(quint16(credential.id.size()), length.data());
    data.append(length);
    data.append(credential.id);
    data.append(cose);

    Registration registration{credential.id, data};
    m_credentials.append(std::move(credential));
    return registration;
}

std::optional<SoftwareAuthenticator::Assertion> SoftwareAuthenticator::getAssertion(const QString& rpId,
                                                                                    const QByteArray& clientDataHash,
                                                                                    const QByteArray& credentialId,
                                                                                    const Knobs& knobs,
                                                                                    bool anyRp)
{
    const auto it = find(credentialId);
    if (it == m_credentials.end() || (!anyRp && it->rpId != rpId) || clientDataHash.size() != 32)
        return std::nullopt;
    it->counter = knobs.counter.value_or(it->counter + 1);
    QByteArray data = sha256(rpId.toUtf8());
    data.append(char(knobs.flags.value_or(userPresent)));
    data.append(bigEndian32(it->counter));

    Pkey other;
    EVP_PKEY* key = it->key.get();
    if (knobs.wrongKey) {
        other = generate(it->algorithm);
        key = other.get();
    }
    const QByteArray signature = sign(key, it->algorithm, data + clientDataHash);
    if (signature.isEmpty())
        return std::nullopt;
    return Assertion{it->id, data, signature};
}

QByteArray SoftwareAuthenticator::pick(const QString& rpId, const QList<QByteArray>& allowed) const
{
    for (const Credential& credential : m_credentials) {
        if (credential.rpId == rpId && (allowed.isEmpty() || allowed.contains(credential.id)))
            return credential.id;
    }
    return {};
}

std::optional<quint32> SoftwareAuthenticator::counter(const QByteArray& credentialId) const
{
    const auto it = find(credentialId);
    if (it == m_credentials.cend())
        return std::nullopt;
    return it->counter;
}

qsizetype SoftwareAuthenticator::credentialCount() const
{
    return m_credentials.size();
}

QJsonObject SoftwareAuthenticator::save() const
{
    QJsonArray credentials;
    for (const Credential& credential : m_credentials) {
        credentials.append(QJsonObject{{QStringLiteral("id"), base64Url(credential.id)},
                                       {QStringLiteral("rp_id"), credential.rpId},
                                       {QStringLiteral("algorithm"), int(credential.algorithm)},
                                       {QStringLiteral("counter"), qint64(credential.counter)},
                                       {QStringLiteral("key"), QString::fromLatin1(toPem(credential.key.get()))}});
    }
    return {{QStringLiteral("credentials"), credentials}};
}

bool SoftwareAuthenticator::load(const QJsonObject& saved)
{
    QList<Credential> loaded;
    for (const QJsonValue& value : saved.value(QStringLiteral("credentials")).toArray()) {
        const QJsonObject o = value.toObject();
        Credential credential;
        credential.id = fromBase64Url(o.value(QStringLiteral("id")).toString());
        credential.rpId = o.value(QStringLiteral("rp_id")).toString();
        const int algorithm = o.value(QStringLiteral("algorithm")).toInt();
        if (algorithm != int(Algorithm::Es256) && algorithm != int(Algorithm::EdDsa))
            return false;
        credential.algorithm = Algorithm(algorithm);
        credential.counter = quint32(o.value(QStringLiteral("counter")).toInteger());
        credential.key = fromPem(o.value(QStringLiteral("key")).toString().toLatin1());
        if (credential.id.isEmpty() || !credential.key)
            return false;
        loaded.append(std::move(credential));
    }
    m_credentials = std::move(loaded);
    return true;
}

QByteArray SoftwareAuthenticator::clientDataJson(const QString& type, const QString& challenge, const QString& origin)
{
    const QJsonObject data{
        {QStringLiteral("type"), type}, {QStringLiteral("challenge"), challenge}, {QStringLiteral("origin"), origin}};
    return QJsonDocument(data).toJson(QJsonDocument::Compact);
}

QByteArray SoftwareAuthenticator::sha256(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

QString SoftwareAuthenticator::base64Url(const QByteArray& data)
{
    return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray SoftwareAuthenticator::fromBase64Url(const QString& text)
{
    return QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding);
}
