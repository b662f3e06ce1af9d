#pragma once

#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace vigil {

class SignOutActions;

// "Don't recognize this device?": sign it out first (the usual confirmation and verification),
// then, once it is out, suggest the two things that keep an intruder out for good — a new password
// and a look at 2-step verification (both on the Security page).
class UnrecognizedDeviceGuide final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnrecognizedDeviceGuide)

public:
    // `window` parents the next-steps prompt.
    UnrecognizedDeviceGuide(SignOutActions* actions, QWidget* window, QObject* parent = nullptr);
    ~UnrecognizedDeviceGuide() override;

    void begin(const QString& deviceId);
    // The prompt while it is shown (for tests), else nullptr.
    QMessageBox* nextSteps() const { return m_prompt; }

Q_SIGNALS:
    void passwordChangeRequested();
    void twoStepReviewRequested();

private:
    void onFlowState();
    void showNextSteps();

    SignOutActions* m_actions;
    QWidget* m_window;
    QString m_deviceId;
    QString m_deviceName;
    QPointer<QMessageBox> m_prompt;
};

} // namespace vigil
