#pragma once

#include "core/activity/ActivityEntry.h"

#include <QAbstractTableModel>
#include <QList>

namespace vigil {

// The activity table: one row per entry, newest first, as the service sends them. Pages are
// appended at the end (rows inserted, nothing reset), so a "Load More" keeps the selection.
class ActivityModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityModel)

public:
    enum Column
    {
        TimeColumn,
        EventColumn,
        DetailsColumn,
        DeviceColumn,
        PlaceColumn,
        IpColumn,
        ColumnCount
    };
    enum Role
    {
        TypeRole = Qt::UserRole + 1,
        TimeRole, // QDateTime, UTC
        CountryRole,
        IdRole,
    };

    explicit ActivityModel(QObject* parent = nullptr);
    ~ActivityModel() override;

    void setEntries(const QList<ActivityEntry>& entries);
    void appendEntries(const QList<ActivityEntry>& entries);
    void clear();
    const QList<ActivityEntry>& entries() const { return m_entries; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ActivityEntry> m_entries;
};

} // namespace vigil
