#pragma once

#include <QList>
#include <QObject>

class QAbstractItemModel;
class QAbstractItemView;

namespace vigil {

// Qt 6.4 caches one accessible interface per item-view cell a screen reader asked about; each holds
// persistent indexes into the view's model and is dropped by Qt only after the rows changed (or
// with the view). The guard drops them while the view and its rows are still alive: before the
// model is reset or replaced, and when the view is hidden (its window closes or is swapped). Qt
// builds fresh cells the next time a screen reader asks; the view's own interface stays.
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
