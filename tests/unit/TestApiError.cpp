#include "core/api/ApiError.h"
#include "core/util/EnglishPlurals.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>

using vigil::ApiError;
using Code = vigil::ApiError::Code;

class TestApiError final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mapsEveryServerCode_data();
    void mapsEveryServerCode();
    void readsDetails();
    void retryAfterFromHeaderWhenBodyHasNone();
    void garbageBodies_data();
    void garbageBodies();
    void unknownCodeKeepsServerMessage();
    void mapsNetworkErrors_data();
    void mapsNetworkErrors();
    void everyCodeHasUserText();
    void sessionEndingCodes();
    void sessionTooNewSaysWhenWhyAndWhatToDo();
    void sessionTooNewSaysWhetherAnEmailCodeHelps();
    void aBusyServiceSaysWaitAMoment();
};

void TestApiError::initTestCase()
{
    QCoreApplication::installTranslator(new vigil::EnglishPlurals(this));
}

void TestApiError::mapsEveryServerCode_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<Code>("expected");
    QTest::newRow("invalid_credentials") << 401 << QByteArray("invalid_credentials") << Code::InvalidCredentials;
    QTest::newRow("token_missing") << 401 << QByteArray("token_missing") << Code::TokenMissing;
    QTest::newRow("token_invalid") << 401 << QByteArray("token_invalid") << Code::TokenInvalid;
    QTest::newRow("token_expired") << 401 << QByteArray("token_expired") << Code::TokenExpired;
    QTest::newRow("session_revoked") << 401 << QByteArray("session_revoked") << Code::SessionRevoked;
    QTest::newRow("invalid_refresh") << 401 << QByteArray("invalid_refresh") << Code::InvalidRefresh;
    QTest::newRow("invalid_code") << 401 << QByteArray("invalid_code") << Code::InvalidCode;
    QTest::newRow("mfa_required") << 403 << QByteArray("mfa_required") << Code::MfaRequired;
    QTest::newRow("forbidden") << 403 << QByteArray("forbidden") << Code::Forbidden;
    QTest::newRow("admin_key_required") << 403 << QByteArray("admin_key_required") << Code::Forbidden;
    QTest::newRow("step_up_required") << 403 << QByteArray("step_up_required") << Code::StepUpRequired;
    QTest::newRow("session_too_new") << 403 << QByteArray("session_too_new") << Code::Forbidden;
    QTest::newRow("service_busy") << 503 << QByteArray("service_busy") << Code::ServerError;
    QTest::newRow("too_many_attempts") << 429 << QByteArray("too_many_attempts") << Code::TooManyAttempts;
    QTest::newRow("invalid_json") << 400 << QByteArray("invalid_json") << Code::InvalidJson;
    QTest::newRow("unsupported_media_type")
        << 415 << QByteArray("unsupported_media_type") << Code::UnsupportedMediaType;
    QTest::newRow("body_too_large") << 413 << QByteArray("body_too_large") << Code::BodyTooLarge;
    QTest::newRow("invalid_field") << 422 << QByteArray("invalid_field") << Code::InvalidField;
    QTest::newRow("not_found") << 404 << QByteArray("not_found") << Code::NotFound;
    QTest::newRow("method_not_allowed") << 405 << QByteArray("method_not_allowed") << Code::MethodNotAllowed;
    QTest::newRow("internal_error") << 500 << QByteArray("internal_error") << Code::ServerError;
    QTest::newRow("unknown code on 5xx") << 503 << QByteArray("overloaded") << Code::ServerError;
    QTest::newRow("unknown code on 4xx") << 409 << QByteArray("brand_new_code") << Code::Unknown;
}

void TestApiError::mapsEveryServerCode()
{
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    QFETCH(Code, expected);
    const QByteArray body = "{\"error\":\"" + code + "\",\"message\":\"Something.\"}";
    const ApiError error = ApiError::fromHttpResponse(status, body);
    QCOMPARE(error.code(), expected);
    QCOMPARE(error.httpStatus(), status);
    QCOMPARE(error.serverCode(), QString::fromLatin1(code));
    QCOMPARE(error.serverMessage(), QStringLiteral("Something."));
    if (expected != Code::Unknown && expected != Code::ServerError && expected != Code::Forbidden)
        QCOMPARE(ApiError::codeName(expected), QString::fromLatin1(code));
}

