#include "AccessibleViewGuard.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QAccessible>
#include <QEvent>

namespace vigil {

AccessibleViewGuard::AccessibleViewGuard(QAbstractItemView* view) : QObject(view), m_view(view)
{
    setObjectName(QStringLiteral("AccessibleViewGuard"));
    view->installEventFilter(this);
    follow(view->model());
}

AccessibleViewGuard* AccessibleViewGuard::of(QAbstractItemView* view)
{
    auto* guard = view->findChild<AccessibleViewGuard*>(QString(), Qt::FindDirectChildrenOnly);
    return guard ? guard : new AccessibleViewGuard(view);
}

void AccessibleViewGuard::attach(QAbstractItemView* view)
{
    of(view);
}

void AccessibleViewGuard::setModel(QAbstractItemView* view, QAbstractItemModel* model)
{
    AccessibleViewGuard* guard = of(view);
    guard->drop();
    view->setModel(model);
    guard->follow(model);
}

void AccessibleViewGuard::follow(QAbstractItemModel* model)
{
    for (const QMetaObject::Connection& link : std::as_const(m_modelLinks))
        disconnect(link);
    m_modelLinks.clear();
    if (!model)
        return;
    // Before the reset the cells' indexes still point at live rows; Qt's own clean-up comes after.
    // A model that goes first (a sibling of the view, deleted before it) takes its cells along.
    m_modelLinks << connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &AccessibleViewGuard::drop);
    m_modelLinks << connect(model, &QObject::destroyed, this, &AccessibleViewGuard::drop);
}

bool AccessibleViewGuard::eventFilter(QObject* watched, QEvent* event)
{
    // A view is hidden with its window, and the window is hidden before it is torn down.
    if (watched == m_view && event->type() == QEvent::Hide)
        drop();
    return QObject::eventFilter(watched, event);
}

void AccessibleViewGuard::drop()
{
    // While the view is in its own destructor its meta-object is QWidget's already: leave the rest
    // to Qt, which drops the view's interface and its cells when the view is gone.
    if (!qobject_cast<QAbstractItemView*>(m_view))
        return;
    // Qt's item-view interface answers a model reset by deleting every cell it cached, and keeps
    // itself: a screen reader that holds the list or table keeps it (dropping the view's own
    // interface would give it a new identity, and the reader would lose its place). Told directly,
    // not through QAccessible::updateAccessibility, so the screen reader hears of no reset that
    // did not happen; the interface is made if none was, which costs one small object per view.
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(m_view);
    if (QAccessibleTableInterface* table = iface ? iface->tableInterface() : nullptr) {
        QAccessibleTableModelChangeEvent event(m_view, QAccessibleTableModelChangeEvent::ModelReset);
        table->modelChange(&event);
    }
}

} // namespace vigil
