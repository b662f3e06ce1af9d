#include "AccountFacts.h"

#include "core/account/AccountService.h"
#include "ui/main/SectionNavigator.h"
#include "ui/widgets/LoadState.h"
#include "ui/widgets/PageHeader.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace vigil {

AccountFacts::AccountFacts(AccountService* account,
                           SectionNavigator* navigator,
                           const QString& title,
                           const QString& summary,
                           Fill fill,
                           QWidget* parent)
    : QWidget(parent), m_account(account), m_fill(std::move(fill))
{
    auto* content = new QWidget(this);
    m_form = new QFormLayout;
    m_form->setLabelAlignment(Qt::AlignLeft);
    m_form->setHorizontalSpacing(24);
    m_form->setVerticalSpacing(10);
    m_note = new QLabel(content);
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::RichText);
    m_note->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_note->setVisible(false);
    connect(m_note, &QLabel::linkActivated, navigator, [navigator](const QString& link) {
        if (const auto section = sectionFromLink(link))
            navigator->request(*section);
    });
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(m_form);
    contentLayout->addSpacing(16);
    contentLayout->addWidget(m_note);
    contentLayout->addStretch(1);

    m_state = new LoadState(content, this);
    connect(m_state, &LoadState::retryRequested, m_account, &AccountService::reload);

    auto* layout = new QVBoxLayout(this);
    if (!title.isEmpty()) {
        layout->addWidget(new PageHeader(title, summary, this));
    } else {
        // Under the page's own header: lined up with it, not indented.
        layout->setContentsMargins(0, 0, 0, 0);
    }
    layout->addWidget(m_state, 1);

    connect(m_account, &AccountService::changed, this, &AccountFacts::render);
    render();
}

AccountFacts::~AccountFacts() = default;

void AccountFacts::setFact(const QString& label, const QString& value, const QString& accessibleName)
{
    QLabel* valueLabel = m_values.value(label);
    if (!valueLabel) {
        valueLabel = new QLabel(this);
        valueLabel->setTextFormat(Qt::PlainText); // values come from the service
        valueLabel->setWordWrap(true);
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto* caption = new QLabel(label, this);
        caption->setBuddy(valueLabel);
        QFont bold = caption->font();
        bold.setBold(true);
        caption->setFont(bold);
        m_form->addRow(caption, valueLabel);
        m_values.insert(label, valueLabel);
    }
    valueLabel->setText(value);
    valueLabel->setAccessibleName(accessibleName.isEmpty() ? label : accessibleName);
}

void AccountFacts::setNote(const QString& html)
{
    m_note->setText(html);
    m_note->setVisible(!html.isEmpty());
}

void AccountFacts::render()
{
    const auto& overview = m_account->overview();
    if (!overview) {
        if (m_account->state() == AccountService::State::Failed && m_account->error())
            m_state->showError(m_account->error()->userText());
        else
            m_state->showLoading(tr("Loading your account…"));
        return;
    }
    m_fill(*this, *overview);
    m_state->showContent();
}

} // namespace vigil
