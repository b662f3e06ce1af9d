#include "SecurityPage.h"

#include "core/account/AccountOverview.h"
#include "core/account/AccountService.h"
#include "core/security/SupportCodeService.h"
#include "core/security/TwoStepService.h"
#include "core/stepup/StepUpFlow.h"
#include "core/stepup/StepUpService.h"
#include "ui/pages/AccountFacts.h"
#include "ui/pages/TwoStepText.h"
#include "ui/security/HolderSupportCodeDialog.h"
#include "ui/security/PasswordChangeSection.h"
#include "ui/security/SecurityKeysSection.h"
#include "ui/security/TwoStepSection.h"
#include "ui/stepup/StepUpDialog.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PageHeader.h"
#include "ui/widgets/ScrollArea.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <utility>

namespace vigil {

SecurityPage::SecurityPage(AccountService* account, SectionNavigator* navigator, QWidget* parent)
    : QWidget(parent), m_account(account)
{
    // The header stays in place, as on every page; the sections below it scroll.
    auto* header = new PageHeader(tr("Security"), tr("How your account is protected."), this);
    auto* facts = new AccountFacts(
        account,
        navigator,
        QString(),
        QString(),
        [](AccountFacts& page, const AccountOverview& overview) {
            const TwoStepMethods& twoStep = overview.account.twoStep;
            page.setFact(tr("2-step verification"),
                         twoStep.any() ? tr("On. %1").arg(TwoStepText::summary(twoStep))
                                       : TwoStepText::summary(twoStep));
            // Which methods are on, and the recovery codes, are in the 2-Step Verification section below:
            // one place, read from /v1/account/two-step, so the page never says two different things.
            page.setNote(tr("Seven habits keep an account safe, from 2-step verification to watching its activity. "
                            "<a href=\"%1\">Read the security tips</a>")
                             .arg(linkTo(Section::Help)));
        },
        this);

    auto* content = new QWidget(this);
    m_sections = new QVBoxLayout(content);
    m_sections->setContentsMargins(0, 0, 0, 0);
    m_sections->addWidget(facts);
    m_sections->addStretch(1);
    auto* scroll = new ScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus); // the fields inside take the focus, not the frame
    scroll->setAccessibleName(tr("Security"));
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(scroll, 1);
}

SecurityPage::SecurityPage(AccountService* account,
                           const Services& services,
                           SectionNavigator* navigator,
                           QWidget* parent)
    : SecurityPage(account, navigator, parent)
{
    attach(services);
}

SecurityPage::~SecurityPage() = default;

void SecurityPage::attach(const Services& services)
{
    m_services = services;
    if (!services.stepUp)
        return;
    m_stepUpFlow = new StepUpFlow(services.stepUp, this);
    const int at = m_sections->count() - 1; // before the stretch
    int next = at;
    if (services.password) {
        m_password = new PasswordChangeSection(services.password, this);
        m_sections->insertWidget(next++, m_password);
        const auto updateWords = [this] {
            if (const auto& overview = m_account->overview())
                m_password->setUserWords({overview->account.email, overview->account.displayName});
        };
        connect(m_account, &AccountService::changed, m_password, updateWords);
        updateWords();
    }
    if (services.twoStep) {
        m_twoStep = new TwoStepSection(services.twoStep, m_stepUpFlow, this);
        connect(m_twoStep, &TwoStepSection::dialogOpened, this, &SecurityPage::dialogOpened);
        m_sections->insertWidget(next++, m_twoStep);
        if (!services.twoStep->status() && !services.twoStep->isLoading())
            services.twoStep->reload();
        // The overview (Overview tile, the facts above, the sign-out journey's methods) follows a change
        // made here; the first load is the account's own.
        connect(services.twoStep, &TwoStepService::statusChanged, m_account, [this, first = true]() mutable {
            if (!std::exchange(first, false) && m_account)
                m_account->reload();
        });
    }
    if (services.securityKeys) {
        m_securityKeys = new SecurityKeysSection(services.securityKeys, m_stepUpFlow, this);
        connect(m_securityKeys, &SecurityKeysSection::dialogOpened, this, &SecurityPage::dialogOpened);
        m_sections->insertWidget(next++, m_securityKeys);
    }
    if (services.supportCodes) {
        auto* box = new QGroupBox(tr("Help From Support"), this);
        box->setAccessibleName(tr("Help from support"));
        auto* text = new QLabel(tr("When you talk to Vigil support, they may ask for a one-time code before they "
                                   "sign devices out for you. The code works once, for 10 minutes."),
                                box);
        text->setWordWrap(true);
        m_supportCode = new QPushButton(tr("Give Support a Code…"), box);
        m_supportCode->setAccessibleName(tr("Give Support a Code"));
        m_supportMessage = new InlineMessage(box);
        m_supportMessage->setAccessibleName(tr("Support code problem"));
        auto* row = new QHBoxLayout;
        row->addWidget(m_supportCode);
        row->addStretch(1);
        auto* layout = new QVBoxLayout(box);
        layout->addWidget(text);
        layout->addWidget(m_supportMessage);
        layout->addLayout(row);
        m_sections->insertWidget(next++, box);
        connect(m_supportCode, &QPushButton::clicked, this, &SecurityPage::giveSupportCode);
    }
}

void SecurityPage::giveSupportCode()
{
    m_supportMessage->clear();
    if (m_services.twoStep)
        m_stepUpFlow->setAvailableMethods(m_services.twoStep->stepUpMethods());
    StepUpDialog::ensure(
        window(), m_stepUpFlow, tr("Before Vigil creates a code for support, confirm that it's you."), [this] {
            m_services.supportCodes->create(this, [this](const Expected<SupportCode, ApiError>& code) {
                if (!code) {
                    m_supportMessage->showMessage(InlineMessage::Kind::Error,
                                                  tr("No code was created. %1").arg(code.error().userText()));
                    return;
                }
                SupportCodeService* service = m_services.supportCodes;
                auto* dialog = new HolderSupportCodeDialog(
                    code.value(), [service] { return service->now(); }, window());
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->setWindowModality(Qt::WindowModal);
                dialog->open();
                Q_EMIT dialogOpened(dialog);
            });
        });
}

} // namespace vigil
