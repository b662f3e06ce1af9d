#include "ui/devices/HoverHold.h"

#include "core/devices/DeviceFilterModel.h"

#include <QAbstractItemView>
#include <QEvent>

namespace vigil {

HoverHold::HoverHold(QAbstractItemView* view, DeviceFilterModel* model) : QObject(view), m_model(model)
{
    view->viewport()->installEventFilter(this);
}

bool HoverHold::eventFilter(QObject* /*watched*/, QEvent* event)
{
    switch (event->type()) {
    case QEvent::Enter:
        m_model->setOrderHeld(true);
        break;
    case QEvent::Leave:
    case QEvent::Hide:
        m_model->setOrderHeld(false);
        break;
    default:
        break;
    }
    return false;
}

} // namespace vigil
