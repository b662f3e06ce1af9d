#pragma once

#include "core/devices/Device.h"
#include "core/devices/RelativeTime.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <limits>
#include <optional>
#include <vector>

namespace vigil {

// Every device of the account, one row each, in the order they arrived. Sorting and filtering
// live in DeviceFilterModel. Live events update single rows by id: one dataChanged for one
// changed device, one insert or one remove — never a reset after the first load. A burst of
// updates (beginUpdates/endUpdates) is announced as one dataChanged over the rows it touched.
// No QtGui here: icons and status colours are exposed as names/enums in custom roles.
class DeviceListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceListModel)

public:
    enum Column
    {
        NameColumn,
        StatusColumn,
        ProfileColumn,
        LocationColumn,
        LastActiveColumn,
        TypeColumn,
        OsColumn,
        AppColumn,
        IpColumn,
        FirstSignInColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        IdRole = Qt::UserRole + 1,
        DeviceRole,     // vigil::Device
        TypeRole,       // int(Device::Type)
        TypeIconRole,   // "tv", "smartphone", …
        StatusRole,     // int(Device::Status)
        StatusIconRole, // "circle-play", …
        StatusTextRole,
        StatusTitleRole, // what is playing
        ProfileRole,
        IsCurrentRole,
        IncompleteRole,
        LastActiveRole,  // QDateTime (UTC), invalid when never active
        FirstSignInRole, // QDateTime (UTC)
        InactiveRole,    // bool: no activity for 90+ days
        CountryRole,     // ISO country code
        LocationRole,    // "Lisbon, Portugal"
        SearchKeyRole,   // folded text the filter searches
        SortRole,        // the value the column sorts by (DeviceSortKey)
        NewRole          // bool: new and not confirmed (Device::isNewAt, by the model's clock)
    };
    Q_ENUM(Role)

    enum class Change
    {
        Inserted,
        Updated,
        Unchanged,
        Removed,
        UnknownDevice,
        InvalidPayload,
        IgnoredEvent
    };
    Q_ENUM(Change)

    // The few facts the filter reads for every row, kept next to each other.
    struct Facts
    {
        Device::Status status = Device::Status::Unknown;
        Device::Type type = Device::Type::Unknown;
        bool isCurrent = false;
    };

    static constexpr qint64 noTime = std::numeric_limits<qint64>::min();
    static constexpr int familiarAfterDays = 30;

    explicit DeviceListModel(QObject* parent = nullptr);
    ~DeviceListModel() override;

    void setRelativeTime(const RelativeTime& relativeTime);
    const RelativeTime& relativeTime() const { return m_time; }

    // Replaces everything (one model reset). Later entries with an id already seen are dropped.
    void setDevices(const QList<Device>& devices);
    QList<Device> devices() const;
    // One dataChanged for the row when it changed, one insert when the id is new.
    Change upsert(const Device& device);
    bool remove(const QString& id);
    // "device.signed_in" (full device), "device.updated" (id plus the changed fields),
    // "device.removed" ({"id"}). The payload may also wrap the device as {"device": {...}}.
    Change applyEvent(QStringView type, const QJsonObject& payload);
    // A burst of live updates: until the matching endUpdates(), changed rows are gathered instead of
    // announced one by one; endUpdates() announces them with one dataChanged from the first to the
    // last, during which changedRows() names the rows in that span that really changed (so a proxy
    // need not look at the others). An insert or a removal announces what was gathered first.
    void beginUpdates();
    void endUpdates();
    // Ascending source rows; empty outside a burst's dataChanged (then the whole span changed).
    const std::vector<int>& changedRows() const { return m_announcing; }
    // Relative times ("2 min ago") and inactivity move with the clock: call this from a timer.
    void refreshRelativeTimes();

    int rowOf(const QString& id) const { return m_rowById.value(id, -1); }
    int incompleteCount() const;
    // Countries the account normally uses: the current device's, and those of devices first seen
    // more than 30 days ago. "Unfamiliar location" means a country outside this set.
    QSet<QString> usualCountries() const;

    // Fast read access for DeviceFilterModel (no QVariant, no allocation).
    const Device& deviceAt(int row) const { return m_rows[size_t(row)].device; }
    Facts factsAt(int row) const { return m_rows[size_t(row)].facts; }
    QStringView searchKeyAt(int row) const
    {
        const Row& entry = m_rows[size_t(row)];
        return QStringView(m_searchKeys.constData() + entry.keyStart, entry.keyLength);
    }
    const QString& locationTextAt(int row) const { return m_rows[size_t(row)].locationText; }
    qint64 lastActiveMsAt(int row) const { return m_rows[size_t(row)].lastActiveMs; }
    qint64 firstSignInMsAt(int row) const { return m_rows[size_t(row)].firstSignInMs; }
    bool isInactiveAt(int row, qint64 nowMs) const;
    bool isNewAt(int row, qint64 nowMs) const { return m_rows[size_t(row)].newUntilMs > nowMs; }
    // Whether this computer's own device is new now: a new Vigil can't confirm or sign others out.
    bool isCurrentNew() const { return currentNewUntil().isValid(); }
    // Until when this computer's own device is new; invalid when it is established (or unknown).
    QDateTime currentNewUntil() const;
    // New devices other than this computer's, now: the ones waiting for the owner to confirm them.
    int newOthersCount() const;
    bool isFamiliarAt(int row, const QSet<QString>& usualCountries) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        // What a filter pass reads first, in the row's first cache line.
        qsizetype keyStart = 0; // the row's folded search text in m_searchKeys
        qsizetype keyLength = 0;
        qint64 lastActiveMs = noTime;
        qint64 firstSignInMs = noTime;
        qint64 newUntilMs = noTime;
        Facts facts;
        Device device;
        QString locationText;
    };

    static Row makeRow(const Device& device);
    void announceGathered();
    void storeSearchKey(Row& row);
    void dropSearchKey(const Row& row);
    void rebuildIndex(int fromRow);
    QString displayText(const Row& row, int column) const;
    QString accessibleText(const Row& row) const;
    QString accessibleDescription(const Row& row) const;
    QString toolTip(const Row& row, int column) const;
    bool isInactive(const Row& row, qint64 nowMs) const;

    std::vector<Row> m_rows;
    // Every row's search key in one buffer: a filter pass reads it front to back-ish instead of
    // chasing 10,000 separate allocations. Replaced keys leave garbage that is compacted later.
    QString m_searchKeys;
    qsizetype m_searchKeyGarbage = 0;
    QHash<QString, int> m_rowById;
    RelativeTime m_time;
    mutable std::optional<QSet<QString>> m_usualCountries;
    int m_burstDepth = 0;
    std::vector<int> m_gathered;   // rows changed in the current burst, not yet announced
    std::vector<int> m_announcing; // what changedRows() answers
};

} // namespace vigil
