#pragma once

#include <QStyledItemDelegate>

namespace vigil {

// Draws a "New" badge at the end of the name cell of a device that is new and not confirmed
// (DeviceListModel::NewRole). Painted, like the row's sign-out button, so thousands of rows stay
// cheap; screen readers hear the same from the cell's accessible text ("…, new, not confirmed yet").
class NewBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewBadgeDelegate)

public:
    explicit NewBadgeDelegate(QObject* parent = nullptr);
    ~NewBadgeDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static QString badgeText();
    // Where the badge of a cell is (public for tests).
    QRect badgeRect(const QStyleOptionViewItem& option) const;
};

} // namespace vigil
