#include "HelpPage.h"

#include "ui/main/SectionNavigator.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/PageHeader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigil {

namespace {

// Folds case and accents, so "reconnait" finds "reconnaît" and "SIGN" finds "sign".
QString searchKey(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c.toCaseFolded());
    }
    return out;
}

} // namespace

HelpPage::HelpPage(SectionNavigator* navigator, QWidget* parent)
    : QWidget(parent), m_search(new QLineEdit(this)), m_report(new QPushButton(tr("Report a Problem…"), this)),
      m_results(new QLabel(this)), m_text(new QTextBrowser(this))
{
    fillEntries();
    m_search->setPlaceholderText(tr("Search questions and tips"));
    m_search->setAccessibleName(tr("Search help"));
    m_search->setClearButtonEnabled(true);
    const QAction* searchIcon =
        m_search->addAction(Icons::themed(QStringLiteral("circle-question-mark")), QLineEdit::LeadingPosition);
    // The field's own icon buttons need names too, or a screen reader only says "button".
    const auto fieldButtons = m_search->findChildren<QToolButton*>();
    for (QToolButton* button : fieldButtons) {
        const bool icon = button->defaultAction() == searchIcon;
        button->setAccessibleName(icon ? tr("Search") : tr("Clear search"));
        button->setToolTip(button->accessibleName());
    }
    m_results->setObjectName(QStringLiteral("helpResults"));
    m_results->setAccessibleName(tr("Search results"));
    m_text->setOpenLinks(false);
    m_text->setAccessibleName(tr("Help text"));
    m_text->setFrameShape(QFrame::NoFrame);
    connect(m_text, &QTextBrowser::anchorClicked, navigator, [navigator](const QUrl& url) {
        if (const auto section = sectionFromLink(url.toString()))
            navigator->request(*section);
    });
    connect(m_search, &QLineEdit::textChanged, this, &HelpPage::render);
    m_report->setAccessibleName(tr("Report a problem"));
    m_report->setToolTip(tr("Save a report with Vigil's log, version and system, without anything secret"));
    connect(m_report, &QPushButton::clicked, this, &HelpPage::reportProblemRequested);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(tr("Help"), tr("Signing devices out, and keeping your account safe."), this));
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_report);
    layout->addLayout(searchRow);
    layout->addWidget(m_results);
    layout->addWidget(m_text, 1);
    render();
}

HelpPage::~HelpPage() = default;

QString HelpPage::plainText() const
{
    return m_text->toPlainText();
}

bool HelpPage::matches(const Entry& entry, const QStringList& words)
{
    const QString haystack = searchKey(entry.title + u' ' + entry.text + u' ' + entry.linkText);
    for (const QString& word : words) {
        if (!haystack.contains(word))
            return false;
    }
    return true;
}

QString HelpPage::entriesHtml(const QList<Entry>& entries, const QStringList& words, bool numbered, int* shown)
{
    QString html;
    int number = 0;
    for (const Entry& entry : entries) {
        ++number; // tips keep their number while the search hides others
        if (!matches(entry, words))
            continue;
        ++*shown;
        const QString title = numbered ? QStringLiteral("%1. %2").arg(number).arg(entry.title) : entry.title;
        html +=
            QStringLiteral("<h3>") + title.toHtmlEscaped() + QStringLiteral("</h3><p>") + entry.text.toHtmlEscaped();
        if (entry.section)
            html +=
                QStringLiteral(" <a href=\"%1\">%2</a>").arg(linkTo(*entry.section), entry.linkText.toHtmlEscaped());
        html += QStringLiteral("</p>");
    }
    return html;
}

