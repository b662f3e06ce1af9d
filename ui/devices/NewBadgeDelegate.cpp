#include "NewBadgeDelegate.h"

#include "core/devices/DeviceListModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace vigil {
namespace {

constexpr int badgePadding = 6;
constexpr int badgeMargin = 4;

} // namespace

NewBadgeDelegate::NewBadgeDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

NewBadgeDelegate::~NewBadgeDelegate() = default;

QString NewBadgeDelegate::badgeText()
{
    return tr("New");
}

QRect NewBadgeDelegate::badgeRect(const QStyleOptionViewItem& option) const
{
    QFont font = option.font;
    font.setBold(true);
    const QFontMetrics metrics(font);
    const int width = metrics.horizontalAdvance(badgeText()) + 2 * badgePadding;
    const int height = qMin(option.rect.height() - 2, metrics.height() + 2);
    return QRect(option.rect.right() - badgeMargin - width + 1,
                 option.rect.top() + (option.rect.height() - height) / 2,
                 width,
                 height);
}

void NewBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (!index.data(DeviceListModel::NewRole).toBool()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QRect badge = badgeRect(option);
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    // The row background spans the whole cell; the name stops before the badge (elided if need be).
    cell.text.clear();
    cell.icon = QIcon();
    cell.features &= ~QStyleOptionViewItem::HasDecoration;
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, option.widget);
    QStyleOptionViewItem content = option;
    initStyleOption(&content, index);
    content.rect.setRight(badge.left() - badgeMargin);
    content.backgroundBrush = Qt::NoBrush;
    content.state &= ~QStyle::State_HasFocus;
    style->drawControl(QStyle::CE_ItemViewItem, &content, painter, option.widget);

    // The palette's accent, inverted on a selected row (whose background is that accent), so the
    // badge reads on light, dark and high-contrast palettes alike; the word carries the meaning.
    const bool selected = option.state & QStyle::State_Selected;
    const QColor fill = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight);
    const QColor ink = option.palette.color(selected ? QPalette::Highlight : QPalette::HighlightedText);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
    QFont font = option.font;
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(ink);
    painter->drawText(badge, Qt::AlignCenter, badgeText());
    painter->restore();
}

QSize NewBadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.data(DeviceListModel::NewRole).toBool())
        size.rwidth() += badgeRect(option).width() + 2 * badgeMargin;
    return size;
}

} // namespace vigil
