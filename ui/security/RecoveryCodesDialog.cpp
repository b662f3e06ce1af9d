#include "RecoveryCodesDialog.h"

#include "ui/widgets/InlineMessage.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace vigil {

RecoveryCodesDialog::RecoveryCodesDialog(const QStringList& codes, QWidget* parent)
    : QDialog(parent), m_codes(codes), m_list(new QPlainTextEdit(this)), m_message(new InlineMessage(this)),
      m_copy(new QPushButton(tr("Copy All"), this)), m_save(new QPushButton(tr("Save to File…"), this)),
      m_saved(new QCheckBox(tr("I have saved these codes"), this)), m_done(new QPushButton(tr("Done"), this))
{
    setWindowTitle(tr("Your Recovery Codes"));
    setAccessibleName(tr("Your recovery codes"));
    setMinimumWidth(420);
    m_chooser = [this] {
        return QFileDialog::getSaveFileName(this,
                                            tr("Save Recovery Codes"),
                                            QDir::home().filePath(QStringLiteral("vigil-recovery-codes.txt")),
                                            tr("Text files (*.txt)"));
    };
    auto* intro = new QLabel(tr("Each code signs you in once if you lose your authenticator app. Keep them "
                                "somewhere safe: Vigil shows them only now."),
                             this);
    intro->setWordWrap(true);
    intro->setAccessibleName(tr("About recovery codes"));
    m_list->setReadOnly(true);
    m_list->setPlainText(codesText());
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_list->setAccessibleName(tr("Recovery codes"));
    m_list->setMinimumHeight(m_list->fontMetrics().lineSpacing() * (int(codes.size()) + 2));
    m_message->setAccessibleName(tr("Recovery codes message"));
    m_copy->setAccessibleName(tr("Copy All"));
    m_save->setAccessibleName(tr("Save to File"));
    m_saved->setAccessibleName(tr("I have saved these codes"));
    m_done->setAccessibleName(tr("Done"));
    m_done->setEnabled(false);
    m_copy->setAutoDefault(false);
    m_save->setAutoDefault(false);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_copy);
    actions->addWidget(m_save);
    actions->addStretch(1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_saved);
    bottom->addStretch(1);
    bottom->addWidget(m_done);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addLayout(bottom);

    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(codesText());
        m_message->showMessage(InlineMessage::Kind::Info, tr("Copied. Paste them somewhere safe."));
    });
    connect(m_save, &QPushButton::clicked, this, &RecoveryCodesDialog::save);
    connect(m_saved, &QCheckBox::toggled, m_done, &QPushButton::setEnabled);
    connect(m_saved, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_done->setDefault(true);
    });
    connect(m_done, &QPushButton::clicked, this, &QDialog::accept);
}

RecoveryCodesDialog::~RecoveryCodesDialog() = default;

QString RecoveryCodesDialog::codesText() const
{
    return m_codes.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void RecoveryCodesDialog::save()
{
    const QString path = m_chooser ? m_chooser() : QString();
    if (!path.isEmpty())
        saveTo(path);
}

bool RecoveryCodesDialog::saveTo(const QString& path)
{
    QSaveFile file(path);
    // Owner-only before any byte is written; QSaveFile renames the temporary file into place.
    const bool ok = file.open(QIODevice::WriteOnly | QIODevice::Text) &&
                    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
                    file.write(tr("Vigil recovery codes. Each works once.\n").toUtf8() + codesText().toUtf8()) >= 0 &&
                    file.commit();
    if (!ok) {
        m_message->showMessage(InlineMessage::Kind::Error,
                               tr("Vigil could not save the codes there: %1").arg(file.errorString()));
        return false;
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_message->showMessage(InlineMessage::Kind::Info, tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void RecoveryCodesDialog::reject()
{
    // The codes are never shown again: leaving needs the deliberate check box first.
    if (m_saved->isChecked())
        QDialog::reject();
}

} // namespace vigil
