#include "TvSignInDialog.h"

#include "core/stepup/StepUpFlow.h"
#include "core/tv/UserCode.h"
#include "ui/stepup/StepUpDialog.h"
#include "ui/tv/TvSignInReviewPage.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <utility>

namespace vigil {
namespace {

enum Page
{
    CodePage,
    ReviewPage,
    ResultPage,
};

// The ends shown ("in 2 h 5 min") move on while the dialog is open.
constexpr int tickMs = 30 * 1000;

} // namespace

using State = TvSignInFlow::State;

TvSignInDialog::TvSignInDialog(TvSignInService* service,
                               QAbstractItemModel* profiles,
                               const QStringList& stepUpMethods,
                               QWidget* parent)
    : QDialog(parent), m_flow(new TvSignInFlow(service, this)), m_stepUp(new StepUpFlow(service->stepUp(), this)),
      m_pages(new QStackedWidget(this)), m_review(new TvSignInReviewPage(
                                             profiles, [service] { return service->now(); }, this)),
      m_tick(new QTimer(this))
{
    setWindowTitle(tr("Sign In a TV"));
    setAccessibleName(tr("Sign in a TV"));
    setWindowIcon(Icons::themed(QStringLiteral("tv")));
    setMinimumWidth(520);
    if (!stepUpMethods.isEmpty())
        m_stepUp->setAvailableMethods(stepUpMethods);

    m_pages->addWidget(buildCodePage());
    m_pages->addWidget(m_review);
    m_pages->addWidget(buildResultPage());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);

    connect(m_flow, &TvSignInFlow::stateChanged, this, &TvSignInDialog::render);
    connect(m_flow, &TvSignInFlow::problemChanged, this, &TvSignInDialog::renderProblem);
    connect(m_flow, &TvSignInFlow::countdownChanged, this, &TvSignInDialog::renderProblem);
    connect(m_review, &TvSignInReviewPage::cancelRequested, this, &QDialog::reject);
    connect(m_review, &TvSignInReviewPage::denyRequested, m_flow, &TvSignInFlow::deny);
    connect(m_review, &TvSignInReviewPage::approveRequested, this, &TvSignInDialog::approve);
    m_tick->setInterval(tickMs);
    connect(m_tick, &QTimer::timeout, m_review, &TvSignInReviewPage::refresh);
    m_tick->start();
    render();
}

TvSignInDialog::~TvSignInDialog() = default;

QWidget* TvSignInDialog::buildCodePage()
{
    auto* page = new QWidget(this);
    auto* title = new QLabel(tr("Type the code the TV shows"), page);
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    title->setFont(bold);
    auto* help = new QLabel(tr("On the TV, choose Sign In. It shows a code of 8 letters and digits, like WDJB-MJHT. "
                               "Only sign in a TV you can see in front of you."),
                            page);
    help->setWordWrap(true);
    m_code = new QLineEdit(page);
    m_code->setAccessibleName(tr("TV code"));
    m_code->setPlaceholderText(QStringLiteral("WDJB-MJHT"));
    m_code->setMaxLength(32); // room for a pasted code with spaces around it
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(m_code->font().pointSizeF() * 1.4);
    m_code->setFont(mono);
    auto* codeLabel = new QLabel(tr("&Code:"), page);
    codeLabel->setBuddy(m_code);
    auto* row = new QHBoxLayout;
    row->addWidget(codeLabel);
    row->addWidget(m_code, 1);
    m_codeProblem = new InlineMessage(page);

    auto* cancel = new QPushButton(tr("Cancel"), page);
    cancel->setAutoDefault(false); // Return looks up, even when focus passes by Cancel
    m_lookUp = new QPushButton(tr("Look Up"), page);
    m_lookUp->setAccessibleName(tr("Look Up"));
    m_lookUp->setToolTip(tr("Finds the TV that shows this code"));
    m_lookUp->setDefault(true); // looking a code up commits to nothing
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(cancel);
    buttons->addWidget(m_lookUp);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(help);
    layout->addSpacing(8);
    layout->addLayout(row);
    layout->addWidget(m_codeProblem);
    layout->addStretch(1);
    layout->addLayout(buttons);

    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_lookUp, &QPushButton::clicked, this, &TvSignInDialog::lookUp);
    connect(m_code, &QLineEdit::returnPressed, this, &TvSignInDialog::lookUp);
    connect(m_code, &QLineEdit::textEdited, this, [this](const QString& text) {
        // A whole code (typed, or pasted in any form) reads the way the TV shows it.
        if (UserCode::isComplete(text) && text != UserCode::formatted(text))
            m_code->setText(UserCode::formatted(text));
        if (m_flow->problemKind() == TvSignInFlow::ProblemKind::IncompleteCode && UserCode::isComplete(text))
            m_codeProblem->clear();
        render();
    });
    return page;
}

