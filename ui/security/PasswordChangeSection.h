#pragma once

#include "core/security/PasswordStrength.h"

#include <QGroupBox>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace vigil {

class InlineMessage;
class PasswordChangeFlow;

// "Change Password" on the Security page: current password, the new one twice with a live
// strength meter (zxcvbn) and its advice, and which devices to sign out afterwards ("Sign out all
// devices" ticked, "All except this one" as the other choice). It renders a PasswordChangeFlow;
// the per-device results appear below once the service answered.
class PasswordChangeSection final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordChangeSection)

public:
    explicit PasswordChangeSection(PasswordChangeFlow* flow, QWidget* parent = nullptr);
    ~PasswordChangeSection() override;

    // Words that make a password weak for this account (email, display name).
    void setUserWords(const QStringList& words);

    QLineEdit* currentField() const { return m_current; }
    QLineEdit* newField() const { return m_new; }
    QLineEdit* confirmField() const { return m_confirm; }
    QProgressBar* meter() const { return m_meter; }
    QLabel* strengthLabel() const { return m_strength; }
    QCheckBox* signOutBox() const { return m_signOut; }
    QRadioButton* allDevices() const { return m_all; }
    QRadioButton* othersOnly() const { return m_others; }
    QPushButton* changeButton() const { return m_change; }

private:
    void updateStrength();
    void updateButton();
    void submit();
    void refresh();

    PasswordChangeFlow* m_flow;
    PasswordStrength m_strengthRules;
    QStringList m_userWords;
    QLineEdit* m_current;
    QLabel* m_currentError;
    QLineEdit* m_new;
    QProgressBar* m_meter;
    QLabel* m_strength;
    QLabel* m_newError;
    QLineEdit* m_confirm;
    QLabel* m_confirmError;
    QCheckBox* m_signOut;
    QRadioButton* m_all;
    QRadioButton* m_others;
    InlineMessage* m_message;
    QProgressBar* m_busy;
    QPushButton* m_change;
    QLabel* m_resultsSummary;
    QListView* m_results;
};

} // namespace vigil
