#include "SignOutResultsDisplayModel.h"

#include "core/flows/SignOutResultsModel.h"
#include "ui/widgets/Icons.h"

#include <QGuiApplication>
#include <QPalette>

namespace vigil {

SignOutResultsDisplayModel::SignOutResultsDisplayModel(QObject* parent) : QIdentityProxyModel(parent) {}

SignOutResultsDisplayModel::~SignOutResultsDisplayModel() = default;

QString SignOutResultsDisplayModel::iconName(int result, bool retrying)
{
    if (retrying)
        return QStringLiteral("refresh-cw");
    switch (DeviceSignOutResult::Result(result)) {
    case DeviceSignOutResult::Result::SignedOut:
        return QStringLiteral("circle-check");
    case DeviceSignOutResult::Result::Pending:
        return QStringLiteral("hourglass");
    case DeviceSignOutResult::Result::Failed:
        return QStringLiteral("circle-x");
    }
    return QStringLiteral("circle-question-mark");
}

QColor SignOutResultsDisplayModel::iconColor(int result, bool retrying)
{
    const QPalette palette = QGuiApplication::palette();
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    if (retrying)
        return palette.color(QPalette::Text);
    switch (DeviceSignOutResult::Result(result)) {
    case DeviceSignOutResult::Result::SignedOut:
        return dark ? QColor(0x57, 0xe3, 0x89) : QColor(0x1a, 0x7f, 0x37);
    case DeviceSignOutResult::Result::Pending:
        return dark ? QColor(0xf6, 0xd3, 0x2d) : QColor(0x9c, 0x6a, 0x00);
    case DeviceSignOutResult::Result::Failed:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
    }
    return palette.color(QPalette::Text);
}

QVariant SignOutResultsDisplayModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const bool retrying = QIdentityProxyModel::data(index, SignOutResultsModel::RetryingRole).toBool();
    switch (role) {
    case Qt::DisplayRole: {
        const QString status = retrying
                                   ? tr("Retrying…")
                                   : QIdentityProxyModel::data(index, SignOutResultsModel::StatusTextRole).toString();
        return QString(QIdentityProxyModel::data(index, Qt::DisplayRole).toString() + QLatin1Char('\n') + status);
    }
    case Qt::DecorationRole: {
        const int result = QIdentityProxyModel::data(index, SignOutResultsModel::ResultRole).toInt();
        return Icons::themed(iconName(result, retrying), iconColor(result, retrying));
    }
    default:
        return QIdentityProxyModel::data(index, role);
    }
}

} // namespace vigil
