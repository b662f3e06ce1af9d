#pragma once

// What the Security page's widget tests share: a scripted fake network (answers by path, the last
// answer repeats), a signed-in session, and a step-up service on a fixed clock.
#include "FakeNetworkAccessManager.h"
#include "TestTokens.h"
#include "WidgetFinder.h"
#include "core/account/AccountService.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/TokenPair.h"
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
        m_now = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
        m_script.clear();
        m_nam = std::make_unique<FakeNetworkAccessManager>();
        m_nam->setHandler([this](const FakeRequest& request) {
            auto it = m_script.find(request.path());
            if (it == m_script.end() || it->isEmpty())
                return FakeResponse::error(404, "not_found");
            return it->size() > 1 ? it->takeFirst() : it->constFirst();
        });
        m_session = std::make_unique<Session>();
        const auto tokens = TokenPair::fromJson(TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1")));
        QVERIFY(tokens.hasValue());
        m_session->setTokens(QUrl(QStringLiteral("http://127.0.0.1:8765")), tokens.value());
        m_api = std::make_unique<ApiClient>(m_nam.get(), m_session.get());
        m_api->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:8765")));
        m_stepUp = std::make_unique<StepUpService>(m_api.get(), [this] { return m_now; });
    }

    void tearDownFixture()
    {
        m_stepUp.reset();
        m_api.reset();
        m_session.reset();
        m_nam.reset();
    }

    void script(const QString& path, const QList<FakeResponse>& responses) { m_script.insert(path, responses); }

    // A valid step-up token in m_stepUp, earned over the scripted network.
    void earnToken()
    {
        using namespace vigil;
        using namespace SecurityPageFixtureData;
        script(stepUpPath, {challenge()});
        script(verifyPath, {verified()});
        bool done = false;
        m_stepUp->begin(QStringLiteral("password"), &m_context, [&](const Expected<StepUpChallenge, ApiError>& result) {
            QVERIFY(result.hasValue());
            m_stepUp->verify(result.value().challenge,
                             QStringLiteral("pw"),
                             &m_context,
                             [&](const Expected<void, ApiError>&) { done = true; });
        });
        QTRY_VERIFY(done);
        QVERIFY(m_stepUp->validToken().has_value());
    }

    QObject m_context; // for callbacks that need a receiver
    QDateTime m_now;
    QHash<QString, QList<FakeResponse>> m_script;
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<vigil::Session> m_session;
    std::unique_ptr<vigil::ApiClient> m_api;
    std::unique_ptr<vigil::StepUpService> m_stepUp;
};
