#pragma once

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

namespace vigil {

// Draws a "Sign Out…" button at the end of each selected row of the device table and reports
// clicks on it. A painted button, not an index widget per row: the table stays fast with thousands
// of devices. Keyboard users have Delete and the details pane's button too.
class SignOutRowDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignOutRowDelegate)

public:
    explicit SignOutRowDelegate(QObject* parent = nullptr);
    ~SignOutRowDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event,
                     QAbstractItemModel* model,
                     const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

    // Where the button of a cell is; public so tests can click it.
    QRect buttonRect(const QStyleOptionViewItem& option) const;
    static QString buttonText();

Q_SIGNALS:
    void signOutClicked(const QModelIndex& index);

private:
    QPersistentModelIndex m_pressed;
};

} // namespace vigil
