#pragma once

#include "http/RequestHooks.h"

#include <QJsonArray>
#include <QJsonObject>
#include <deque>
#include <functional>
#include <optional>

namespace mockd {

class Clock;

// The last requests outside the admin API (GET /__admin/requests), oldest first, in a bounded ring.
// Only redacted data is kept: the target through Redaction::redactTarget, a JSON body through
// Redaction::redactJson (then cut to about 2 KiB), any other body as its size; headers never.
class RequestJournal final : public RequestObserver
{
public:
    using AccountResolver = std::function<QString(const HttpRequest& request)>;

    static constexpr qsizetype defaultCapacity = 5000;
    static constexpr qsizetype maxBodyChars = 2048;

    struct Filter
    {
        QString path; // PathGlob pattern; empty: any
        QByteArray method;
        QString account;
        std::optional<qint64> sinceMs;
        qsizetype limit = 100; // the newest `limit` of those that match
    };

    RequestJournal(const Clock& clock, AccountResolver resolver, qsizetype capacity = defaultCapacity);
    ~RequestJournal() override;
    RequestJournal(const RequestJournal&) = delete;
    RequestJournal& operator=(const RequestJournal&) = delete;

    void answered(const HttpRequest& request, int status, qint64 elapsedUs, const FaultPlan* fault) override;

    QJsonArray entries(const Filter& filter) const;
    void clear();
    qsizetype size() const { return qsizetype(m_entries.size()); }

    // The body as the journal shows it: null, redacted JSON text (cut after maxBodyChars), or a note.
    static QJsonValue redactedBody(const QByteArray& body, bool* truncated);

private:
    struct Entry
    {
        qint64 seq = 0;
        qint64 timeMs = 0;
        QByteArray method;
        QString path;
        QString target; // path + redacted query
        int status = 0;
        qint64 elapsedUs = 0;
        QString account;
        QJsonValue body;
        bool bodyTruncated = false;
        QString faultId;
        QString faultType;
    };
    static QJsonObject toJson(const Entry& entry);

    const Clock& m_clock;
    AccountResolver m_resolver;
    qsizetype m_capacity;
    std::deque<Entry> m_entries;
    qint64 m_nextSeq = 1;
};

} // namespace mockd
