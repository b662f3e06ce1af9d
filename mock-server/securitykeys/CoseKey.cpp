#include "securitykeys/CoseKey.h"

#include <QCborMap>
#include <QCborValue>
#include <memory>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace mockd::CoseKey {

namespace {

// COSE_Key labels and values (RFC 9052 §7, RFC 9053 §7).
constexpr int ktyLabel = 1;
constexpr int algLabel = 3;
constexpr int crvLabel = -1;
constexpr int xLabel = -2;
constexpr int yLabel = -3;
constexpr int ktyOkp = 1;
constexpr int ktyEc2 = 2;
constexpr int crvP256 = 1;
constexpr int crvEd25519 = 6;
constexpr qsizetype coordinateBytes = 32;

struct PkeyFree
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

struct Parsed
{
    int algorithm = 0;
    Pkey key;
};

// An EC public key from an uncompressed point; OpenSSL refuses a point that is not on the curve.
Pkey p256Key(const QByteArray& x, const QByteArray& y)
{
    QByteArray point(1, '\x04');
    point.append(x).append(y);
    char group[] = "prime256v1";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point.data(), size_t(point.size())),
        OSSL_PARAM_construct_end(),
    };
    EVP_PKEY_CTX* context = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
    EVP_PKEY* key = nullptr;
    if (context && EVP_PKEY_fromdata_init(context) == 1)
        EVP_PKEY_fromdata(context, &key, EVP_PKEY_PUBLIC_KEY, params);
    EVP_PKEY_CTX_free(context);
    return Pkey(key);
}

Pkey ed25519Key(const QByteArray& x)
{
    return Pkey(EVP_PKEY_new_raw_public_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(x.constData()), size_t(x.size())));
}

std::optional<Parsed> parse(const QByteArray& coseKey)
{
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(coseKey, &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return std::nullopt;
    const QCborMap map = value.toMap();
    const qint64 kty = map.value(ktyLabel).toInteger(0);
    const qint64 alg = map.value(algLabel).toInteger(0);
    const qint64 crv = map.value(crvLabel).toInteger(0);
    const QByteArray x = map.value(xLabel).toByteArray();
    Parsed parsed;
    if (kty == ktyEc2 && alg == es256 && crv == crvP256) {
        const QByteArray y = map.value(yLabel).toByteArray();
        if (x.size() != coordinateBytes || y.size() != coordinateBytes)
            return std::nullopt;
        parsed.algorithm = es256;
        parsed.key = p256Key(x, y);
    } else if (kty == ktyOkp && alg == edDsa && crv == crvEd25519) {
        if (x.size() != coordinateBytes)
            return std::nullopt;
        parsed.algorithm = edDsa;
        parsed.key = ed25519Key(x);
    }
    if (!parsed.key)
        return std::nullopt;
    return parsed;
}

} // namespace

std::optional<int> algorithmOf(const QByteArray& coseKey)
{
    const auto parsed = parse(coseKey);
    if (!parsed)
        return std::nullopt;
    return parsed->algorithm;
}

const char* algorithmName(int algorithm)
{
    return algorithm == edDsa ? "eddsa" : "es256";
}

bool verify(const QByteArray& coseKey, const QByteArray& message, const QByteArray& signature)
{
    const auto parsed = parse(coseKey);
    if (!parsed || signature.isEmpty())
        return false;
    // EdDSA hashes inside the algorithm: no digest is named for it.
    const EVP_MD* digest = parsed->algorithm == es256 ? EVP_sha256() : nullptr;
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    const bool ok = context && EVP_DigestVerifyInit(context, nullptr, digest, nullptr, parsed->key.get()) == 1 &&
                    EVP_DigestVerify(context,
                                     reinterpret_cast<const unsigned char*>(signature.constData()),
                                     size_t(signature.size()),
                                     reinterpret_cast<const unsigned char*>(message.constData()),
                                     size_t(message.size())) == 1;
    EVP_MD_CTX_free(context);
    return ok;
}

} // namespace mockd::CoseKey