void TestApiError::readsDetails()
{
    const ApiError mfa = ApiError::fromHttpResponse(
        403, R"({"error":"mfa_required","message":"m","methods":["totp","recovery"],"mfa_token":"mfa_abc"})");
    QCOMPARE(mfa.code(), Code::MfaRequired);
    QCOMPARE(mfa.mfaMethods(), (QStringList{QStringLiteral("totp"), QStringLiteral("recovery")}));
    QCOMPARE(mfa.mfaToken(), QStringLiteral("mfa_abc"));

    const ApiError code =
        ApiError::fromHttpResponse(401, R"({"error":"invalid_code","message":"m","attempts_left":2})");
    QCOMPARE(code.attemptsLeft(), std::optional<int>(2));
    QVERIFY2(code.suggestedAction().contains(QStringLiteral("2 attempts left")), qPrintable(code.suggestedAction()));
    QCOMPARE(ApiError::fromHttpResponse(401, R"({"error":"invalid_code","message":"m"})").attemptsLeft(), std::nullopt);

    const ApiError field =
        ApiError::fromHttpResponse(422, R"({"error":"invalid_field","message":"m","field":"email"})");
    QCOMPARE(field.field(), QStringLiteral("email"));
    QVERIFY(field.message().contains(QStringLiteral("email")));

    const ApiError throttled =
        ApiError::fromHttpResponse(429, R"({"error":"too_many_attempts","message":"m","retry_after":90})", "30");
    QCOMPARE(throttled.retryAfterSeconds(), std::optional<int>(90)); // the body is more precise than the header
    QVERIFY2(throttled.suggestedAction().contains(QStringLiteral("2 minutes")),
             qPrintable(throttled.suggestedAction()));
}

void TestApiError::retryAfterFromHeaderWhenBodyHasNone()
{
    const ApiError error = ApiError::fromHttpResponse(429, R"({"error":"too_many_attempts","message":"m"})", " 12 ");
    QCOMPARE(error.retryAfterSeconds(), std::optional<int>(12));
    QVERIFY(error.suggestedAction().contains(QStringLiteral("12 seconds")));
    QVERIFY(error.isTransient());
}

void TestApiError::garbageBodies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Code>("expected");
    QTest::newRow("html 502 from a proxy")
        << 502 << QByteArray("<html><body>Bad Gateway</body></html>") << Code::ServerError;
    QTest::newRow("empty 500") << 500 << QByteArray() << Code::ServerError;
    QTest::newRow("html 401") << 401 << QByteArray("<html>Unauthorized</html>") << Code::InvalidResponse;
    QTest::newRow("empty 401") << 401 << QByteArray() << Code::InvalidResponse;
    QTest::newRow("empty 404") << 404 << QByteArray() << Code::InvalidResponse;
    QTest::newRow("truncated json") << 401 << QByteArray(R"({"error":"token_exp)") << Code::InvalidResponse;
    QTest::newRow("json array") << 400 << QByteArray(R"(["invalid_json"])") << Code::InvalidResponse;
    QTest::newRow("error is not a string")
        << 401 << QByteArray(R"({"error":42,"message":"m"})") << Code::InvalidResponse;
    QTest::newRow("binary") << 400 << QByteArray("\x00\xff\xfe garbage", 11) << Code::InvalidResponse;
    QTest::newRow("empty 429") << 429 << QByteArray() << Code::TooManyAttempts;
}

void TestApiError::garbageBodies()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Code, expected);
    const ApiError error = ApiError::fromHttpResponse(status, body);
    QCOMPARE(error.code(), expected);
    QCOMPARE(error.httpStatus(), status);
    QVERIFY(!error.message().isEmpty());
    QVERIFY(!error.suggestedAction().isEmpty());
    // Never echo a body we did not understand to the user.
    QVERIFY(!error.userText().contains(QStringLiteral("html")));
}

void TestApiError::unknownCodeKeepsServerMessage()
{
    const ApiError error = ApiError::fromHttpResponse(409, R"({"error":"brand_new","message":"Already done."})");
    QCOMPARE(error.code(), Code::Unknown);
    QCOMPARE(error.message(), QStringLiteral("Already done."));
}

void TestApiError::mapsNetworkErrors_data()
{
    QTest::addColumn<QNetworkReply::NetworkError>("networkError");
    QTest::addColumn<Code>("expected");
    QTest::newRow("refused") << QNetworkReply::ConnectionRefusedError << Code::NoConnection;
    QTest::newRow("host not found") << QNetworkReply::HostNotFoundError << Code::NoConnection;
    QTest::newRow("closed") << QNetworkReply::RemoteHostClosedError << Code::NoConnection;
    QTest::newRow("temporary failure") << QNetworkReply::TemporaryNetworkFailureError << Code::NoConnection;
    QTest::newRow("proxy refused") << QNetworkReply::ProxyConnectionRefusedError << Code::NoConnection;
    QTest::newRow("timeout") << QNetworkReply::TimeoutError << Code::Timeout;
    QTest::newRow("tls") << QNetworkReply::SslHandshakeFailedError << Code::Tls;
    QTest::newRow("cancelled") << QNetworkReply::OperationCanceledError << Code::Cancelled;
    QTest::newRow("protocol failure") << QNetworkReply::ProtocolFailure << Code::InvalidResponse;
    QTest::newRow("insecure redirect") << QNetworkReply::InsecureRedirectError << Code::InvalidResponse;
}

