#include "auth/PasswordHasher.h"

#include "auth/HashingPool.h"
#include "base/Ids.h"
#include "log/LogCategories.h"

#include <sodium.h>

namespace mockd {

namespace {

bool ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

qsizetype codePoints(const QString& text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

QByteArray prepared(const QString& password)
{
    return password.normalized(QString::NormalizationForm_KC).toUtf8();
}

} // namespace

PasswordHasher::PasswordHasher(HashingPool& pool, QObject* parent) : QObject(parent), m_pool(pool)
{
    ensureSodium();
    QByteArray random(32, Qt::Uninitialized);
    randombytes_buf(random.data(), size_t(random.size()));
    const auto dummy = hash(QString::fromLatin1(random.toBase64()));
    if (dummy)
        m_dummyHash = *dummy;
    else
        qCCritical(lcAuth) << "cannot compute the dummy password hash";
}

PasswordHasher::~PasswordHasher() = default;

bool PasswordHasher::isTooLong(const QString& password)
{
    // Cheap bound first: more than 4 UTF-16 units per allowed character cannot be allowed.
    return password.size() > maxLength * 2 || codePoints(password) > maxLength;
}

Expected<QByteArray, PasswordHasher::Error> PasswordHasher::hash(const QString& password)
{
    if (password.isEmpty())
        return unexpected(Error::Empty);
    if (isTooLong(password))
        return unexpected(Error::TooLong);
    if (!ensureSodium())
        return unexpected(Error::Failed);
    const QByteArray bytes = prepared(password);
    QByteArray out(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str_alg(
            out.data(), bytes.constData(), quint64(bytes.size()), opsLimit, memLimit, crypto_pwhash_ALG_ARGON2ID13) !=
        0)
        return unexpected(Error::Failed);
    out.truncate(qstrnlen(out.constData(), out.size()));
    return out;
}

bool PasswordHasher::verify(const QByteArray& encodedHash, const QString& password)
{
    if (password.isEmpty() || isTooLong(password) || encodedHash.isEmpty() || !ensureSodium())
        return false;
    const QByteArray bytes = prepared(password);
    const QByteArray terminated = encodedHash + '\0';
    return crypto_pwhash_str_verify(terminated.constData(), bytes.constData(), quint64(bytes.size())) == 0;
}

bool PasswordHasher::verifyAsync(const QByteArray& encodedHash,
                                 const QString& password,
                                 QObject* context,
                                 std::function<void(bool)> done)
{
    return m_pool.run(
        context, [encodedHash, password] { return verify(encodedHash, password); }, std::move(done));
}

bool PasswordHasher::hashAsync(const QString& password,
                               QObject* context,
                               std::function<void(Expected<QByteArray, Error>)> done)
{
    return m_pool.run(
        context, [password] { return hash(password); }, std::move(done));
}

} // namespace mockd
