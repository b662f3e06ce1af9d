#pragma once

#include "store/Records.h"

#include <QHash>
#include <QList>
#include <QString>
#include <array>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace mockd {

class DeviceStore;
class SessionStore;

// Which devices of each account are listed (at least one live session: not revoked, issued at or
// after the account's not_before, not expired), kept in the order of GET /v1/devices
// (first_sign_in, id) and counted per status and type. The stores tell it every change as they
// make it, so a page costs O(log n + page) and a count O(1), however many devices the account has.
//
// Sessions leave the listing by revocation (told), by not_before moving on ("sign out all", one
// write) and by expiry (time passing): those two are applied lazily by the next read, from sets
// ordered by issue and expiry time, so each session is dropped once and "sign out all" stays one
// write. When the clock or not_before moves back (QA moves the clock), the account is rebuilt.
class DeviceListing final
{
public:
    // The keyset position of a device in the list.
    struct Key
    {
        qint64 firstSignInMs = 0;
        QString id;

        friend bool operator<(const Key& a, const Key& b)
        {
            return a.firstSignInMs != b.firstSignInMs ? a.firstSignInMs < b.firstSignInMs : a.id < b.id;
        }
    };

    // Bit i set: the i-th entry of Device::statuses() (types()) matches; 0: any.
    struct Filter
    {
        quint32 statuses = 0;
        quint32 types = 0;
        bool any() const { return statuses == 0 && types == 0; }
    };

    struct Page
    {
        QStringList deviceIds;
        bool more = false; // listed devices after the last one shown
    };

    DeviceListing();
    ~DeviceListing();
    DeviceListing(const DeviceListing&) = delete;
    DeviceListing& operator=(const DeviceListing&) = delete;

    // What the stores tell it, after memory changed.
    void deviceSaved(const Device& device);
    void sessionSaved(const Session& session);
    void clear();
    // From everything in memory (after loading the stores).
    void rebuild(const DeviceStore& devices, const SessionStore& sessions);

    // Reads: each first applies the account's not_before and the time.
    qsizetype count(const Account& account, qint64 nowMs, Filter filter) const;
    qsizetype count(const Account& account, qint64 nowMs) const;
    bool isListed(const Device& device, const Account& account, qint64 nowMs) const;
    // Listed devices after `after` (all when empty), at most `limit` (negative: no limit).
    Page
    page(const Account& account, qint64 nowMs, Filter filter, const std::optional<Key>& after, qsizetype limit) const;
    // Moves on whenever a device joins or leaves the account's list or changes its status or type,
    // also when time or not_before took it off.
    quint64 generation(const Account& account, qint64 nowMs) const;

    static std::optional<Filter> filterOf(const QStringList& statuses, const QStringList& types);

private:
    struct AccountIndex;

    AccountIndex& indexOf(const QString& accountId) const;
    // Brings the account to (not_before, now): what any read sees first.
    AccountIndex& refreshed(const Account& account, qint64 nowMs) const;

    // Mutable: a read applies the time first (a cache of what time and not_before imply).
    mutable QHash<QString, std::shared_ptr<AccountIndex>> m_accounts;
};

} // namespace mockd
