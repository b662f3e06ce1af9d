#include "HolderSupportCodeDialog.h"

#include "ui/signout/SignOutStyle.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

HolderSupportCodeDialog::HolderSupportCodeDialog(const SupportCode& code, Clock clock, QWidget* parent)
    : QDialog(parent), m_supportCode(code), m_clock(std::move(clock)), m_code(new QLabel(this)),
      m_validity(new QLabel(this))
{
    setWindowTitle(tr("Code for Support"));
    setAccessibleName(tr("Code for support"));
    auto* intro = new QLabel(tr("Read this code to the support person you are talking to. It works once."), this);
    intro->setWordWrap(true);
    m_code->setText(m_supportCode.code);
    QFont big = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    big.setPointSizeF(big.pointSizeF() * 2.5);
    big.setBold(true);
    m_code->setFont(big);
    m_code->setAlignment(Qt::AlignCenter);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_code->setAccessibleName(tr("Support code"));
    m_code->setAccessibleDescription(m_supportCode.code);
    m_validity->setAlignment(Qt::AlignCenter);
    m_validity->setAccessibleName(tr("How long the code is valid"));
    auto* allows = new QLabel(tr("Support can sign devices out of your account with this code. They can't change "
                                 "your password or 2-step settings."),
                              this);
    allows->setWordWrap(true);
    allows->setAccessibleName(tr("What the code allows"));
    auto* copy = new QPushButton(tr("Copy Code"), this);
    copy->setAccessibleName(tr("Copy code"));
    copy->setAutoDefault(false);
    auto* close = new QPushButton(tr("Close"), this);
    close->setAccessibleName(tr("Close"));
    close->setDefault(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(copy);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_code);
    layout->addWidget(m_validity);
    layout->addWidget(allows);
    layout->addLayout(buttons);

    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_supportCode.code); });
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &HolderSupportCodeDialog::refreshCountdown);
    m_ticker.start();
    refreshCountdown();
}

HolderSupportCodeDialog::~HolderSupportCodeDialog() = default;

void HolderSupportCodeDialog::refreshCountdown()
{
    const qint64 seconds = qMax<qint64>(0, m_clock().secsTo(m_supportCode.expiresAt));
    if (seconds > 0) {
        m_validity->setText(tr("Valid for %1").arg(SignOutStyle::clockText(int(seconds))));
    } else {
        m_ticker.stop();
        m_validity->setText(tr("This code has expired. Close this and give support a new one."));
        m_code->setEnabled(false);
    }
    m_validity->setAccessibleDescription(m_validity->text());
}

} // namespace vigil
