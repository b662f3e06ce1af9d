#pragma once

// What the Security page's widget tests share: a scripted fake network (answers by path, the last
// answer repeats), a signed-in session, and a step-up service on a fixed clock.
#include "StepUpStack.h"
#include "WidgetFinder.h"
#include "core/account/AccountService.h"
#include "core/flows/SignOutResultsModel.h"
#include "core/security/PasswordChangeFlow.h"
#include "core/security/SupportCodeService.h"
#include "core/security/TwoStepService.h"
#include "core/stepup/StepUpFlow.h"
#include "core/stepup/StepUpService.h"
#include "core/util/EnglishPlurals.h"
#include "ui/pages/SecurityPage.h"
#include "ui/security/HolderSupportCodeDialog.h"
#include "ui/security/PasswordChangeSection.h"
#include "ui/security/QrCodeWidget.h"
#include "ui/security/RecoveryCodesDialog.h"
#include "ui/security/TotpEnrolmentDialog.h"
#include "ui/security/TwoStepSection.h"
#include "ui/signout/VerificationPage.h"
#include "ui/stepup/StepUpDialog.h"
#include "ui/widgets/Icons.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace SecurityPageFixtureData {

using namespace vigil;

inline const QString stepUpPath = QStringLiteral("/v1/step-up");
inline const QString verifyPath = QStringLiteral("/v1/step-up/verify");
inline const QString passwordPath = QStringLiteral("/v1/account/password");

inline FakeResponse challenge(const QString& method = QStringLiteral("password"))
{
    return FakeResponse::json(200,
                              QJsonObject{{QStringLiteral("challenge"), QStringLiteral("chl_1")},
                                          {QStringLiteral("method"), method},
                                          {QStringLiteral("expires_in"), 600},
                                          {QStringLiteral("resend_after"), 0}});
}

inline FakeResponse verified()
{
    return FakeResponse::json(
        200,
        QJsonObject{{QStringLiteral("step_up_token"), QStringLiteral("vst_1")}, {QStringLiteral("expires_in"), 300}});
}

inline QStringList tenCodes()
{
    QStringList codes;
    for (int i = 0; i < 10; ++i)
        codes.append(QStringLiteral("abcd-efgh-%1").arg(i, 4, 10, QLatin1Char('0')));
    return codes;
}

} // namespace SecurityPageFixtureData

class SecurityPageFixture
{
protected:
    // From each test's init() and cleanup().
    void setUpFixture()
    {
        using namespace vigil;
        m_stack = std::make_unique<StepUpStack>(QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC));
        m_stack->answerFromScript();
        QVERIFY(m_stack->signedIn);
    }

    void tearDownFixture() { m_stack.reset(); }

    void script(const QString& path, const QList<FakeResponse>& responses) { m_stack->script(path, responses); }

    // A valid step-up token in m_stepUp, earned over the scripted network.
    void earnToken()
    {
        using namespace vigil;
        using namespace SecurityPageFixtureData;
        script(stepUpPath, {challenge()});
        script(verifyPath, {verified()});
        bool done = false;
        m_stack->stepUp->begin(
            QStringLiteral("password"), &m_context, [&](const Expected<StepUpChallenge, ApiError>& result) {
                QVERIFY(result.hasValue());
                m_stack->stepUp->verify(result.value().challenge,
                                        QStringLiteral("pw"),
                                        &m_context,
                                        [&](const Expected<void, ApiError>&) { done = true; });
            });
        QTRY_VERIFY(done);
        QVERIFY(m_stack->stepUp->validToken().has_value());
    }

    QObject m_context; // for callbacks that need a receiver
    std::unique_ptr<StepUpStack> m_stack;
};
