#pragma once

#include <QObject>

class QAbstractItemView;

namespace vigil {

class DeviceFilterModel;

// Rows never move under the pointer (UX guide): while the pointer rests on the devices table, live
// updates change rows in place and the re-sorting they need waits (DeviceFilterModel::setOrderHeld);
// it is applied in one step when the pointer leaves the table or the table is hidden. Keyboard
// focus holds nothing: selection and current row follow their devices wherever they move.
class HoverHold final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HoverHold)

public:
    HoverHold(QAbstractItemView* view, DeviceFilterModel* model);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    DeviceFilterModel* m_model;
};

} // namespace vigil
