#include "store/DeviceListing.h"

#include "store/DeviceStore.h"
#include "store/SessionStore.h"

#include <limits>
#include <utility>

namespace mockd {

namespace {

constexpr int typeCount = 7;
constexpr int statusCount = 4;
constexpr int bucketCount = typeCount * statusCount;

// The bucket of a status and a type; -1 for values the contract does not know (never filtered in).
int bucketOf(const Device& device)
{
    const qsizetype status = Device::statuses().indexOf(device.status);
    const qsizetype type = Device::types().indexOf(device.type);
    if (status < 0 || type < 0)
        return -1;
    return int(status) * typeCount + int(type);
}

bool bucketMatches(int bucket, DeviceListing::Filter filter)
{
    const int status = bucket / typeCount;
    const int type = bucket % typeCount;
    return (filter.statuses == 0 || (filter.statuses & (1u << status))) &&
           (filter.types == 0 || (filter.types & (1u << type)));
}

} // namespace

struct DeviceListing::AccountIndex
{
    struct SessionEntry
    {
        QString deviceId;
        qint64 issuedAtMs = 0;
        qint64 expiresAtMs = 0;
        bool counted = false; // live at (notBeforeMs, nowMs)
    };
    struct DeviceEntry
    {
        Key key;
        int bucket = -1;
        int liveSessions = 0;
        bool known = false; // saved through the device store (a session may come first)
    };

    // The not_before and time the `counted` flags were worked out for.
    qint64 notBeforeMs = std::numeric_limits<qint64>::min();
    qint64 nowMs = std::numeric_limits<qint64>::min();
    QHash<QString, SessionEntry> sessions;         // every session not revoked (an expired one may come back)
    std::set<std::pair<qint64, QString>> byIssue;  // counted sessions
    std::set<std::pair<qint64, QString>> byExpiry; // counted sessions
    QHash<QString, DeviceEntry> devices;
    std::set<Key> listed;
    std::array<std::set<Key>, bucketCount> byBucket;
    quint64 generation = 0;

    bool qualifies(const SessionEntry& s) const { return s.issuedAtMs >= notBeforeMs && s.expiresAtMs > nowMs; }

    void list(const DeviceEntry& device)
    {
        ++generation;
        listed.insert(device.key);
        if (device.bucket >= 0)
            byBucket[size_t(device.bucket)].insert(device.key);
    }

    void unlist(const DeviceEntry& device)
    {
        ++generation;
        listed.erase(device.key);
        if (device.bucket >= 0)
            byBucket[size_t(device.bucket)].erase(device.key);
    }

    void count(const QString& sessionId, SessionEntry& session)
    {
        session.counted = true;
        byIssue.emplace(session.issuedAtMs, sessionId);
        byExpiry.emplace(session.expiresAtMs, sessionId);
        DeviceEntry& device = devices[session.deviceId];
        if (++device.liveSessions == 1 && device.known)
            list(device);
    }

    void uncount(const QString& sessionId, SessionEntry& session)
    {
        session.counted = false;
        byIssue.erase({session.issuedAtMs, sessionId});
        byExpiry.erase({session.expiresAtMs, sessionId});
        const auto device = devices.find(session.deviceId);
        if (device != devices.end() && --device->liveSessions == 0 && device->known)
            unlist(*device);
    }

