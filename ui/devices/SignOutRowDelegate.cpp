#include "SignOutRowDelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionButton>

namespace vigil {
namespace {

constexpr int buttonPadding = 10;
constexpr int buttonMargin = 2;

QStyle* styleOf(const QStyleOptionViewItem& option)
{
    return option.widget ? option.widget->style() : QApplication::style();
}

// The options an item view hands to editorEvent() carry no per-item selection state; ask the view.
bool rowSelected(const QStyleOptionViewItem& option, const QModelIndex& index)
{
    const auto* view = qobject_cast<const QAbstractItemView*>(option.widget);
    return view && view->selectionModel() && view->selectionModel()->isSelected(index);
}

} // namespace

SignOutRowDelegate::SignOutRowDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

SignOutRowDelegate::~SignOutRowDelegate() = default;

QString SignOutRowDelegate::buttonText()
{
    return tr("Sign Out…");
}

QRect SignOutRowDelegate::buttonRect(const QStyleOptionViewItem& option) const
{
    const int width = option.fontMetrics.horizontalAdvance(buttonText()) + 2 * buttonPadding;
    const QRect cell = option.rect.adjusted(buttonMargin, buttonMargin, -buttonMargin, -buttonMargin);
    return QRect(cell.right() - width + 1, cell.top(), width, cell.height());
}

void SignOutRowDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // Only the selected rows carry the button: the others keep their whole cell for the text.
    if (!(option.state & QStyle::State_Selected)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QRect button = buttonRect(option);
    QStyleOptionViewItem cell = option;
    // The row background spans the whole cell; the text stops before the button.
    initStyleOption(&cell, index);
    QStyle* style = styleOf(option);
    const QString text = cell.text;
    cell.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, option.widget);
    QStyleOptionViewItem textOnly = cell;
    textOnly.text = text;
    textOnly.rect.setRight(button.left() - buttonPadding);
    textOnly.backgroundBrush = Qt::NoBrush;
    textOnly.state &= ~QStyle::State_HasFocus;
    style->drawControl(QStyle::CE_ItemViewItem, &textOnly, painter, option.widget);

    QStyleOptionButton push;
    push.rect = button;
    push.text = buttonText();
    push.state = QStyle::State_Raised;
    if (option.state & QStyle::State_Enabled)
        push.state |= QStyle::State_Enabled;
    if (m_pressed.isValid() && m_pressed == index)
        push.state |= QStyle::State_Sunken;
    push.fontMetrics = option.fontMetrics;
    push.palette = option.palette;
    style->drawControl(QStyle::CE_PushButton, &push, painter, option.widget);
}

QSize SignOutRowDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += option.fontMetrics.horizontalAdvance(buttonText()) + 3 * buttonPadding;
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 10));
    return size;
}

bool SignOutRowDelegate::editorEvent(QEvent* event,
                                     QAbstractItemModel* model,
                                     const QStyleOptionViewItem& option,
                                     const QModelIndex& index)
{
    // A quick second click arrives as a double-click press: it presses the button all the same.
    const bool press = event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonDblClick;
    if (!press && event->type() != QEvent::MouseButtonRelease)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    const auto* mouse = static_cast<QMouseEvent*>(event);
    const bool onButton = rowSelected(option, index) && mouse->button() == Qt::LeftButton &&
                          buttonRect(option).contains(mouse->position().toPoint());
    if (press) {
        m_pressed = onButton ? QPersistentModelIndex(index) : QPersistentModelIndex();
        return false; // the row is selected as usual
    }
    const bool clicked = onButton && m_pressed == index;
    m_pressed = QPersistentModelIndex();
    if (clicked)
        Q_EMIT signOutClicked(index);
    return clicked;
}

} // namespace vigil
