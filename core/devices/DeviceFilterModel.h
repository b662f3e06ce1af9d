#pragma once

#include "core/devices/Device.h"

#include <QAbstractProxyModel>
#include <QCollator>
#include <QList>
#include <QMetaObject>
#include <QPointer>
#include <QSet>
#include <QStringMatcher>
#include <optional>
#include <vector>

namespace vigil {

class DeviceListModel;

// Sorts and filters a DeviceListModel for the devices table.
//
// Why not QSortFilterProxyModel: over 10,000 rows it needs ≈33 ms per search keystroke, mostly
// QVariant/QString work per row and one remove signal per hidden interval. Here the rows are kept
// in sort order once (`m_sorted`); a filter change is one linear pass over precomputed folded
// search keys (or over the previous result when the search text only grew), published as one
// layout change that keeps selection and current index wherever the row stays visible.
// Single-row source changes become one move/insert/remove, never a reset.
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
    QSet<QString> usualCountries() const { return m_usual; }
    // The Devices page shows the current device apart, in its own card.
    void setHideCurrent(bool on);
    // Every word must appear (case and accents ignored) in the name, type, status, system, app,
    // IP, place or profile.
    void setSearchText(const QString& text);
    QString searchText() const { return m_searchText; }
    // Re-evaluates everything (clock-dependent rules such as inactivity).
    void refresh();

    // Newest activity first by default; devices with no activity (and empty texts) always last.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // How many source rows the last filter change examined (narrowing looks at fewer).
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
    bool accepts(int sourceRow) const;
    bool matchesSearch(int sourceRow) const;
    bool lessThan(int left, int right) const;
    int compareColumn(int left, int right, bool& leftEmpty, bool& rightEmpty) const;
    void captureCriteria();

    void rebuild();     // re-sorts and re-filters, no signals
    void resortAll();   // m_sorted and m_sortedPos from scratch
    void refilterAll(); // m_rows and m_proxyOf from m_sorted
    void publishRows(std::vector<int> rows);
    void filterChanged(bool narrowing);
    void rebuildProxyOf(int fromProxyRow, int toProxyRow);
    void rebuildSortedPos(int from, int to);

    void updateSourceRow(int sourceRow);
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

    quint32 m_statusMask = 0;
    quint32 m_typeMask = 0;
    bool m_inactiveOnly = false;
    bool m_unfamiliarOnly = false;
    bool m_hideCurrent = false;
    QString m_searchText;
    QString m_foldedSearch;
    std::vector<QStringMatcher> m_searchWords;
    std::optional<QSet<QString>> m_usualOverride;
    QSet<QString> m_usual;
    qint64 m_nowMs = 0;

    int m_sortColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    QCollator m_collator;
    int m_lastScanCount = 0;
};

} // namespace vigil
