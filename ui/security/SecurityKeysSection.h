#pragma once

#include <QGroupBox>

class QDialog;
class QLabel;
class QListWidget;
class QPushButton;

namespace vigil {

class InlineMessage;
class RelativeTime;
class SecurityKeyRegistrationFlow;
class SecurityKeyService;
class StepUpFlow;

// Security → "Security Keys": the account's keys with their names and when each was last used;
// Add a Key… (step-up, then AddSecurityKeyDialog), Rename…, Remove… (step-up).
class SecurityKeysSection final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityKeysSection)

public:
    SecurityKeysSection(SecurityKeyService* service, StepUpFlow* stepUp, QWidget* parent = nullptr);
    ~SecurityKeysSection() override;

    QListWidget* list() const { return m_list; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* renameButton() const { return m_rename; }
    QPushButton* removeButton() const { return m_remove; }
    InlineMessage* message() const { return m_message; }
    SecurityKeyRegistrationFlow* registrationFlow() const { return m_registration; }

Q_SIGNALS:
    // A dialog the section opened (for tests).
    void dialogOpened(QDialog* dialog);

private:
    void refresh();
    void refreshButtons();
    QString selectedId() const;
    QString selectedName() const;
    void addKey();
    void renameKey();
    void removeKey();

    SecurityKeyService* m_service;
    StepUpFlow* m_stepUp;
    SecurityKeyRegistrationFlow* m_registration;
    QLabel* m_empty;
    QListWidget* m_list;
    InlineMessage* m_message;
    QPushButton* m_add;
    QPushButton* m_rename;
    QPushButton* m_remove;
};

} // namespace vigil
