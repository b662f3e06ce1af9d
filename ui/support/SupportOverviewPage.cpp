#include "SupportOverviewPage.h"

#include "core/support/SupportService.h"
#include "ui/pages/TwoStepText.h"
#include "ui/widgets/LoadState.h"
#include "ui/widgets/PageHeader.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace vigil {

SupportOverviewPage::SupportOverviewPage(SupportService* support, QWidget* parent) : QWidget(parent), m_support(support)
{
    auto* content = new QWidget(this);
    m_form = new QFormLayout(content);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_state = new LoadState(content, this);
    connect(m_state, &LoadState::retryRequested, m_support, &SupportService::reloadSummary);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(tr("Overview"), tr("The customer's account at a glance. Read-only."), this));
    layout->addWidget(m_state, 1);
    connect(m_support, &SupportService::summaryStateChanged, this, &SupportOverviewPage::render);
    connect(m_support, &SupportService::customerChanged, this, &SupportOverviewPage::render);
    render();
}

SupportOverviewPage::~SupportOverviewPage() = default;

QString SupportOverviewPage::fact(const QString& label) const
{
    for (const auto& [name, value] : m_values) {
        if (name == label)
            return value->text();
    }
    return {};
}

void SupportOverviewPage::setFact(const QString& label, const QString& value)
{
    for (const auto& [name, field] : std::as_const(m_values)) {
        if (name == label) {
            field->setText(value);
            return;
        }
    }
    auto* field = new QLabel(this);
    field->setTextFormat(Qt::PlainText); // the customer's data, shown as written
    field->setText(value);
    field->setAccessibleName(label);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    field->setWordWrap(true);
    m_form->addRow(label + QLatin1Char(':'), field);
    m_values.append({label, field});
}

void SupportOverviewPage::render()
{
    const auto& customer = m_support->customer();
    if (!customer) {
        m_state->showLoading(tr("Open a customer to see their account."));
        return;
    }
    setFact(tr("Name"), customer->displayName.isEmpty() ? tr("Unknown") : customer->displayName);
    setFact(tr("Email"), customer->maskedEmail);
    setFact(tr("Account ID"), customer->id);
    setFact(tr("Devices"), QString::number(customer->devicesCount));
    if (m_support->summaryState() == SupportService::State::Failed && m_support->summaryError()) {
        m_state->showError(tr("Couldn't load the customer's account. %1").arg(m_support->summaryError()->userText()));
        return;
    }
    if (!customer->hasSummary) {
        m_state->showLoading(tr("Loading the customer's account…"));
        return;
    }
    setFact(tr("Phone"), customer->maskedPhone.isEmpty() ? tr("None") : customer->maskedPhone);
    setFact(tr("2-step verification"), TwoStepText::summary(customer->twoStep));
    setFact(tr("Profiles"), QString::number(customer->profilesCount));
    setFact(tr("Customer since"),
            customer->createdAt.isValid()
                ? QLocale().toString(customer->createdAt.toLocalTime().date(), QLocale::LongFormat)
                : tr("Unknown"));
    m_state->showContent();
}

} // namespace vigil
