#pragma once

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <QStringList>

namespace vigil {

// What the app thinks of a new password before the service (the authority) decides.
struct PasswordAssessment
{
    int score = 0;          // 0 (very weak) .. 4 (very strong), zxcvbn's scale
    double entropyBits = 0; // zxcvbn's estimate
    bool tooShort = false;  // fewer than minLength characters
    bool tooLong = false;   // more than maxLength characters
    bool blocked = false;   // in the shipped common-password list
    QString label;          // "Very weak" .. "Very strong"
    QString feedback;       // one sentence of advice, empty when there is nothing to add

    // What the service will accept as far as the app can tell.
    bool acceptable() const { return !tooShort && !tooLong && !blocked; }
};

// A live strength estimate from zxcvbn (libzxcvbn's entropy, mapped to its 0..4 score) plus an
// early warning from the same common-password list vigil-mockd enforces (:/passwords/common.txt).
class PasswordStrength final
{
    Q_DECLARE_TR_FUNCTIONS(PasswordStrength)

public:
    static constexpr int minLength = 8;
    static constexpr int recommendedLength = 15;
    static constexpr int maxLength = 128;

    PasswordStrength();

    // `userWords`: words that make a password weak for this user (email, display name).
    PasswordAssessment assess(const QString& password, const QStringList& userWords = {}) const;
    // Case-insensitive, like the service.
    bool isBlocked(const QString& password) const;
    qsizetype blocklistSize() const { return m_blocklist.size(); }

    static int scoreForEntropy(double bits);

private:
    QSet<QString> m_blocklist;
};

} // namespace vigil
