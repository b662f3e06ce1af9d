#pragma once

#include "core/devices/Device.h"
#include "core/devices/DeviceFilter.h"
#include "core/devices/DeviceSorter.h"

#include <QAbstractProxyModel>
#include <QList>
#include <QMetaObject>
#include <QPointer>
#include <QSet>
#include <optional>
#include <vector>

namespace vigil {

class DeviceListModel;

// Sorts and filters a DeviceListModel for the devices table.
//
// Why not QSortFilterProxyModel: over 10,000 rows it needs ≈33 ms per search keystroke, mostly
// QVariant/QString work per row and one remove signal per hidden stretch of rows. Here all rows
// are kept in sort order once (`m_sorted`); a filter change is one pass over precomputed folded
// search keys in memory order — only over the rows shown now when the search text grew, and none
// at all when it shrank back to an earlier prefix — then published as at most one insert at the
// end, one layout change and one remove at the end, so selection and current index survive
// wherever their row stays visible. Single-row source changes become one move, insert or remove;
// a burst of changed rows (DeviceListModel::beginUpdates) is re-placed in one pass and published
// as one layout change. While the order is held (the pointer rests on the list), live changes
// update rows in place and the re-sorting and re-filtering they need waits for the release.
class DeviceFilterModel final : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceFilterModel)

public:
    explicit DeviceFilterModel(QObject* parent = nullptr);
    ~DeviceFilterModel() override;

    // Must be a DeviceListModel (anything else is refused with a warning).
    void setSourceModel(QAbstractItemModel* model) override;

    // Empty lists mean "any".
    void setStatusFilter(const QList<Device::Status>& statuses);
    void setTypeFilter(const QList<Device::Type>& types);
    // No activity (or, never active, no sign-in) for 90+ days. The current device never counts.
    void setInactiveOnly(bool on);
    // Country outside the usual countries (DeviceListModel::usualCountries() unless set here).
    void setUnfamiliarOnly(bool on);
    void setUsualCountries(const std::optional<QSet<QString>>& countries);
    // New and not confirmed yet (DeviceListModel::isNewAt). The current device never counts.
    void setNewOnly(bool on);
    QSet<QString> usualCountries() const { return m_filter.usualCountries(); }
    // The Devices page shows the current device apart, in its own card.
    void setHideCurrent(bool on);
    // Only the devices last used with one person's profile (its name); empty: anyone's.
    void setProfileFilter(const QString& profile);
    // Every word must appear (case and accents ignored) in the name, type, status, system, app,
    // IP, place or profile.
    void setSearchText(const QString& text);
    QString searchText() const { return m_searchText; }
    // Re-evaluates everything (clock-dependent rules such as inactivity).
    void refresh();

    // Newest activity first by default; devices with no activity (and empty texts) always last.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sorter.column(); }
    Qt::SortOrder sortOrder() const { return m_sorter.order(); }

    // Held: live changes from the source (updates, new devices, the clock) leave every shown row
    // where it is — new devices are added at the end — so nothing moves under the pointer; what
    // they would change is applied in one step on release. Explicit changes (filter, search,
    // sort) apply at once. Removed devices go at once either way.
    void setOrderHeld(bool held);
    bool isOrderHeld() const { return m_held; }
    // Whether live changes are waiting for the release.
    bool hasHeldChanges() const { return m_heldChanges; }

    // How many rows the last filter change examined (narrowing looks at fewer, going back to an
    // earlier search text at none).
    int lastScanCount() const { return m_lastScanCount; }

    QModelIndex index(int row, int column, const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex& parent = QModelIndex()) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;

private:
    enum class Scan
    {
        AllRows,
        ShownRows
    };
    // The rows shown for an earlier, shorter search text: going back to it costs nothing.
    struct SearchStep
    {
        QString folded;
        std::vector<int> rows;
    };

    bool lessThan(int left, int right) const;
    void captureContext();
    void criteriaChanged();
    void applyFilter(Scan scan);
    void publishRows(const std::vector<int>& rows, QAbstractItemModel::LayoutChangeHint hint);
    void resortAll();
    void rebuild(); // re-sorts and re-filters without signals (inside a reset)
    void rebuildProxyOf(int fromProxyRow, int toProxyRow);
    void rebuildSortedPos(int from, int to);

    void updateSourceRow(int sourceRow);
    void updateSourceRows(const std::vector<int>& sourceRows, int firstColumn, int lastColumn, const QList<int>& roles);
    void onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);
    void onSourceRowsInserted(const QModelIndex& parent, int first, int last);
    void onSourceRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last);
    void onSourceRowsRemoved(const QModelIndex& parent, int first, int last);
    void onSourceAboutToBeReset();
    void onSourceReset();
    void onSourceHeaderDataChanged(Qt::Orientation orientation, int first, int last);
    void checkUsualCountries();

    QPointer<DeviceListModel> m_devices;
    QList<QMetaObject::Connection> m_connections;

    std::vector<int> m_sorted;    // every source row, in sort order
    std::vector<int> m_sortedPos; // source row → position in m_sorted
    std::vector<int> m_rows;      // proxy row → source row (a subsequence of m_sorted)
    std::vector<int> m_proxyOf;   // source row → proxy row, or -1 when filtered out

    DeviceFilter m_filter;
    DeviceSorter m_sorter;
    QString m_searchText;
    std::optional<QSet<QString>> m_usualOverride;
    std::vector<SearchStep> m_searchSteps; // valid until anything but the search text changes
    int m_lastScanCount = 0;
    bool m_held = false;
    bool m_heldChanges = false;
};

} // namespace vigil
