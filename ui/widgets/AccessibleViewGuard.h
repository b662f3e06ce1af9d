#pragma once

#include <QList>
#include <QObject>

class QAbstractItemModel;
class QAbstractItemView;

namespace vigil {

// Qt 6.4 caches an item view's accessible interface together with one interface per cell it was
// asked about; the cells hold a raw pointer to the view and persistent indexes into its model, and
// Qt never drops them on its own when the rows go or the window closes. A screen reader that asks
// about such a cell afterwards makes Vigil read freed memory (a crash in QAccessibleCache). The
// guard drops the view's interface, and with it every cell Qt cached for it, while the view and its
// rows are still alive: before the model is reset or replaced, and when the view is hidden (its
// window closes or is swapped). Qt builds fresh ones the next time a screen reader asks.
class AccessibleViewGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccessibleViewGuard)

public:
    // Guards `view` and the model it shows now; attaching twice is harmless.
    static void attach(QAbstractItemView* view);
    // view->setModel(model), dropping the cells that point into the old model first.
    static void setModel(QAbstractItemView* view, QAbstractItemModel* model);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit AccessibleViewGuard(QAbstractItemView* view);
    static AccessibleViewGuard* of(QAbstractItemView* view);
    void follow(QAbstractItemModel* model);
    void drop();

    QAbstractItemView* m_view;
    QList<QMetaObject::Connection> m_modelLinks;
};

} // namespace vigil
