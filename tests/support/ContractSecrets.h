#pragma once

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

// The token prefixes api/openapi.yaml declares (its `x-secret-prefixes` list) and every prefix it
// mentions anywhere (`vat_…` in a description). Both sides' log redaction is tested against them,
// so a prefix added to the contract without redaction in the app and the service fails a test.
struct ContractSecrets
{
    QStringList listed;    // x-secret-prefixes, in order
    QStringList mentioned; // every `v??_` written in the contract, sorted
    QString error;         // why the contract could not be read

    static ContractSecrets read()
    {
        ContractSecrets out;
        const QString path = qEnvironmentVariable("VIGIL_SOURCE_DIR") + QStringLiteral("/api/openapi.yaml");
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            out.error = QStringLiteral("cannot read ") + path;
            return out;
        }
        const QString text = QString::fromUtf8(file.readAll());
        static const QRegularExpression list(QStringLiteral("^x-secret-prefixes:\\s*\\[([^\\]]*)\\]"),
                                             QRegularExpression::MultilineOption);
        const QRegularExpressionMatch match = list.match(text);
        if (!match.hasMatch()) {
            out.error = QStringLiteral("no top-level x-secret-prefixes: [...] list in ") + path;
            return out;
        }
        for (const QString& item : match.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts))
            out.listed.append(item.trimmed().remove(QLatin1Char('\'')).remove(QLatin1Char('"')));
        // Three letters starting with v and an underscore, not inside a longer word.
        static const QRegularExpression mention(QStringLiteral("(?<![A-Za-z0-9_])v[a-z]{2}_"));
        QSet<QString> seen;
        auto it = mention.globalMatch(text);
        while (it.hasNext())
            seen.insert(it.next().captured());
        out.mentioned = QStringList(seen.begin(), seen.end());
        out.mentioned.sort();
        return out;
    }

    // A token of this prefix shaped like the service makes them (43 base64url characters).
    static QString sampleToken(const QString& prefix)
    {
        return prefix + QStringLiteral("Zx9-Qm3_kT7pLw2RvN8cYb4HsJ6dFg1aEu5iOo0Wq3r");
    }
};
