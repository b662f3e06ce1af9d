#pragma once

#include <QColor>
#include <QDateTime>
#include <QHash>
#include <QIcon>
#include <QIdentityProxyModel>
#include <functional>

namespace vigil {

// The widget side of the device table: turns the icon names and flags DeviceFilterModel carries
// (core has no QtGui) into SVG icons, the "This device" mark and a coloured status badge whose
// meaning never rests on colour alone (icon shape + word + colour).
class DeviceTableModel final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceTableModel)

public:
    explicit DeviceTableModel(QObject* parent = nullptr);
    ~DeviceTableModel() override;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    static QColor statusColor(int status);

    // "Now" for "Will be signed out in 12 days". Unset: the clock of the DeviceListModel under the
    // proxies (the service's clock in the app), else the system clock.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    QDateTime now() const;
    QString autoSignOutText(const QModelIndex& index) const;
    QString guestText(const QModelIndex& index) const;

    std::function<QDateTime()> m_clock;
    QIcon icon(const QString& name, const QColor& color = {}) const;

    mutable QHash<QString, QIcon> m_icons;
};

} // namespace vigil
