#include "journal/RequestJournal.h"

#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "faults/PathGlob.h"
#include "log/Redaction.h"

#include <QJsonDocument>

namespace mockd {

RequestJournal::RequestJournal(const Clock& clock, AccountResolver resolver, qsizetype capacity)
    : m_clock(clock), m_resolver(std::move(resolver)), m_capacity(qMax<qsizetype>(1, capacity))
{}

RequestJournal::~RequestJournal() = default;

QJsonValue RequestJournal::redactedBody(const QByteArray& body, bool* truncated)
{
    *truncated = false;
    if (body.isEmpty())
        return QJsonValue::Null;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || document.isNull()) {
        // Not JSON: there is no telling which part is a secret, so nothing of it is kept.
        return QStringLiteral("<%1 bytes, not JSON>").arg(body.size());
    }
    const QJsonValue redacted =
        Redaction::redactJson(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()));
    const QJsonDocument out =
        redacted.isObject() ? QJsonDocument(redacted.toObject()) : QJsonDocument(redacted.toArray());
    QString text = QString::fromUtf8(out.toJson(QJsonDocument::Compact));
    if (text.size() > maxBodyChars) {
        *truncated = true;
        text.truncate(maxBodyChars);
        text += QChar(0x2026);
    }
    return Redaction::escapeControl(text);
}

void RequestJournal::answered(const HttpRequest& request, int status, qint64 elapsedUs, const FaultPlan* fault)
{
    Entry entry;
    entry.seq = m_nextSeq++;
    entry.timeMs = m_clock.nowMs() - elapsedUs / 1000;
    entry.method = request.method;
    entry.path = request.path;
    entry.target = Redaction::redactTarget(request.path, request.query);
    entry.status = status;
    entry.elapsedUs = elapsedUs;
    entry.account = m_resolver ? m_resolver(request) : QString();
    entry.body = redactedBody(request.body, &entry.bodyTruncated);
    if (fault) {
        entry.faultId = fault->ruleId;
        entry.faultType = fault->type;
    }
    m_entries.push_back(std::move(entry));
    while (qsizetype(m_entries.size()) > m_capacity)
        m_entries.pop_front();
}

QJsonArray RequestJournal::entries(const Filter& filter) const
{
    std::vector<const Entry*> picked;
    // Newest first while collecting, so `limit` keeps the newest; shown oldest first.
    for (auto it = m_entries.rbegin(); it != m_entries.rend() && qsizetype(picked.size()) < filter.limit; ++it) {
        const Entry& entry = *it;
        if (filter.sinceMs && entry.timeMs < *filter.sinceMs)
            continue;
        if (!filter.method.isEmpty() && entry.method != filter.method)
            continue;
        if (!filter.account.isEmpty() && entry.account.compare(filter.account, Qt::CaseInsensitive) != 0)
            continue;
        if (!filter.path.isEmpty() && !PathGlob::matches(filter.path, entry.path))
            continue;
        picked.push_back(&entry);
    }
    QJsonArray out;
    for (auto it = picked.rbegin(); it != picked.rend(); ++it)
        out.append(toJson(**it));
    return out;
}

void RequestJournal::clear()
{
    m_entries.clear();
}

QJsonObject RequestJournal::toJson(const Entry& entry)
{
    QJsonObject json{
        {QStringLiteral("seq"), double(entry.seq)},
        {QStringLiteral("time"), TimeFormat::toRfc3339Ms(entry.timeMs)},
        {QStringLiteral("method"), QString::fromLatin1(entry.method)},
        {QStringLiteral("path"), Redaction::redactText(entry.path)},
        {QStringLiteral("target"), entry.target},
        {QStringLiteral("status"), entry.status == 0 ? QJsonValue() : QJsonValue(entry.status)},
        {QStringLiteral("duration_ms"), double(entry.elapsedUs / 100) / 10.0},
        {QStringLiteral("account"), entry.account.isEmpty() ? QJsonValue() : QJsonValue(entry.account)},
        {QStringLiteral("body"), entry.body},
    };
    if (entry.bodyTruncated)
        json.insert(QStringLiteral("body_truncated"), true);
    json.insert(QStringLiteral("fault"),
                entry.faultId.isEmpty() ? QJsonValue()
                                        : QJsonValue(QJsonObject{{QStringLiteral("id"), entry.faultId},
                                                                 {QStringLiteral("type"), entry.faultType}}));
    return json;
}

} // namespace mockd