    // Every session again: for a clock or not_before that moved back.
    void reevaluate()
    {
        for (auto it = sessions.begin(); it != sessions.end(); ++it) {
            const bool live = qualifies(*it);
            if (live && !it->counted)
                count(it.key(), *it);
            else if (!live && it->counted)
                uncount(it.key(), *it);
        }
    }
};

DeviceListing::DeviceListing() = default;

DeviceListing::~DeviceListing() = default;

DeviceListing::AccountIndex& DeviceListing::indexOf(const QString& accountId) const
{
    auto it = m_accounts.find(accountId);
    if (it == m_accounts.end())
        it = m_accounts.insert(accountId, std::make_shared<AccountIndex>());
    return **it;
}

void DeviceListing::clear()
{
    m_accounts.clear();
}

void DeviceListing::rebuild(const DeviceStore& devices, const SessionStore& sessions)
{
    clear();
    devices.forEach([this](const Device& device) { deviceSaved(device); });
    sessions.forEach([this](const Session& session) { sessionSaved(session); });
}

void DeviceListing::deviceSaved(const Device& device)
{
    AccountIndex& index = indexOf(device.accountId);
    AccountIndex::DeviceEntry& entry = index.devices[device.id];
    const Key key{device.firstSignInMs, device.id};
    const int bucket = bucketOf(device);
    if (entry.known && entry.bucket == bucket && !(entry.key < key) && !(key < entry.key))
        return;
    const bool listed = entry.known && entry.liveSessions > 0;
    if (listed)
        index.unlist(entry);
    entry.key = key;
    entry.bucket = bucket;
    entry.known = true;
    if (entry.liveSessions > 0)
        index.list(entry);
}

void DeviceListing::sessionSaved(const Session& session)
{
    AccountIndex& index = indexOf(session.accountId);
    auto it = index.sessions.find(session.id);
    if (it != index.sessions.end() && it->counted)
        index.uncount(it.key(), *it);
    if (session.isRevoked()) {
        // Revocation is for good: the session never counts again.
        if (it != index.sessions.end())
            index.sessions.erase(it);
        return;
    }
    if (it == index.sessions.end())
        it = index.sessions.insert(session.id, {});
    it->deviceId = session.deviceId;
    it->issuedAtMs = session.issuedAtMs;
    it->expiresAtMs = session.expiresAtMs;
    if (index.qualifies(*it))
        index.count(it.key(), *it);
}

DeviceListing::AccountIndex& DeviceListing::refreshed(const Account& account, qint64 nowMs) const
{
    AccountIndex& index = indexOf(account.id);
    const bool back = account.notBeforeMs < index.notBeforeMs || nowMs < index.nowMs;
    index.notBeforeMs = account.notBeforeMs;
    index.nowMs = nowMs;
    if (back) {
        index.reevaluate();
        return index;
    }
    while (!index.byIssue.empty() && index.byIssue.begin()->first < index.notBeforeMs) {
        const QString id = index.byIssue.begin()->second;
        index.uncount(id, index.sessions[id]);
    }
    while (!index.byExpiry.empty() && index.byExpiry.begin()->first <= index.nowMs) {
        const QString id = index.byExpiry.begin()->second;
        index.uncount(id, index.sessions[id]);
    }
    return index;
}

quint64 DeviceListing::generation(const Account& account, qint64 nowMs) const
{
    return refreshed(account, nowMs).generation;
}

qsizetype DeviceListing::count(const Account& account, qint64 nowMs, Filter filter) const
{
    const AccountIndex& index = refreshed(account, nowMs);
    if (filter.any())
        return qsizetype(index.listed.size());
    qsizetype total = 0;
    for (int bucket = 0; bucket < bucketCount; ++bucket) {
        if (bucketMatches(bucket, filter))
            total += qsizetype(index.byBucket[size_t(bucket)].size());
    }
    return total;
}

qsizetype DeviceListing::count(const Account& account, qint64 nowMs) const
{
    return count(account, nowMs, Filter());
}

bool DeviceListing::isListed(const Device& device, const Account& account, qint64 nowMs) const
{
    const AccountIndex& index = refreshed(account, nowMs);
    const auto it = index.devices.constFind(device.id);
    return it != index.devices.constEnd() && it->known && it->liveSessions > 0;
}

DeviceListing::Page DeviceListing::page(
    const Account& account, qint64 nowMs, Filter filter, const std::optional<Key>& after, qsizetype limit) const
{
    const AccountIndex& index = refreshed(account, nowMs);

    // The sets that match, each from just after the cursor; merged in key order.
    using Iterator = std::set<Key>::const_iterator;
    std::vector<std::pair<Iterator, Iterator>> runs;
    const auto addRun = [&](const std::set<Key>& keys) {
        Iterator from = after ? keys.upper_bound(*after) : keys.begin();
        if (from != keys.end())
            runs.emplace_back(from, keys.end());
    };
    if (filter.any()) {
        addRun(index.listed);
    } else {
        for (int bucket = 0; bucket < bucketCount; ++bucket) {
            if (bucketMatches(bucket, filter))
                addRun(index.byBucket[size_t(bucket)]);
        }
    }

    Page page;
    if (limit > 0)
        page.deviceIds.reserve(qMin<qsizetype>(limit, qsizetype(index.listed.size())));
    while (!runs.empty()) {
        size_t smallest = 0;
        for (size_t i = 1; i < runs.size(); ++i) {
            if (*runs[i].first < *runs[smallest].first)
                smallest = i;
        }
        if (limit >= 0 && page.deviceIds.size() == limit) {
            page.more = true;
            break;
        }
        auto& run = runs[smallest];
        page.deviceIds.append(run.first->id);
        if (++run.first == run.second)
            runs.erase(runs.begin() + qsizetype(smallest));
    }
    return page;
}

std::optional<DeviceListing::Filter> DeviceListing::filterOf(const QStringList& statuses, const QStringList& types)
{
    Filter filter;
    for (const QString& status : statuses) {
        const qsizetype i = Device::statuses().indexOf(status);
        if (i < 0)
            return std::nullopt;
        filter.statuses |= 1u << i;
    }
    for (const QString& type : types) {
        const qsizetype i = Device::types().indexOf(type);
        if (i < 0)
            return std::nullopt;
        filter.types |= 1u << i;
    }
    return filter;
}

} // namespace mockd
