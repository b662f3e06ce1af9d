#pragma once

#include <QColor>
#include <QIdentityProxyModel>

namespace vigil {

// SignOutResultsModel as the results list shows it: the device name over its state in words, and
// an icon whose shape says the same (never colour alone). Everything else passes through, so the
// rows keep the model's accessible text.
class SignOutResultsDisplayModel final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignOutResultsDisplayModel)

public:
    explicit SignOutResultsDisplayModel(QObject* parent = nullptr);
    ~SignOutResultsDisplayModel() override;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // "circle-check", "hourglass", "circle-x", or "refresh-cw" while a retry is on its way.
    static QString iconName(int result, bool retrying);
    // Green, amber, red (lighter on dark palettes); the shape and the words say it too.
    static QColor iconColor(int result, bool retrying);
};

} // namespace vigil
