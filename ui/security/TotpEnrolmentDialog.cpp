#include "TotpEnrolmentDialog.h"

#include "QrCodeWidget.h"
#include "ui/signout/CodeValidator.h"
#include "ui/widgets/InlineMessage.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

TotpEnrolmentDialog::TotpEnrolmentDialog(TwoStepService* service, const TotpEnrolment& enrolment, QWidget* parent)
    : QDialog(parent), m_service(service), m_enrolment(enrolment), m_qr(new QrCodeWidget(this)),
      m_secret(new QLabel(this)), m_code(new QLineEdit(this)), m_message(new InlineMessage(this)),
      m_confirm(new QPushButton(tr("Confirm"), this))
{
    setWindowTitle(tr("Set Up Authenticator App"));
    setAccessibleName(tr("Set up authenticator app"));
    auto* step1 = new QLabel(tr("1. Scan this code with your authenticator app."), this);
    step1->setWordWrap(true);
    m_qr->setText(m_enrolment.otpauthUri);
    m_qr->setAccessibleName(tr("QR code for your authenticator app"));
    auto* step2 = new QLabel(tr("Can't scan it? Enter this key in the app instead:"), this);
    step2->setWordWrap(true);
    m_secret->setText(groupedSecret(m_enrolment.secret));
    m_secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secret->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_secret->setAccessibleName(tr("Setup key"));
    auto* copy = new QPushButton(tr("Copy Key"), this);
    copy->setAccessibleName(tr("Copy key"));
    copy->setAutoDefault(false);
    auto* step3 = new QLabel(tr("2. Enter the 6-digit code the app shows now."), this);
    step3->setWordWrap(true);
    m_code->setAccessibleName(tr("Verification code"));
    m_code->setPlaceholderText(tr("6-digit code"));
    m_code->setValidator(new CodeValidator(6, m_code));
    m_code->setMaxLength(256);
    m_code->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_message->setAccessibleName(tr("Set-up problem"));
    m_confirm->setAccessibleName(tr("Confirm"));
    m_confirm->setEnabled(false);
    m_confirm->setDefault(true);
    auto* cancel = new QPushButton(tr("Cancel"), this);
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setAutoDefault(false);

    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_secret, 1);
    keyRow->addWidget(copy);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(cancel);
    buttons->addWidget(m_confirm);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(step1);
    layout->addWidget(m_qr, 0, Qt::AlignHCenter);
    layout->addWidget(step2);
    layout->addLayout(keyRow);
    layout->addWidget(step3);
    layout->addWidget(m_code);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    setTabOrder(m_code, m_confirm);
    setTabOrder(m_confirm, cancel);
    setTabOrder(cancel, copy);

    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_enrolment.secret); });
    connect(m_code, &QLineEdit::textChanged, this, [this] {
        m_confirm->setEnabled(!m_busy && m_code->hasAcceptableInput());
    });
    connect(m_code, &QLineEdit::returnPressed, this, &TotpEnrolmentDialog::confirm);
    connect(m_confirm, &QPushButton::clicked, this, &TotpEnrolmentDialog::confirm);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    m_code->setFocus(Qt::OtherFocusReason);
}

TotpEnrolmentDialog::~TotpEnrolmentDialog() = default;

QString TotpEnrolmentDialog::groupedSecret(const QString& secret)
{
    QString grouped;
    for (qsizetype i = 0; i < secret.size(); i += 4) {
        if (i > 0)
            grouped.append(QLatin1Char(' '));
        grouped.append(secret.mid(i, 4));
    }
    return grouped;
}

void TotpEnrolmentDialog::confirm()
{
    if (m_busy || !m_code->hasAcceptableInput())
        return;
    m_busy = true;
    m_confirm->setEnabled(false);
    m_message->clear();
    m_service->confirmEnrolment(
        m_enrolment.enrolment, m_code->text(), this, [this](const Expected<QStringList, ApiError>& codes) {
            m_busy = false;
            if (codes) {
                m_codes = codes.value();
                accept();
                return;
            }
            const ApiError& error = codes.error();
            QString text;
            if (error.code() == ApiError::Code::InvalidCode) {
                const auto left = error.attemptsLeft();
                text = left ? tr("That code isn't right. %n attempt(s) left.", nullptr, *left)
                            : tr("That code isn't right. Check the time on your phone and try again.");
            } else if (error.httpStatus() == 410) {
                text = tr("This set-up has expired. Cancel and start again.");
            } else {
                text = error.userText();
            }
            m_message->showMessage(InlineMessage::Kind::Error, text);
            m_code->selectAll();
            m_confirm->setEnabled(m_code->hasAcceptableInput() && error.httpStatus() != 410);
        });
}

} // namespace vigil