void TestApiError::mapsNetworkErrors()
{
    QFETCH(QNetworkReply::NetworkError, networkError);
    QFETCH(Code, expected);
    const ApiError error = ApiError::fromNetworkError(networkError);
    QCOMPARE(error.code(), expected);
    QCOMPARE(error.httpStatus(), 0);
}

void TestApiError::everyCodeHasUserText()
{
    for (int i = 0; i <= int(Code::Unknown); ++i) {
        const ApiError error{Code(i)};
        QVERIFY2(!error.message().isEmpty(), qPrintable(ApiError::codeName(Code(i))));
        QVERIFY2(!error.suggestedAction().isEmpty(), qPrintable(ApiError::codeName(Code(i))));
        QVERIFY(error.message().endsWith(QLatin1Char('.')));
    }
}

void TestApiError::sessionEndingCodes()
{
    QVERIFY(ApiError(Code::SessionRevoked).endsSession());
    QVERIFY(ApiError(Code::InvalidRefresh).endsSession());
    QVERIFY(ApiError(Code::TokenInvalid).endsSession());
    QVERIFY(!ApiError(Code::TokenExpired).endsSession()); // refreshed, not ended
    QVERIFY(!ApiError(Code::NoConnection).endsSession());
    QVERIFY(ApiError(Code::NoConnection).isTransient());
    QVERIFY(!ApiError(Code::InvalidCredentials).isTransient());
}

// 503 service_busy (the service's hashing queue is full) is no failure: a short wait, said plainly,
// and transient so callers may retry after Retry-After.
void TestApiError::aBusyServiceSaysWaitAMoment()
{
    const ApiError busy =
        ApiError::fromHttpResponse(503, R"({"error":"service_busy","message":"m"})", QByteArrayLiteral("1"));
    QCOMPARE(busy.code(), Code::ServerError);
    QVERIFY(busy.isTransient());
    QCOMPARE(busy.userText(), QStringLiteral("The server is busy right now. Try again in a moment."));
    const ApiError broken = ApiError::fromHttpResponse(500, R"({"error":"internal_error","message":"m"})");
    QCOMPARE(broken.userText(), QStringLiteral("The server ran into a problem. Try again in a few minutes."));
}

void TestApiError::sessionTooNewSaysWhenWhyAndWhatToDo()
{
    const QDateTime before = QDateTime::currentDateTime().addSecs(600);
    const ApiError error = ApiError::fromHttpResponse(
        403, R"({"error":"session_too_new","message":"m","new_until":"2026-12-08T09:41:00Z","retry_after":600})");
    const QDateTime after = QDateTime::currentDateTime().addSecs(600);
    QCOMPARE(error.code(), Code::Forbidden);
    QCOMPARE(error.serverCode(), QStringLiteral("session_too_new"));
    // When (local time, as the answer arrived), why, and what to do now.
    const QString message = error.message();
    QVERIFY2(message.contains(QStringLiteral("until ") + QLocale().toString(before, QLocale::ShortFormat)) ||
                 message.contains(QStringLiteral("until ") + QLocale().toString(after, QLocale::ShortFormat)),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("can't sign out your other devices or change security settings")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("someone who has your password")), qPrintable(message));
    QCOMPARE(error.suggestedAction(),
             QStringLiteral("Use a device you've signed in on before, or confirm this one from it."));
    QVERIFY(!error.endsSession());
    // Without a time the text still says why and what to do.
    const ApiError vague = ApiError::fromHttpResponse(403, R"({"error":"session_too_new","message":"m"})");
    QVERIFY(vague.message().contains(QStringLiteral("for now")));
    QCOMPARE(vague.suggestedAction(), error.suggestedAction());
    // Other refusals keep their words.
    QCOMPARE(ApiError::fromHttpResponse(403, R"({"error":"forbidden","message":"m"})").suggestedAction(),
             QStringLiteral("Sign in with an account that has access."));
}

void TestApiError::sessionTooNewSaysWhetherAnEmailCodeHelps()
{
    const auto tooNew = [](const char* offered) {
        return ApiError::fromHttpResponse(
            403, QByteArray(R"({"error":"session_too_new","message":"m","retry_after":600)") + offered + "}");
    };
    QVERIFY(tooNew(R"(,"shorten_by_email":true)").offersEmailCode());
    QVERIFY(!tooNew(R"(,"shorten_by_email":false)").offersEmailCode());
    QVERIFY(!tooNew("").offersEmailCode()); // an older service says nothing: not offered
}

QTEST_GUILESS_MAIN(TestApiError)
#include "TestApiError.moc"
