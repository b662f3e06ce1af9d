#include "SupportCodeDialog.h"

#include "core/support/SupportService.h"
#include "ui/widgets/InlineMessage.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace vigil {

SupportCodeDialog::SupportCodeDialog(int selectedCount, QWidget* parent)
    : QDialog(parent), m_code(new QLineEdit(this)), m_selected(new QRadioButton(this)),
      m_all(new QRadioButton(tr("&All devices of the customer"), this)), m_hint(new QLabel(this)),
      m_error(new InlineMessage(this))
{
    setWindowTitle(tr("Sign Out Devices With Customer's Code"));
    auto* intro = new QLabel(tr("Ask the customer for the support code they created in Vigil (Security → Give "
                                "support a code). It works once and for 10 minutes."),
                             this);
    intro->setWordWrap(true);
    m_code->setAccessibleName(tr("Customer's code"));
    m_code->setPlaceholderText(tr("XXXX-XXXX"));
    m_code->setMaxLength(16); // room for spaces and a dash; the format is checked, not cut off
    QFont mono = m_code->font();
    mono.setStyleHint(QFont::Monospace);
    mono.setFamily(QStringLiteral("monospace"));
    m_code->setFont(mono);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setAccessibleName(tr("Code format"));

    m_selected->setText(tr("The &selected devices (%n)", nullptr, selectedCount));
    m_selected->setEnabled(selectedCount > 0);
    (selectedCount > 0 ? m_selected : m_all)->setChecked(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Code:"), m_code);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_continue = buttons->addButton(tr("Continue…"), QDialogButtonBox::AcceptRole);
    m_continue->setAccessibleName(tr("Continue"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_error);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(new QLabel(tr("Sign out:"), this));
    layout->addWidget(m_selected);
    layout->addWidget(m_all);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!code().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_code, &QLineEdit::textChanged, this, &SupportCodeDialog::validate);
    m_code->setFocus();
    validate();
}

SupportCodeDialog::~SupportCodeDialog() = default;

QString SupportCodeDialog::code() const
{
    return SupportService::normalizeCode(m_code->text()).value_or(QString());
}

bool SupportCodeDialog::allDevices() const
{
    return m_all->isChecked();
}

void SupportCodeDialog::showError(const QString& text)
{
    m_error->showMessage(InlineMessage::Kind::Error, text);
}

void SupportCodeDialog::validate()
{
    const bool valid = !code().isEmpty();
    m_continue->setEnabled(valid);
    m_hint->setText(valid || m_code->text().trimmed().isEmpty()
                        ? tr("8 characters, as the customer reads them out, for example 7KQ2-M9XF.")
                        : tr("A code has 8 letters and digits (no 0, 1, I, L or O), like 7KQ2-M9XF."));
}

} // namespace vigil
