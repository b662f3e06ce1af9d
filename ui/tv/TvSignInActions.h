#pragma once

#include <QObject>
#include <QStringList>

class QDialog;
class QPushButton;
class QWidget;

namespace vigil {

class DeviceListModel;
class GuestExtendDialog;
class ProfileService;
class SignOutActions;
class TvSignInDialog;
class TvSignInService;

// Every "Sign In a TV…", "Extend…" and "End Now" goes through here, so each opens the same dialog
// the same way. Ending a guest now is a sign-out (the service's rule), through SignOutActions.
class TvSignInActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TvSignInActions)

public:
    TvSignInActions(TvSignInService* service,
                    ProfileService* profiles,
                    const DeviceListModel* devices,
                    SignOutActions* signOut,
                    QObject* parent = nullptr);
    ~TvSignInActions() override;

    TvSignInService* service() const { return m_service; }
    // The account's step-up methods, offered by the dialogs' "Confirm It's You".
    void setStepUpMethods(const QStringList& methods) { m_stepUpMethods = methods; }

    // "Sign In a TV…", owned by `parent`.
    QPushButton* createSignInButton(QWidget* parent);
    // Each opens a window-modal dialog over `parent`'s window, deleted on close.
    TvSignInDialog* signInTv(QWidget* parent);
    // Nothing for an unknown device or one that is not a guest.
    GuestExtendDialog* extendGuest(const QString& deviceId, QWidget* parent);
    void endGuestNow(const QString& deviceId);
    bool canEndNow() const;

Q_SIGNALS:
    void dialogOpened(QDialog* dialog);

private:
    void open(QDialog* dialog);

    TvSignInService* m_service;
    ProfileService* m_profiles;
    const DeviceListModel* m_devices;
    SignOutActions* m_signOut;
    QStringList m_stepUpMethods;
};

} // namespace vigil