QWidget* TvSignInDialog::buildResultPage()
{
    auto* page = new QWidget(this);
    m_resultIcon = new QLabel(page);
    m_result = new QLabel(page);
    m_result->setAccessibleName(tr("Result"));
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    QFont big = m_result->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_result->setFont(big);
    m_done = new QPushButton(tr("Done"), page);
    m_done->setDefault(true);
    auto* row = new QHBoxLayout;
    row->addWidget(m_resultIcon, 0, Qt::AlignTop);
    row->addWidget(m_result, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_done);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addStretch(1);
    layout->addLayout(buttons);
    connect(m_done, &QPushButton::clicked, this, &QDialog::accept);
    return page;
}

void TvSignInDialog::lookUp()
{
    m_flow->lookUp(m_code->text());
}

void TvSignInDialog::approve()
{
    m_approval = m_review->approval();
    m_retriedStepUp = false;
    const QString name = m_flow->request() ? m_flow->request()->device.displayName() : QString();
    const QPointer<TvSignInDialog> self(this);
    StepUpDialog::ensure(this, m_stepUp, tr("Before Vigil signs in %1, confirm that it's you.").arg(name), [self] {
        if (self)
            self->m_flow->approve(self->m_approval);
    });
}

void TvSignInDialog::render()
{
    const State state = m_flow->state();
    switch (state) {
    case State::EnteringCode:
    case State::LookingUp: {
        m_pages->setCurrentIndex(CodePage);
        const bool busy = state == State::LookingUp;
        // Read-only, not disabled: a disabled field hands its focus on to Cancel, and the very Return
        // that looked the code up would then close the dialog.
        m_code->setReadOnly(busy);
        m_lookUp->setText(busy ? tr("Looking Up…") : tr("Look Up"));
        m_lookUp->setEnabled(!busy && m_flow->lockoutSecondsLeft() == 0 && !m_code->text().trimmed().isEmpty());
        if (!busy && !m_code->hasFocus() && isVisible())
            m_code->setFocus();
        break;
    }
    case State::Reviewing:
    case State::Approving:
    case State::Denying:
        if (m_pages->currentIndex() != ReviewPage && m_flow->request()) {
            m_review->showRequest(*m_flow->request());
            m_pages->setCurrentIndex(ReviewPage);
            m_review->profileBox()->setFocus(); // the first choice to make
        }
        m_review->setBusy(state != State::Reviewing);
        break;
    case State::Approved:
        m_resultIcon->setPixmap(Icons::themed(QStringLiteral("circle-check")).pixmap(28, 28));
        m_result->setText(m_flow->resultText());
        m_result->setAccessibleDescription(m_result->text()); // AT-SPI reads a label's text from here
        m_pages->setCurrentIndex(ResultPage);
        m_done->setFocus();
        break;
    case State::Denied:
        m_resultIcon->setPixmap(Icons::themed(QStringLiteral("circle-x")).pixmap(28, 28));
        m_result->setText(tr("Vigil refused the TV. It can't sign in with that code."));
        m_result->setAccessibleDescription(m_result->text());
        m_pages->setCurrentIndex(ResultPage);
        m_done->setFocus();
        break;
    }
    renderProblem();
}

void TvSignInDialog::renderProblem()
{
    const QString text = m_flow->problemText();
    const State state = m_flow->state();
    if (state == State::EnteringCode || state == State::LookingUp) {
        if (text.isEmpty())
            m_codeProblem->clear();
        else
            m_codeProblem->showMessage(InlineMessage::Kind::Error, text);
        m_lookUp->setEnabled(state == State::EnteringCode && m_flow->lockoutSecondsLeft() == 0 &&
                             !m_code->text().trimmed().isEmpty());
        return;
    }
    m_review->showProblem(text);
    // The token ran out between the check and the answer: ask once more, then leave it to the person.
    if (m_flow->problemKind() == TvSignInFlow::ProblemKind::StepUpRequired && !std::exchange(m_retriedStepUp, true)) {
        const QPointer<TvSignInDialog> self(this);
        StepUpDialog::ensure(this, m_stepUp, tr("Before Vigil signs the TV in, confirm that it's you."), [self] {
            if (self)
                self->m_flow->approve(self->m_approval);
        });
    }
}

} // namespace vigil
