#include "ui/report/ReportProblemDialog.h"

#include "core/report/ProblemReport.h"
#include "ui/signout/SignOutStyle.h"
#include "ui/widgets/InlineMessage.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QSysInfo>
#include <QUrl>
#include <QVBoxLayout>

namespace vigil {

ReportProblemDialog::ReportProblemDialog(ProblemReport* report, QWidget* parent)
    : QDialog(parent), m_report(report), m_contents(SignOutStyle::sentence({}, this)), m_folder(new QLineEdit(this)),
      m_choose(new QPushButton(tr("Choose…"), this)), m_save(new QPushButton(tr("Save Report"), this)),
      m_showFolder(new QPushButton(tr("Show Folder"), this)), m_close(new QPushButton(tr("Cancel"), this)),
      m_message(new InlineMessage(this))
{
    setWindowTitle(tr("Report a Problem"));
    setAccessibleName(tr("Report a problem"));
    setMinimumWidth(560);

    auto* heading = SignOutStyle::heading(tr("Save a Problem Report"), this);
    auto* intro = SignOutStyle::sentence(tr("Vigil saves a folder that you can send to whoever helps you with the "
                                            "problem. It holds:"),
                                         this);
    QStringList items{tr("Vigil's log since it started, with every password, code and token taken out."),
                      tr("Vigil's version and your system (%1).").arg(QSysInfo::prettyProductName().toHtmlEscaped())};
    if (m_report->includesServiceSnapshot())
        items << tr("The demo service's state: its devices, sessions, clock and test faults, so that a developer "
                    "can load exactly this moment.");
    QString html = QStringLiteral("<ul style=\"margin-left: 0px; -qt-list-indent: 1;\">");
    for (const QString& item : std::as_const(items))
        html += QStringLiteral("<li>%1</li>").arg(item);
    html += QStringLiteral("</ul>");
    m_contents->setTextFormat(Qt::RichText);
    m_contents->setText(html);
    m_contents->setAccessibleName(tr("What the report holds"));
    m_contents->setAccessibleDescription(items.join(QLatin1Char(' '))); // Qt 6.4: QLabel text is not on AT-SPI
    const QString noSecretsText = tr("Nothing secret goes in: no password, verification code, recovery code or "
                                     "sign-in token. You can open the files and read them before you send them.");
    auto* noSecrets = SignOutStyle::sentence(noSecretsText, this);
    noSecrets->setAccessibleName(tr("Nothing secret"));
    noSecrets->setAccessibleDescription(noSecretsText);

    auto* folderLabel = new QLabel(tr("Save in:"), this);
    folderLabel->setBuddy(m_folder);
    m_folder->setAccessibleName(tr("Folder for the report"));
    m_folder->setText(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    m_choose->setAccessibleName(tr("Choose a folder"));
    m_choose->setAutoDefault(false);
    m_save->setDefault(true);
    m_showFolder->setAccessibleName(tr("Show the report folder"));
    m_showFolder->setAutoDefault(false);
    m_showFolder->setVisible(false);
    m_close->setAutoDefault(false);

    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folderLabel);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_choose);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_showFolder);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addWidget(m_contents);
    layout->addWidget(noSecrets);
    layout->addSpacing(6);
    layout->addLayout(folderRow);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addLayout(buttons);

    connect(m_choose, &QPushButton::clicked, this, &ReportProblemDialog::chooseFolder);
    connect(m_save, &QPushButton::clicked, this, &ReportProblemDialog::save);
    connect(m_close, &QPushButton::clicked, this, &ReportProblemDialog::reject);
    connect(
        m_showFolder, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_saved)); });
    connect(m_folder, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_save->setEnabled(!text.trimmed().isEmpty() && !m_report->isSaving());
    });
    connect(m_report, &ProblemReport::saved, this, &ReportProblemDialog::onSaved);
    connect(m_report, &ProblemReport::failed, this, &ReportProblemDialog::onFailed);

    // Wrapped labels report their height for a narrower guess than the dialog's real width, and the
    // stretch above the buttons took the difference as an empty band: size for the width we have.
    const int width = qMax(minimumWidth(), sizeHint().width());
    resize(width, layout->totalHeightForWidth(width));
}

ReportProblemDialog::~ReportProblemDialog() = default;

void ReportProblemDialog::setFolder(const QString& folder)
{
    m_folder->setText(QDir::toNativeSeparators(folder));
}

QString ReportProblemDialog::folder() const
{
    return QDir::fromNativeSeparators(m_folder->text().trimmed());
}

QString ReportProblemDialog::contentsText() const
{
    return m_contents->accessibleDescription();
}

void ReportProblemDialog::chooseFolder()
{
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Where to Save the Report"), folder());
    if (!chosen.isEmpty())
        setFolder(chosen);
}

void ReportProblemDialog::save()
{
    m_message->showMessage(InlineMessage::Kind::Info,
                           m_report->includesServiceSnapshot() ? tr("Saving the report and the demo service's state…")
                                                               : tr("Saving the report…"));
    m_save->setEnabled(false);
    m_choose->setEnabled(false);
    m_report->save(folder());
}

void ReportProblemDialog::onSaved(const QString& folder, const QStringList& files)
{
    m_saved = folder;
    m_message->showMessage(
        InlineMessage::Kind::Info,
        tr("Saved %n file(s) to %1.", nullptr, int(files.size())).arg(QDir::toNativeSeparators(folder)));
    m_showFolder->setVisible(true);
    m_showFolder->setDefault(true);
    m_choose->setEnabled(true);
    m_save->setEnabled(true);
    m_close->setText(tr("Close"));
}

void ReportProblemDialog::onFailed(const QString& message)
{
    m_message->showMessage(InlineMessage::Kind::Error, tr("The report was not saved. %1").arg(message));
    m_choose->setEnabled(true);
    m_save->setEnabled(true);
}

} // namespace vigil
