#pragma once

#include "ui/main/Section.h"

#include <QList>
#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace vigil {

class SectionNavigator;

// Questions people ask about signing devices out, and seven security tips, each tip linking to
// the page that does it. A search field narrows both to the entries that contain every word typed.
class HelpPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpPage)

public:
    // `navigator` takes the tips' links to their sections.
    explicit HelpPage(SectionNavigator* navigator, QWidget* parent = nullptr);
    ~HelpPage() override;

    QString plainText() const;
    QLineEdit* searchField() const { return m_search; }
    // Entries shown for the current search (questions and tips together).
    int visibleEntries() const { return m_visible; }
    QPushButton* reportButton() const { return m_report; }

Q_SIGNALS:
    // "Report a Problem…": the window opens the dialog that saves a problem report.
    void reportProblemRequested();

private:
    struct Entry
    {
        QString title;
        QString text;
        std::optional<Section> section; // the page that does it
        QString linkText;
    };

    void fillEntries();
    void render();
    static bool matches(const Entry& entry, const QStringList& words);
    static QString entriesHtml(const QList<Entry>& entries, const QStringList& words, bool numbered, int* shown);

    QLineEdit* m_search;
    QPushButton* m_report;
    QLabel* m_results;
    QTextBrowser* m_text;
    QList<Entry> m_questions;
    QList<Entry> m_tips;
    int m_visible = 0;
};

} // namespace vigil
