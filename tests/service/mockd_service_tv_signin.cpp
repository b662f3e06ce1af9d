#include "EventClient.h"
#include "ServiceFixture.h"
#include "TvCodes.h"

#include <QJsonArray>
#include <QObject>
#include <QRegularExpression>
#include <QTest>
#include <memory>

// Signing a TV in with a code (RFC 8628) and guest access, against a real vigil-mockd: every error
// of the token endpoint (authorization_pending, slow_down, expired_token, access_denied,
// invalid_grant on reuse), the holder's lookup with its guessing budget, another account's code,
// approval behind the step-up and young-session guard, and guests that end, are extended and are
// brought forward by the movable clock.
class TestServiceTvSignIn final : public ServiceFixture
{
    Q_OBJECT

private:
    ServiceClient::Tokens m_me; // an established holder session

    static constexpr qint64 hour = 60 * 60;

    struct Code
    {
        QString device;
        QString user;
    };

    Code newCode(const QString& address = {})
    {
        const ServiceReply reply = TvCodes::request(client(), address);
        [&] { QCOMPARE(reply.status, 200); }();
        return {reply.json().value(QStringLiteral("device_code")).toString(),
                reply.json().value(QStringLiteral("user_code")).toString()};
    }

    // The authorization id of the code, looked up by m_me.
    QString lookedUp(const Code& code)
    {
        const ServiceReply reply = TvCodes::lookup(client(), m_me.access, code.user);
        [&] { QCOMPARE(reply.status, 200); }();
        return reply.json().value(QStringLiteral("id")).toString();
    }

    static QJsonObject guestFor(const QString& until)
    {
        return {{QStringLiteral("profile"), QStringLiteral("prf_demo_sam")},
                {QStringLiteral("access"), QStringLiteral("guest")},
                {QStringLiteral("guest_until"), until}};
    }