void HelpPage::render()
{
    const QString query = m_search->text().simplified();
    const QStringList words = searchKey(query).split(u' ', Qt::SkipEmptyParts);
    int questions = 0;
    int tips = 0;
    const QString questionsHtml = entriesHtml(m_questions, words, false, &questions);
    const QString tipsHtml = entriesHtml(m_tips, words, true, &tips);
    m_visible = questions + tips;
    QString html;
    if (questions > 0)
        html += QStringLiteral("<h2>") + tr("Questions and Answers").toHtmlEscaped() + QStringLiteral("</h2>") +
                questionsHtml;
    if (tips > 0)
        html += QStringLiteral("<h2>") + tr("Security Tips").toHtmlEscaped() + QStringLiteral("</h2>") + tipsHtml;
    if (m_visible == 0)
        html = QStringLiteral("<p>") +
               tr("Nothing in the help matches \u201c%1\u201d. Try fewer or other words.").arg(query).toHtmlEscaped() +
               QStringLiteral("</p>");
    m_text->setHtml(html);
    m_results->setVisible(!words.isEmpty());
    m_results->setText(
        tr("Found %1 and %2.").arg(tr("%n question(s)", nullptr, questions), tr("%n tip(s)", nullptr, tips)));
}

void HelpPage::fillEntries()
{
    m_questions = {
        {tr("What happens when I sign out of all devices?"),
         tr("Every device signed in to your account is signed out. Whoever uses one of them has to enter your "
            "password again (and a 2-step code, if you use 2-step verification) to get back in."),
         std::nullopt,
         {}},
        {tr("Does signing out need an internet connection?"),
         tr("Vigil needs to reach your account service to sign devices out. The devices themselves don't have to "
            "be online at that moment."),
         std::nullopt,
         {}},
        {tr("What about a device that is switched off or offline?"),
         tr("It is signed out all the same: the service no longer accepts its sign-in, so the next time it "
            "connects it goes back to its sign-in screen."),
         std::nullopt,
         {}},
        {tr("Are profiles or viewing history deleted?"),
         tr("No. Signing out ends sessions, nothing else. Profiles, viewing history and preferences stay exactly "
            "as they are."),
         Section::Profiles,
         tr("See your profiles")},
        {tr("How often should I sign out of all devices?"),
         tr("Whenever you've watched on a public or borrowed device, lost a device, stopped sharing your "
            "account, or think someone else might be using it. Doing it now and then is a good habit too."),
         std::nullopt,
         {}},
        {tr("Can I sign out just one device?"),
         tr("Yes. Signing out works per device as well as for all of them at once, so you can remove one "
            "device without disturbing everyone else."),
         Section::Devices,
         tr("Go to your devices")},
    };
    m_tips = {
        {tr("Turn on 2-step verification"),
         tr("With a second step, a stolen password alone is no longer enough: signing in on a new device also "
            "needs a code only you can get."),
         Section::Security,
         tr("Check your 2-step verification")},
        {tr("Use a strong password of its own"),
         tr("A long password that you use nowhere else can't be guessed and doesn't leak when another site is "
            "breached. Avoid birthdays, names and words about you."),
         Section::Security,
         tr("Go to Security")},
        {tr("Look at your device list now and then"),
         tr("If you see a device you don't know, sign it out and change your password straight away. The sooner "
            "you notice, the less an intruder can do."),
         Section::Devices,
         tr("Review your devices")},
        {tr("Don't take the bait"),
         tr("Messages that look like they come from your streaming service may be phishing. Don't sign in through "
            "a link you were sent; open the service's site or app yourself."),
         std::nullopt,
         {}},
        {tr("Sign out of shared and public devices"),
         tr("After watching on a hotel TV, a friend's console or a library computer, sign out before you leave "
            "— or sign that device out from here afterwards."),
         Section::Devices,
         tr("Review your devices")},
        {tr("Keep your apps up to date"),
         tr("Updates close security holes. Let your devices and apps install them, and update Vigil when a new "
            "version is out."),
         std::nullopt,
         {}},
        {tr("Keep an eye on your account's activity"),
         tr("Sign-ins you didn't make, or changes you don't remember, are the first sign that someone else is "
            "using your account."),
         Section::Activity,
         tr("Check the activity")},
    };
}

} // namespace vigil
