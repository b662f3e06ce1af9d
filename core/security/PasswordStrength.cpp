#include "core/security/PasswordStrength.h"

#include <QByteArrayList>
#include <QFile>
#include <QLoggingCategory>
#include <cmath>
#include <vector>
#include <zxcvbn.h>

namespace vigil {

namespace {

Q_LOGGING_CATEGORY(lcSecurity, "vigil.core.security")

QSet<QString> loadBlocklist()
{
    QSet<QString> out;
    QFile file(QStringLiteral(":/passwords/common.txt"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        qCWarning(lcSecurity) << "cannot read the common-password list";
        return out;
    }
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            out.insert(line.toLower());
    }
    return out;
}

} // namespace

PasswordStrength::PasswordStrength() : m_blocklist(loadBlocklist()) {}

bool PasswordStrength::isBlocked(const QString& password) const
{
    return m_blocklist.contains(password.toLower());
}

int PasswordStrength::scoreForEntropy(double bits)
{
    // zxcvbn's own thresholds, in guesses: 10^3, 10^6, 10^8, 10^10.
    const double guessesLog10 = bits * std::log10(2.0);
    if (guessesLog10 < 3)
        return 0;
    if (guessesLog10 < 6)
        return 1;
    if (guessesLog10 < 8)
        return 2;
    if (guessesLog10 < 10)
        return 3;
    return 4;
}

PasswordAssessment PasswordStrength::assess(const QString& password, const QStringList& userWords) const
{
    PasswordAssessment out;
    const qsizetype length = password.toUcs4().size();
    out.tooShort = length < minLength;
    out.tooLong = length > maxLength;
    out.blocked = isBlocked(password);
    if (!password.isEmpty() && !out.tooLong) {
        QByteArrayList words;
        for (const QString& word : userWords) {
            if (!word.isEmpty())
                words.append(word.toLower().toUtf8());
        }
        std::vector<const char*> dictionary;
        for (const QByteArray& word : std::as_const(words))
            dictionary.push_back(word.constData());
        dictionary.push_back(nullptr);
        const QByteArray utf8 = password.toUtf8();
        out.entropyBits = ZxcvbnMatch(utf8.constData(), dictionary.data(), nullptr);
        out.score = scoreForEntropy(out.entropyBits);
    }
    if (out.blocked)
        out.score = 0;

    static const char* const labels[] = {QT_TR_NOOP("Very weak"),
                                         QT_TR_NOOP("Weak"),
                                         QT_TR_NOOP("Fair"),
                                         QT_TR_NOOP("Strong"),
                                         QT_TR_NOOP("Very strong")};
    out.label = tr(labels[out.score]);

    if (password.isEmpty())
        out.feedback.clear();
    else if (out.tooLong)
        out.feedback = tr("Use at most 128 characters.");
    else if (out.blocked)
        out.feedback = tr("This is one of the most common passwords. Choose another one.");
    else if (out.tooShort)
        out.feedback = tr("Use at least 8 characters; 15 or more is better.");
    else if (out.score < 3)
        out.feedback = tr("Add another word or two. Uncommon words are better.");
    else if (length < recommendedLength)
        out.feedback = tr("Good. A passphrase of 15 characters or more is even better.");
    return out;
}

} // namespace vigil
