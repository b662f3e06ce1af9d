#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace vigil {

class InlineMessage;
class ProblemReport;

// Help → Report a Problem…: says what a problem report holds (Vigil's redacted log, its version and
// the system, and in demo mode the demo service's state) and that nothing secret goes in, lets the
// user pick where it goes, saves it (ProblemReport) and offers to show the folder.
class ReportProblemDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportProblemDialog)

public:
    ReportProblemDialog(ProblemReport* report, QWidget* parent = nullptr);
    ~ReportProblemDialog() override;

    // The folder the report goes into (a new folder is made inside it).
    void setFolder(const QString& folder);
    QString folder() const;
    // The report folder last saved; empty before.
    QString savedFolder() const { return m_saved; }

    // What the report holds, as shown (for tests and screen readers).
    QString contentsText() const;
    QPushButton* saveButton() const { return m_save; }
    QPushButton* showFolderButton() const { return m_showFolder; }
    InlineMessage* message() const { return m_message; }

private:
    void chooseFolder();
    void save();
    void onSaved(const QString& folder, const QStringList& files);
    void onFailed(const QString& message);

    ProblemReport* m_report;
    QLabel* m_contents;
    QLineEdit* m_folder;
    QPushButton* m_choose;
    QPushButton* m_save;
    QPushButton* m_showFolder;
    QPushButton* m_close;
    InlineMessage* m_message;
    QString m_saved;
};

} // namespace vigil
