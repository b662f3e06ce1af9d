#pragma once

#include "ui/main/Section.h"

#include <QWidget>

class QDialog;
class QPushButton;
class QVBoxLayout;

namespace vigil {

class AccountService;
class InlineMessage;
class PasswordChangeFlow;
class PasswordChangeSection;
class SecurityKeyService;
class SecurityKeysSection;
class SectionNavigator;
class StepUpFlow;
class StepUpService;
class SupportCodeService;
class TwoStepSection;
class TwoStepService;

// How the account is protected: which second factors are on, and where to read what to do;
// changing the password, 2-step verification, and a code for support.
class SecurityPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityPage)

public:
    struct Services
    {
        StepUpService* stepUp = nullptr;
        PasswordChangeFlow* password = nullptr;
        TwoStepService* twoStep = nullptr;
        SupportCodeService* supportCodes = nullptr;
        SecurityKeyService* securityKeys = nullptr;
    };

    // `navigator` takes the facts' links to their sections.
    SecurityPage(AccountService* account,
                 const Services& services,
                 SectionNavigator* navigator,
                 QWidget* parent = nullptr);
    ~SecurityPage() override;

    PasswordChangeSection* passwordSection() const { return m_password; }
    TwoStepSection* twoStepSection() const { return m_twoStep; }
    SecurityKeysSection* securityKeysSection() const { return m_securityKeys; }
    QPushButton* supportCodeButton() const { return m_supportCode; }
    StepUpFlow* stepUpFlow() const { return m_stepUpFlow; }

Q_SIGNALS:
    // A dialog the page opened (for tests).
    void dialogOpened(QDialog* dialog);

private:
    // The account's facts; the constructor above adds the sections.
    SecurityPage(AccountService* account, SectionNavigator* navigator, QWidget* parent);
    void attach(const Services& services);
    void giveSupportCode();

    AccountService* m_account;
    QVBoxLayout* m_sections = nullptr;
    Services m_services;
    StepUpFlow* m_stepUpFlow = nullptr;
    PasswordChangeSection* m_password = nullptr;
    TwoStepSection* m_twoStep = nullptr;
    SecurityKeysSection* m_securityKeys = nullptr;
    QPushButton* m_supportCode = nullptr;
    InlineMessage* m_supportMessage = nullptr;
};

} // namespace vigil