    static void expectOAuthError(const ServiceReply& reply, const char* error)
    {
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.error(), QString::fromLatin1(error));
        QVERIFY(!reply.json().value(QStringLiteral("error_description")).toString().isEmpty());
        QCOMPARE(reply.json().value(QStringLiteral("message")),
                 reply.json().value(QStringLiteral("error_description")));
    }

    // Approves a fresh code as m_me with `body`; returns the TV's token pair.
    QJsonObject signInTv(const QJsonObject& body)
    {
        const Code code = newCode(QStringLiteral("203.0.113.7"));
        const QString id = lookedUp(code);
        const ServiceReply approved =
            TvCodes::approve(client(), m_me.access, client().passwordStepUp(m_me.access), id, body);
        [&] { QCOMPARE(approved.status, 200); }();
        const ServiceReply tokens = TvCodes::poll(client(), code.device);
        [&] { QCOMPARE(tokens.status, 200); }();
        return tokens.json();
    }

    QJsonObject listedDevice(const QString& id)
    {
        const QJsonArray devices =
            client().get(QStringLiteral("/v1/devices"), m_me.access).json().value(QStringLiteral("devices")).toArray();
        for (const QJsonValue& device : devices) {
            if (device.toObject().value(QStringLiteral("id")).toString() == id)
                return device.toObject();
        }
        return {};
    }

    QJsonArray activity(const QString& type)
    {
        return client()
            .get(QStringLiteral("/v1/activity?type=") + type, m_me.access)
            .json()
            .value(QStringLiteral("entries"))
            .toArray();
    }

    ServiceReply changeGuest(const QString& deviceId, const QString& until, const QString& stepUp)
    {
        RawHeaders headers{{"Content-Type", "application/json"}, {"Authorization", "Bearer " + m_me.access.toLatin1()}};
        if (!stepUp.isEmpty())
            headers.append(qMakePair(QByteArray("X-Step-Up"), stepUp.toLatin1()));
        return client().send("PUT",
                             QStringLiteral("/v1/devices/%1/guest").arg(deviceId),
                             QJsonDocument(QJsonObject{{QStringLiteral("guest_until"), until}}).toJson(),
                             headers);
    }

    // After a long clock move: the holder's access token has expired, its session has not.
    void refreshMe() { QVERIFY(client().refreshTokens(m_me.access, m_me.refresh)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(startService()); }

    void init() { QVERIFY(resetAndSignInEstablished(m_me)); }

    void aCodeIsPendingAndPollingTooFastSlowsDown()
    {
        const ServiceReply reply = TvCodes::request(client());
        QCOMPARE(reply.status, 200);
        const QJsonObject code = reply.json();
        QVERIFY(code.value(QStringLiteral("device_code")).toString().startsWith(QStringLiteral("vdg_")));
        QVERIFY(QRegularExpression(QStringLiteral("^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$"))
                    .match(code.value(QStringLiteral("user_code")).toString())
                    .hasMatch());
        QVERIFY(!code.value(QStringLiteral("verification_uri")).toString().isEmpty());
        QCOMPARE(code.value(QStringLiteral("interval")).toInt(), 5);
        QCOMPARE(code.value(QStringLiteral("expires_in")).toInt(), 600);
        const QString deviceCode = code.value(QStringLiteral("device_code")).toString();

        ServiceReply pending = TvCodes::poll(client(), deviceCode);
        expectOAuthError(pending, "authorization_pending");
        QCOMPARE(pending.json().value(QStringLiteral("interval")).toInt(), 5);
        // At once again: too fast, and every later poll must wait 5 s more (RFC 8628 §3.5).
        const ServiceReply slow = TvCodes::poll(client(), deviceCode);
        expectOAuthError(slow, "slow_down");
        QCOMPARE(slow.json().value(QStringLiteral("interval")).toInt(), 10);
        QVERIFY(client().advanceClock(5));
        expectOAuthError(TvCodes::poll(client(), deviceCode), "slow_down"); // 5 s is not 10 any more
        QVERIFY(client().advanceClock(15));
        pending = TvCodes::poll(client(), deviceCode);
        expectOAuthError(pending, "authorization_pending");
        QCOMPARE(pending.json().value(QStringLiteral("interval")).toInt(), 15);
    }

    void aCodeExpiresByTheClock()
    {
        const Code code = newCode();
        QVERIFY(client().advanceClock(601));
        refreshMe();
        expectOAuthError(TvCodes::poll(client(), code.device), "expired_token");
        const ServiceReply lookup = TvCodes::lookup(client(), m_me.access, code.user);
        QCOMPARE(lookup.status, 410);
        QCOMPARE(lookup.error(), QStringLiteral("user_code_expired"));
    }

    void aDeniedCodeIsRefused()
    {
        const Code code = newCode();
        const QString id = lookedUp(code);
        QCOMPARE(TvCodes::deny(client(), m_me.access, id).status, 204);
        expectOAuthError(TvCodes::poll(client(), code.device), "access_denied");
        const ServiceReply late = TvCodes::approve(client(),
                                                   m_me.access,
                                                   client().passwordStepUp(m_me.access),
                                                   id,
                                                   guestFor(TvCodes::inSeconds(client(), 2 * hour)));
        QCOMPARE(late.status, 410);
        QCOMPARE(TvCodes::deny(client(), m_me.access, id).status, 410);
        QCOMPARE(activity(QStringLiteral("device_denied")).size(), 1);
    }

    void anApprovedCodeGivesTokensOnce()
    {
        const Code code = newCode(QStringLiteral("203.0.113.7"));
        // Typed in lower case without the dash: the same code.
        const ServiceReply lookup =
            TvCodes::lookup(client(), m_me.access, code.user.toLower().remove(QLatin1Char('-')));
        QCOMPARE(lookup.status, 200);
        const QJsonObject pending = lookup.json();
        QCOMPARE(pending.value(QStringLiteral("user_code")).toString(), code.user);
        QCOMPARE(pending.value(QStringLiteral("device")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Hotel Room TV"));
        QCOMPARE(pending.value(QStringLiteral("device")).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("tv"));
        QCOMPARE(pending.value(QStringLiteral("ip")).toString(), QStringLiteral("203.0.113.7"));
        QCOMPARE(pending.value(QStringLiteral("location")).toObject().value(QStringLiteral("city")).toString(),
                 QStringLiteral("Lisbon"));
        QCOMPARE(pending.value(QStringLiteral("approver")).toObject().value(QStringLiteral("device_id")).toString(),
                 m_me.deviceId);
        // The holder signs in from loopback (no place): its household is in London, far from Lisbon.
        const QJsonObject approver = pending.value(QStringLiteral("approver")).toObject();
        QCOMPARE(approver.value(QStringLiteral("location")).toObject().value(QStringLiteral("city")).toString(),
                 QStringLiteral("London"));
        QCOMPARE(approver.value(QStringLiteral("location_source")).toString(), QStringLiteral("household"));
        QVERIFY(pending.value(QStringLiteral("far")).toBool());
        QVERIFY(qAbs(pending.value(QStringLiteral("distance_km")).toDouble() - 1585) < 15); // London–Lisbon

        const ServiceReply approved =
            TvCodes::approve(client(),
                             m_me.access,
                             client().passwordStepUp(m_me.access),
                             pending.value(QStringLiteral("id")).toString(),
                             {{QStringLiteral("profile"), QStringLiteral("prf_demo_alex")},
                              {QStringLiteral("access"), QStringLiteral("until_signed_out")}});
        QCOMPARE(approved.status, 200);
        const QString tvId = approved.json().value(QStringLiteral("id")).toString();
        QCOMPARE(approved.json().value(QStringLiteral("access")).toString(), QStringLiteral("until_signed_out"));
        QVERIFY(approved.json().value(QStringLiteral("guest_until")).isNull());
        QCOMPARE(approved.json().value(QStringLiteral("last_profile")).toString(), QStringLiteral("Alex"));
        QVERIFY(!listedDevice(tvId).isEmpty());

        const ServiceReply tokens = TvCodes::poll(client(), code.device);
        QCOMPARE(tokens.status, 200);
        QCOMPARE(tokens.json().value(QStringLiteral("device_id")).toString(), tvId);
        QCOMPARE(tokens.json().value(QStringLiteral("access")).toString(), QStringLiteral("until_signed_out"));
        const ServiceReply me =
            client().get(QStringLiteral("/v1/me"), tokens.json().value(QStringLiteral("access_token")).toString());
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(QStringLiteral("session")).toObject().value(QStringLiteral("auth_method")).toString(),
                 QStringLiteral("device_code"));

        // Single use: the same code never hands out tokens again; made-up codes never do.
        QVERIFY(client().advanceClock(5));
        expectOAuthError(TvCodes::poll(client(), code.device), "invalid_grant");
        expectOAuthError(TvCodes::poll(client(), QStringLiteral("vdg_") + QString(43, QLatin1Char('A'))),
                         "invalid_grant");
        expectOAuthError(TvCodes::poll(client(), QStringLiteral("not a code")), "invalid_grant");
        expectOAuthError(client().postJson(QStringLiteral("/v1/auth/device/token"),
                                           {{QStringLiteral("grant_type"), QStringLiteral("password")},
                                            {QStringLiteral("device_code"), code.device}}),
                         "unsupported_grant_type");
        expectOAuthError(client().postJson(QStringLiteral("/v1/auth/device/token"),
                                           {{QStringLiteral("grant_type"), TvCodes::grantType}}),
                         "invalid_request");
        QCOMPARE(TvCodes::lookup(client(), m_me.access, code.user).status, 410);

        const QJsonArray approvals = activity(QStringLiteral("device_approved"));
        QCOMPARE(approvals.size(), 1);
        QVERIFY(approvals.first()
                    .toObject()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("Hotel Room TV")));
    }

    void approvingNeedsAnEstablishedSessionAStepUpAndValidChoices()
    {
        const Code code = newCode();
        const QString id = lookedUp(code);
        const QString until = TvCodes::inSeconds(client(), 2 * hour);

        // A session that has just signed in may look, not approve (as it may not sign others out).
        const auto fresh = client().loginDemo(QStringLiteral("New Phone"), QStringLiteral("phone"));
        const ServiceReply young =
            TvCodes::approve(client(), fresh.access, client().passwordStepUp(fresh.access), id, guestFor(until));
        QCOMPARE(young.status, 403);
        QCOMPARE(young.error(), QStringLiteral("session_too_new"));

        const ServiceReply noStepUp = TvCodes::approve(client(), m_me.access, QString(), id, guestFor(until));
        QCOMPARE(noStepUp.status, 403);
        QCOMPARE(noStepUp.error(), QStringLiteral("step_up_required"));

        const QString stepUp = client().passwordStepUp(m_me.access);
        const auto refusedField = [&](const QJsonObject& body, const char* field) {
            const ServiceReply reply = TvCodes::approve(client(), m_me.access, stepUp, id, body);
            QCOMPARE(reply.status, 422);
            QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), QString::fromLatin1(field));
        };
        QJsonObject body = guestFor(until);
        body.insert(QStringLiteral("profile"), QStringLiteral("prf_twostep_tess")); // another account's
        refusedField(body, "profile");
        refusedField(guestFor(TvCodes::inSeconds(client(), hour - 60)), "guest_until");
        refusedField(guestFor(TvCodes::inSeconds(client(), 31 * 24 * hour)), "guest_until");
        body = guestFor(until);
        body.remove(QStringLiteral("guest_until"));
        refusedField(body, "guest_until");
        body = guestFor(until);
        body.insert(QStringLiteral("access"), QStringLiteral("until_signed_out"));
        refusedField(body, "guest_until");
        expectOAuthError(TvCodes::poll(client(), code.device), "authorization_pending"); // nothing happened
        QCOMPARE(TvCodes::approve(client(), m_me.access, stepUp, id, guestFor(until)).status, 200);
    }

    void guessingCodesIsLimitedAndAudited()
    {
        const QString wrong = QStringLiteral("ZZZZ-ZZZZ");
        for (int attempt = 1; attempt <= 9; ++attempt) {
            const ServiceReply reply = TvCodes::lookup(client(), m_me.access, wrong);
            QCOMPARE(reply.status, 404);
            QCOMPARE(reply.error(), QStringLiteral("user_code_invalid"));
            QCOMPARE(reply.json().value(QStringLiteral("attempts_left")).toInt(), 9 - attempt);
        }
        const ServiceReply tenth = TvCodes::lookup(client(), m_me.access, QStringLiteral("not even a code"));
        QCOMPARE(tenth.status, 429);
        QCOMPARE(tenth.error(), QStringLiteral("too_many_attempts"));
        QCOMPARE(tenth.json().value(QStringLiteral("retry_after")).toInt(), 30);

        // A new, real code does not reset the budget, nor does another session of the account.
        const Code code = newCode();
        QCOMPARE(TvCodes::lookup(client(), m_me.access, code.user).status, 429);
        const auto other = client().loginDemo(QStringLiteral("Other Laptop"), QStringLiteral("computer"));
        QCOMPARE(TvCodes::lookup(client(), other.access, code.user).status, 429);
        QCOMPARE(activity(QStringLiteral("device_code_failed")).size(), 10);
        QVERIFY(!activity(QStringLiteral("throttled")).isEmpty());

        // After the wait the right code works; the next wrong one waits twice as long.
        QVERIFY(client().advanceClock(31));
        QCOMPARE(TvCodes::lookup(client(), m_me.access, code.user).status, 200);
        const ServiceReply eleventh = TvCodes::lookup(client(), m_me.access, wrong);
        QCOMPARE(eleventh.status, 429);
        QCOMPARE(eleventh.json().value(QStringLiteral("retry_after")).toInt(), 60);
    }

    void anotherAccountsCodeIsAnUnknownCode()
    {
        const Code code = newCode();
        const QString id = lookedUp(code); // bound to the demo account now
        const ServiceReply issued = client().admin(
            "POST",
            QStringLiteral("/__admin/sessions"),
            {{QStringLiteral("account"), QStringLiteral("twostep@vigil.test")}, {QStringLiteral("devices"), 1}});
        QCOMPARE(issued.status, 200);
        const QString stranger = issued.json()
                                     .value(QStringLiteral("sessions"))
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(QStringLiteral("access_token"))
                                     .toString();
        const ServiceReply lookup = TvCodes::lookup(client(), stranger, code.user);
        QCOMPARE(lookup.status, 404);
        QCOMPARE(lookup.error(), QStringLiteral("user_code_invalid"));
        QCOMPARE(TvCodes::deny(client(), stranger, id).status, 404);
        QCOMPARE(TvCodes::approve(client(), stranger, QStringLiteral("vst_none"), id, {}).status, 403);
        // The owner's decision still stands open.
        expectOAuthError(TvCodes::poll(client(), code.device), "authorization_pending");
        QCOMPARE(TvCodes::deny(client(), m_me.access, id).status, 204);
    }

    void aGuestEndsByItselfAtItsTime()
    {
        EventClient account(m_mockd.baseUrl());
        QVERIFY(account.open(m_me.access));
        QVERIFY(!account.waitFor(QStringLiteral("ready")).isEmpty());

        const QJsonObject tv = signInTv(guestFor(TvCodes::inSeconds(client(), 2 * hour)));
        QCOMPARE(tv.value(QStringLiteral("access")).toString(), QStringLiteral("guest"));
        QVERIFY(!tv.value(QStringLiteral("guest_until")).toString().isEmpty());
        const QString tvId = tv.value(QStringLiteral("device_id")).toString();
        QString tvAccess = tv.value(QStringLiteral("access_token")).toString();
        QString tvRefresh = tv.value(QStringLiteral("refresh_token")).toString();
        EventClient tvSocket(m_mockd.baseUrl());
        QVERIFY(tvSocket.open(tvAccess, -1, {}, "session"));
        QVERIFY(!tvSocket.waitFor(QStringLiteral("ready")).isEmpty());
        QCOMPARE(listedDevice(tvId).value(QStringLiteral("access")).toString(), QStringLiteral("guest"));

        QVERIFY(client().advanceClock(2 * hour - 60));
        refreshMe();
        QVERIFY(!listedDevice(tvId).isEmpty()); // a minute to go
        QVERIFY(client().refreshTokens(tvAccess, tvRefresh));

        QVERIFY(client().advanceClock(61));
        const QJsonObject revoked = tvSocket.waitFor(QStringLiteral("session.revoked"));
        QCOMPARE(revoked.value(QStringLiteral("reason")).toString(), QStringLiteral("guest_ended"));
        QCOMPARE(tvSocket.waitForClose(), 4001);
        const QJsonObject ended = account.waitFor(QStringLiteral("device.guest_ended"));
        QCOMPARE(ended.value(QStringLiteral("device_id")).toString(), tvId);
        QCOMPARE(ended.value(QStringLiteral("name")).toString(), QStringLiteral("Hotel Room TV"));
        QCOMPARE(account.waitFor(QStringLiteral("device.removed")).value(QStringLiteral("device_id")).toString(), tvId);

        // Refused on its next request, whichever token it holds.
        const ServiceReply me = client().get(QStringLiteral("/v1/me"), tvAccess);
        QCOMPARE(me.status, 401);
        QCOMPARE(me.error(), QStringLiteral("session_revoked"));
        QVERIFY(!client().refreshTokens(tvAccess, tvRefresh));
        QVERIFY(listedDevice(tvId).isEmpty());
        const QJsonArray entries = activity(QStringLiteral("guest_ended"));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().toObject().value(QStringLiteral("detail")).toString(),
                 QStringLiteral("Guest access for Hotel Room TV ended"));
    }

    void aGuestsEndCanBeExtendedAndBroughtForward()
    {
        const QJsonObject tv = signInTv(guestFor(TvCodes::inSeconds(client(), 2 * hour)));
        const QString tvId = tv.value(QStringLiteral("device_id")).toString();

        QCOMPARE(changeGuest(tvId, TvCodes::inSeconds(client(), 5 * hour), QString()).status, 403); // no step-up
        QString stepUp = client().passwordStepUp(m_me.access);
        QCOMPARE(changeGuest(m_me.deviceId, TvCodes::inSeconds(client(), 5 * hour), stepUp).status, 409);
        QCOMPARE(changeGuest(tvId, TvCodes::inSeconds(client(), 31 * 24 * hour), stepUp).status, 422);
        QCOMPARE(changeGuest(tvId, TvCodes::inSeconds(client(), -60), stepUp).status, 422);
        const QString extended = TvCodes::inSeconds(client(), 5 * hour);
        const ServiceReply extend = changeGuest(tvId, extended, stepUp);
        QCOMPARE(extend.status, 200);
        QCOMPARE(extend.json().value(QStringLiteral("guest_until")).toString(), extended);

        // Past the first end: still in, because the end moved.
        QVERIFY(client().advanceClock(3 * hour));
        refreshMe();
        QCOMPARE(listedDevice(tvId).value(QStringLiteral("guest_until")).toString(), extended);

        stepUp = client().passwordStepUp(m_me.access);
        const ServiceReply forward = changeGuest(tvId, TvCodes::inSeconds(client(), 30 * 60), stepUp);
        QCOMPARE(forward.status, 200);
        QVERIFY(client().advanceClock(29 * 60));
        refreshMe();
        QVERIFY(!listedDevice(tvId).isEmpty());
        QVERIFY(client().advanceClock(2 * 60));
        QVERIFY(listedDevice(tvId).isEmpty());
        QCOMPARE(activity(QStringLiteral("guest_changed")).size(), 2);
        QCOMPARE(activity(QStringLiteral("guest_ended")).size(), 1);
    }

    // However old, a guest is not one of the owner's devices: it may not sign the owner out, and it
    // does not stand in the way of the owner's email shortcut when every device of theirs is new.
    void aGuestIsNeverEstablished()
    {
        // The household's other devices are established: only the owner's laptop stays.
        const ServiceReply others =
            client().send("POST",
                          QStringLiteral("/v1/devices/sign-out"),
                          QJsonDocument(QJsonObject{{QStringLiteral("scope"), QStringLiteral("others")}}).toJson(),
                          {{"Content-Type", "application/json"},
                           {"Authorization", "Bearer " + m_me.access.toLatin1()},
                           {"X-Step-Up", client().passwordStepUp(m_me.access).toLatin1()}});
        QVERIFY2(others.status == 200, others.body.constData());
        const QJsonObject tv = signInTv(guestFor(TvCodes::inSeconds(client(), 20 * 24 * hour)));
        const QString tvId = tv.value(QStringLiteral("device_id")).toString();
        const QString tvAccess = tv.value(QStringLiteral("access_token")).toString();
        QCOMPARE(client().admin("POST", QStringLiteral("/__admin/devices/%1/confirm").arg(tvId)).status, 200);

        const ServiceReply refused =
            client().postJson(QStringLiteral("/v1/devices/%1/sign-out").arg(m_me.deviceId), {}, tvAccess);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.error(), QStringLiteral("guest_session"));

        // The owner's only established device goes; a fresh sign-in of theirs may still shorten its wait.
        QCOMPARE(client().postJson(QStringLiteral("/v1/auth/logout"), {}, m_me.access).status, 204);
        const ServiceClient::Tokens fresh =
            client().loginDemo(QStringLiteral("New Laptop"), QStringLiteral("computer"));
        const ServiceReply tooNew =
            client().postJson(QStringLiteral("/v1/devices/%1/sign-out").arg(tvId), {}, fresh.access);
        QCOMPARE(tooNew.status, 403);
        QCOMPARE(tooNew.error(), QStringLiteral("session_too_new"));
        QCOMPARE(tooNew.json().value(QStringLiteral("shorten_by_email")).toBool(), true);
        const ServiceReply shorten = client().postJson(QStringLiteral("/v1/step-up"),
                                                       {{QStringLiteral("method"), QStringLiteral("email")},
                                                        {QStringLiteral("purpose"), QStringLiteral("shorten_wait")}},
                                                       fresh.access);
        QVERIFY2(shorten.status == 200, shorten.body.constData());
    }

    // Last: it stops the service. Neither code nor a token reaches the request journal or the log.
    void noCodeOrTokenIsJournalledOrLogged()
    {
        const Code code = newCode();
        const QString id = lookedUp(code);
        QCOMPARE(TvCodes::deny(client(), m_me.access, id).status, 204);
        expectOAuthError(TvCodes::poll(client(), code.device), "access_denied");
        const QByteArray journal = client().admin("GET", QStringLiteral("/__admin/requests?limit=5000")).body;
        QVERIFY(journal.contains("/v1/device-authorizations/lookup"));
        QVERIFY(journal.contains("/v1/auth/device/token"));
        for (const QString& secret : {code.device, code.user, QString(code.user).remove(QLatin1Char('-'))})
            QVERIFY2(!journal.contains(secret.toLatin1()), qPrintable(secret));

        QCOMPARE(m_mockd.stop(), 0);
        const QByteArray log = m_mockd.output();
        QVERIFY(log.contains(" POST /v1/auth/device/token 400 "));
        QVERIFY(!log.contains(code.user.toLatin1()));
        const QStringList leaked = client().leakedSecrets(log);
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TestServiceTvSignIn)
#include "mockd_service_tv_signin.moc"
