#pragma once

#include "core/tv/TvSignInFlow.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace vigil {

class InlineMessage;
class StepUpFlow;
class TvSignInReviewPage;

// "Sign In a TV": type the code the TV shows, see what asks and where it is, choose the profile and
// how long it may stay, confirm it's you, and read the result. Renders a TvSignInFlow page by page;
// never a message box for a problem (they are inline).
class TvSignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TvSignInDialog)

public:
    // `profiles`: ProfileListModel. `stepUpMethods`: the methods the account offers for step-up.
    TvSignInDialog(TvSignInService* service,
                   QAbstractItemModel* profiles,
                   const QStringList& stepUpMethods,
                   QWidget* parent = nullptr);
    ~TvSignInDialog() override;

    TvSignInFlow* flow() const { return m_flow; }
    QLineEdit* codeEdit() const { return m_code; }
    QPushButton* lookUpButton() const { return m_lookUp; }
    InlineMessage* codeProblem() const { return m_codeProblem; }
    TvSignInReviewPage* reviewPage() const { return m_review; }
    QLabel* resultLabel() const { return m_result; }
    QStackedWidget* pages() const { return m_pages; }

private:
    QWidget* buildCodePage();
    QWidget* buildResultPage();
    void render();
    void renderProblem();
    void lookUp();
    void approve();

    TvSignInFlow* m_flow;
    StepUpFlow* m_stepUp;
    QStackedWidget* m_pages;
    QLineEdit* m_code = nullptr;
    QPushButton* m_lookUp = nullptr;
    InlineMessage* m_codeProblem = nullptr;
    TvSignInReviewPage* m_review;
    QLabel* m_resultIcon = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_done = nullptr;
    QTimer* m_tick;
    // The choice being approved, kept for a second try after the service refused the step-up token.
    TvSignInService::Approval m_approval;
    bool m_retriedStepUp = false;
};

} // namespace vigil
