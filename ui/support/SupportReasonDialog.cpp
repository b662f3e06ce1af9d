#include "SupportReasonDialog.h"

#include "core/support/SupportService.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

SupportReasonDialog::SupportReasonDialog(const QString& customer, QWidget* parent)
    : QDialog(parent), m_edit(new QPlainTextEdit(this)), m_counter(new QLabel(this)), m_hint(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_ok(m_buttons->button(QDialogButtonBox::Ok))
{
    setWindowTitle(tr("Why are you opening this account?"));
    auto* question = new QLabel(tr("Why are you opening this account?"), this);
    QFont bold = question->font();
    bold.setBold(true);
    question->setFont(bold);
    auto* explanation = new QLabel(this);
    explanation->setTextFormat(Qt::PlainText); // names the customer
    explanation->setWordWrap(true);
    const QString recorded = tr("The reason is recorded on the customer's account, and the customer can read it in "
                                "their activity.");
    explanation->setText(customer.isEmpty() ? recorded
                                            : tr("Customer: %1").arg(customer) + QLatin1Char('\n') + recorded);
    m_edit->setAccessibleName(tr("Reason"));
    m_edit->setPlaceholderText(tr("For example: customer called about an unknown TV streaming on their account"));
    m_edit->setTabChangesFocus(true);
    m_counter->setAccessibleName(tr("Reason length"));
    m_counter->setAlignment(Qt::AlignRight);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_ok->setText(tr("Open Account"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(explanation);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_counter);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (SupportService::validateReason(reason()).isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &SupportReasonDialog::validate);
    m_edit->setFocus();
    validate();
}

SupportReasonDialog::~SupportReasonDialog() = default;

QString SupportReasonDialog::reason() const
{
    return m_edit->toPlainText().trimmed();
}

void SupportReasonDialog::setReason(const QString& text)
{
    m_edit->setPlainText(text);
}

void SupportReasonDialog::validate()
{
    const qsizetype length = reason().size();
    m_counter->setText(tr("%1 / %2").arg(length).arg(SupportService::maxReasonLength));
    const QString problem = SupportService::validateReason(reason());
    m_ok->setEnabled(problem.isEmpty());
    m_hint->setText(length == 0 ? tr("At least %n character(s).", nullptr, SupportService::minReasonLength) : problem);
}

} // namespace vigil
