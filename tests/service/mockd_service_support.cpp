#include "Establish.h"
#include "mockd_service_support_fixture.h"

#include <QJsonArray>
#include <QObject>
#include <QRegularExpression>
#include <QTest>

// The support console against a real vigil-mockd (scenario `support`): who may call what (deny by
// default in both directions), what support sees (masked, no secrets) and the stated reason, stored
// and shown to the customer.
class TestServiceSupport final : public QObject
{
    Q_OBJECT

private:
    SupportFixture m_fixture;
    ServiceClient::Tokens m_holder;
    ServiceClient::Tokens m_support;
    const QString m_reason = QStringLiteral("Customer called: unknown TV in the list");

    ServiceClient& client() { return m_fixture.client(); }

    static QStringList supportGetPaths()
    {
        return {QStringLiteral("/v1/support/accounts?query=demo%40vigil.test"),
                QStringLiteral("/v1/support/accounts/acc_demo"),
                QStringLiteral("/v1/support/accounts/acc_demo/devices"),
                QStringLiteral("/v1/support/accounts/acc_demo/history"),
                QStringLiteral("/v1/support/accounts/acc_demo/history?device=dev_demo_living_tv"),
                QStringLiteral("/v1/support/accounts/acc_demo/activity")};
    }

    // Every string (keys and values) in a JSON document, and every key, for the leak checks.
    static void walk(const QJsonValue& value, QStringList* strings, QStringList* keys)
    {
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                keys->append(it.key());
                walk(it.value(), strings, keys);
            }
        } else if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (const QJsonValue& item : array)
                walk(item, strings, keys);
        } else if (value.isString()) {
            strings->append(value.toString());
        }
    }

    // The customer's own addresses, as the customer sees them (unmasked).
    QStringList customerIps()
    {
        QStringList ips;
        QStringList strings;
        QStringList keys;
        walk(client().get(QStringLiteral("/v1/devices"), m_holder.access).json(), &strings, &keys);
        walk(client().get(QStringLiteral("/v1/activity?limit=200"), m_holder.access).json(), &strings, &keys);
        static const QRegularExpression ipv4(QStringLiteral("^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$"));
        for (const QString& s : std::as_const(strings)) {
            if (ipv4.match(s).hasMatch() && !ips.contains(s))
                ips.append(s);
        }
        return ips;
    }

    void verifyMasked(const ServiceReply& reply, const QStringList& ips, const QString& what)
    {
        QVERIFY2(reply.status == 200, qPrintable(what + QStringLiteral(": ") + QString::fromUtf8(reply.body)));
        QStringList strings;
        QStringList keys;
        walk(QJsonDocument::fromJson(reply.body).object(), &strings, &keys);
        QVERIFY2(!strings.isEmpty(), qPrintable(what));
        static const QRegularExpression anyIpv4(QStringLiteral("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}"));
        static const QRegularExpression anyEmail(QStringLiteral("[A-Za-z0-9._%+\\-]{2,}@"));
        static const QRegularExpression anyPhone(QStringLiteral("\\+\\d[\\d \\-]{6,}\\d|\\d{9,}"));
        // The service's random ids (dev_ + 16 hex digits) hold 9 decimal digits in a row about one
        // time in twenty; an id is not a phone number, so ids are left out of the phone check.
        static const QRegularExpression generatedId(QStringLiteral("^[a-z]+_[0-9a-f]{16}$"));
        static const QRegularExpression secretName(
            QStringLiteral("token|hash|secret|password|recovery|session|^codes?$"),
            QRegularExpression::CaseInsensitiveOption);
        for (const QString& s : std::as_const(strings)) {
            const QString context = what + QStringLiteral(": '") + s + QLatin1Char('\'');
            QVERIFY2(!s.contains(QLatin1String("demo@vigil.test"), Qt::CaseInsensitive), qPrintable(context));
            QVERIFY2(!s.contains(QLatin1String("7700900312")), qPrintable(context));
            for (const QString& ip : ips)
                QVERIFY2(!s.contains(ip), qPrintable(context + QStringLiteral(" has ") + ip));
            QVERIFY2(!anyIpv4.match(s).hasMatch(), qPrintable(context));
            QVERIFY2(!anyEmail.match(s).hasMatch(), qPrintable(context));
            QVERIFY2(generatedId.match(s).hasMatch() || !anyPhone.match(s).hasMatch(), qPrintable(context));
            QVERIFY2(!s.startsWith(QLatin1String("vat_")) && !s.startsWith(QLatin1String("vrt_")), qPrintable(context));
        }
        for (const QString& key : std::as_const(keys))
            QVERIFY2(!secretName.match(key).hasMatch(), qPrintable(what + QStringLiteral(": field ") + key));
    }

    QJsonArray holderActivity(const QString& type)
    {
        const ServiceReply reply = client().get(QStringLiteral("/v1/activity?type=") + type, m_holder.access);
        return reply.json().value(QStringLiteral("entries")).toArray();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_fixture.start(QStringLiteral("support")), qPrintable(m_fixture.errorString())); }

    void init()
    {
        QVERIFY(client().reset());
        m_holder = client().loginDemo(QStringLiteral("Vigil on a Laptop"), QStringLiteral("computer"));
        QVERIFY(!m_holder.access.isEmpty());
        QVERIFY(establish(client(), m_holder));
        m_support = m_fixture.signInSupport();
        QVERIFY(!m_support.access.isEmpty());
    }

    void cleanupTestCase()
    {
        const QByteArray log = m_fixture.mockd().output();
        const QStringList leaked = client().leakedSecrets(log);
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
        QCOMPARE(m_fixture.mockd().stop(), 0);
    }

    void supportSignInSaysSupport()
    {
        const ServiceReply reply =
            m_fixture.supportSignInReply(QStringLiteral("bo.support@vigil.test"), "MFRGGZDFMZTWQ2LK");
        QVERIFY2(reply.status == 200, reply.body.constData());
        const QJsonObject account = reply.json().value(QStringLiteral("account")).toObject();
        QCOMPARE(account.value(QStringLiteral("role")).toString(), QStringLiteral("support"));
        QCOMPARE(reply.json().value(QStringLiteral("refresh_expires_in")).toInt(), 30 * 60);
    }

    void supportRoutesRefuseHolders()
    {
        const qsizetype before = holderActivity(QStringLiteral("support_viewed,support_signed_out")).size();
        for (const QString& path : supportGetPaths()) {
            const ServiceReply reply = m_fixture.supportGet(path, m_holder.access, m_reason);
            QVERIFY2(reply.status == 403, qPrintable(path));
            QCOMPARE(reply.error(), QStringLiteral("forbidden"));
        }
        const ServiceReply signOut = m_fixture.supportSignOut(m_holder.access,
                                                              {{QStringLiteral("code"), QStringLiteral("ABCD-EFGH")},
                                                               {QStringLiteral("scope"), QStringLiteral("all")},
                                                               {QStringLiteral("reason"), m_reason}});
        QCOMPARE(signOut.status, 403);
        QCOMPARE(signOut.error(), QStringLiteral("forbidden"));
        // Nothing was looked at: the customer's activity has no support entry.
        QCOMPARE(holderActivity(QStringLiteral("support_viewed,support_signed_out")).size(), before);
    }

    void holderRoutesRefuseSupport_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        const QList<std::pair<QByteArray, QString>> routes{
            {"GET", QStringLiteral("/v1/devices")},
            {"GET", QStringLiteral("/v1/devices/dev_support_ada_desk")},
            {"GET", QStringLiteral("/v1/devices/dev_support_ada_desk/history")},
            {"PATCH", QStringLiteral("/v1/devices/dev_support_ada_desk")},
            {"PUT", QStringLiteral("/v1/devices/current/status")},
            {"POST", QStringLiteral("/v1/devices/sign-out")},
            {"POST", QStringLiteral("/v1/devices/dev_demo_living_tv/sign-out")},
            {"POST", QStringLiteral("/v1/account/password")},
            {"GET", QStringLiteral("/v1/account/two-step")},
            {"POST", QStringLiteral("/v1/account/two-step/totp")},
            {"DELETE", QStringLiteral("/v1/account/two-step/totp")},
            {"POST", QStringLiteral("/v1/account/two-step/totp/confirm")},
            {"POST", QStringLiteral("/v1/account/two-step/recovery-codes")},
            {"POST", QStringLiteral("/v1/account/support-codes")},
            {"POST", QStringLiteral("/v1/step-up")},
            {"POST", QStringLiteral("/v1/step-up/resend")},
            {"POST", QStringLiteral("/v1/step-up/verify")},
        };
        for (const auto& [method, path] : routes)
            QTest::newRow(qPrintable(QString::fromLatin1(method) + QLatin1Char(' ') + path)) << method << path;
    }

    void holderRoutesRefuseSupport()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const ServiceReply reply = m_fixture.call(method, path, m_support.access, {{QStringLiteral("x"), 1}});
        QVERIFY2(reply.status == 403, reply.body.constData());
        QCOMPARE(reply.error(), QStringLiteral("forbidden"));
    }

    void meWorksForBothRoles()
    {
        const ServiceReply holder = client().get(QStringLiteral("/v1/me"), m_holder.access);
        QCOMPARE(holder.status, 200);
        QCOMPARE(holder.json().value(QStringLiteral("account")).toObject().value(QStringLiteral("role")).toString(),
                 QStringLiteral("holder"));
        const ServiceReply support = client().get(QStringLiteral("/v1/me"), m_support.access);
        QCOMPARE(support.status, 200);
        QCOMPARE(support.json().value(QStringLiteral("account")).toObject().value(QStringLiteral("role")).toString(),
                 QStringLiteral("support"));
    }

    void everySupportAnswerIsMasked()
    {
        const QStringList ips = customerIps();
        QVERIFY2(ips.contains(QStringLiteral("198.51.100.34")), qPrintable(ips.join(u' ')));
        QVERIFY2(ips.contains(QStringLiteral("127.0.0.1")), qPrintable(ips.join(u' '))); // the holder's sign-in
        // Personal data typed into a reason comes back in the activity: masked too.
        const QString leakyReason =
            QStringLiteral("Caller demo@vigil.test at 198.51.100.34, call back on +447700900312");
        QVERIFY(m_fixture.supportGet(QStringLiteral("/v1/support/accounts/acc_demo"), m_support.access, leakyReason)
                    .status == 200);
        for (const QString& path : supportGetPaths())
            verifyMasked(m_fixture.supportGet(path, m_support.access, m_reason), ips, path);

        const ServiceReply account =
            m_fixture.supportGet(QStringLiteral("/v1/support/accounts/acc_demo"), m_support.access, m_reason);
        QCOMPARE(account.json().value(QStringLiteral("email")).toString(), QStringLiteral("d***@vigil.test"));
        QCOMPARE(account.json().value(QStringLiteral("phone")).toString(), QStringLiteral("+44 •••• ••12"));
        const ServiceReply devices =
            m_fixture.supportGet(QStringLiteral("/v1/support/accounts/acc_demo/devices"), m_support.access, m_reason);
        const QJsonArray list = devices.json().value(QStringLiteral("devices")).toArray();
        QVERIFY(!list.isEmpty());
        bool sawTv = false;
        for (const QJsonValue& device : list) {
            const QJsonObject d = device.toObject();
            QCOMPARE(d.value(QStringLiteral("is_current")).toBool(true), false);
            if (d.value(QStringLiteral("id")).toString() == QLatin1String("dev_demo_living_tv")) {
                sawTv = true;
                QCOMPARE(d.value(QStringLiteral("ip")).toString(), QStringLiteral("198.51.100.x"));
                // The place stays whole: the client needs every location field (country_code is no secret).
                const QJsonObject location = d.value(QStringLiteral("location")).toObject();
                QCOMPARE(location.value(QStringLiteral("country_code")).toString(), QStringLiteral("GB"));
                QVERIFY(!location.value(QStringLiteral("city")).toString().isEmpty());
            }
        }
        QVERIFY(sawTv);
    }

    // One shape for history: the support route answers the holder's page, `entries` and `next_cursor`.
    void supportHistoryHasTheHoldersShape()
    {
        const QString device = QStringLiteral("/v1/support/accounts/acc_demo/history?device=dev_demo_living_tv");
        const QString account = QStringLiteral("/v1/support/accounts/acc_demo/history");
        const QJsonObject holders =
            client().get(QStringLiteral("/v1/devices/dev_demo_living_tv/history"), m_holder.access).json();
        for (const QString& path : {device, account}) {
            const ServiceReply reply = m_fixture.supportGet(path, m_support.access, m_reason);
            QCOMPARE(reply.status, 200);
            const QJsonObject page = reply.json();
            QCOMPARE(page.keys(), holders.keys());
            QVERIFY2(page.value(QStringLiteral("entries")).isArray(), qPrintable(path));
        }
        // The holder's own sign-in in init() is among the account's.
        QVERIFY(!m_fixture.supportGet(account, m_support.access, m_reason)
                     .json()
                     .value(QStringLiteral("entries"))
                     .toArray()
                     .isEmpty());
        const QJsonArray viaSupport =
            m_fixture.supportGet(device, m_support.access, m_reason).json().value(QStringLiteral("entries")).toArray();
        QCOMPARE(viaSupport.size(), holders.value(QStringLiteral("entries")).toArray().size());
    }

    void reasonIsRequired_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing") << QString();
        QTest::newRow("9 characters") << QStringLiteral("123456789");
        QTest::newRow("9 after trimming") << QStringLiteral("   123456789   ");
        QTest::newRow("501 characters") << QString(501, QLatin1Char('r'));
    }

    void reasonIsRequired()
    {
        QFETCH(QString, reason);
        for (const QString& path : supportGetPaths()) {
            const ServiceReply reply = m_fixture.supportGet(path, m_support.access, reason);
            QVERIFY2(reply.status == 422, qPrintable(path + QStringLiteral(": ") + QString::fromUtf8(reply.body)));
            QCOMPARE(reply.error(), QStringLiteral("invalid_field"));
            QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), QStringLiteral("reason"));
        }
        QJsonObject body{{QStringLiteral("code"), QStringLiteral("ABCD-EFGH")},
                         {QStringLiteral("scope"), QStringLiteral("all")}};
        if (!reason.isNull())
            body.insert(QStringLiteral("reason"), reason);
        const ServiceReply signOut = m_fixture.supportSignOut(m_support.access, body);
        QCOMPARE(signOut.status, 422);
        QCOMPARE(signOut.json().value(QStringLiteral("field")).toString(), QStringLiteral("reason"));
    }

    void reasonBoundariesAreAccepted()
    {
        for (const QString& reason : {QString(10, QLatin1Char('r')), QString(500, QLatin1Char('r'))})
            QCOMPARE(
                m_fixture.supportGet(QStringLiteral("/v1/support/accounts/acc_demo"), m_support.access, reason).status,
                200);
    }

    void reasonIsStoredAndShownToTheHolder()
    {
        const ServiceReply reply =
            m_fixture.supportGet(QStringLiteral("/v1/support/accounts/acc_demo/devices"), m_support.access, m_reason);
        QCOMPARE(reply.status, 200);
        const QJsonArray entries = holderActivity(QStringLiteral("support_viewed"));
        QVERIFY(!entries.isEmpty());
        const QJsonObject newest = entries.first().toObject();
        QCOMPARE(newest.value(QStringLiteral("type")).toString(), QStringLiteral("support_viewed"));
        QCOMPARE(newest.value(QStringLiteral("reason")).toString(), m_reason);
        const QJsonObject details = newest.value(QStringLiteral("details")).toObject();
        QCOMPARE(details.value(QStringLiteral("support_name")).toString(), QStringLiteral("Ada (Support)"));
        QCOMPARE(details.value(QStringLiteral("viewed")).toString(), QStringLiteral("devices"));
        QCOMPARE(details.value(QStringLiteral("reason")).toString(), m_reason);
        QVERIFY2(newest.value(QStringLiteral("detail")).toString().contains(m_reason),
                 qPrintable(newest.value(QStringLiteral("detail")).toString()));
    }

    void everyViewIsAudited()
    {
        const qsizetype before = holderActivity(QStringLiteral("support_viewed")).size();
        QStringList viewed;
        for (const QString& path : supportGetPaths())
            QCOMPARE(m_fixture.supportGet(path, m_support.access, m_reason).status, 200);
        const QJsonArray entries = holderActivity(QStringLiteral("support_viewed"));
        QCOMPARE(entries.size(), before + supportGetPaths().size());
        for (qsizetype i = 0; i < supportGetPaths().size(); ++i)
            viewed.prepend(entries.at(i)
                               .toObject()
                               .value(QStringLiteral("details"))
                               .toObject()
                               .value(QStringLiteral("viewed"))
                               .toString());
        QCOMPARE(viewed,
                 (QStringList{QStringLiteral("search"),
                              QStringLiteral("account"),
                              QStringLiteral("devices"),
                              QStringLiteral("history"),
                              QStringLiteral("history"),
                              QStringLiteral("activity")}));
    }

    void searchFindsHoldersOnly()
    {
        const ServiceReply found = m_fixture.supportGet(
            QStringLiteral("/v1/support/accounts?query=DEMO%40Vigil.Test"), m_support.access, m_reason);
        QCOMPARE(found.status, 200);
        const QJsonArray accounts = found.json().value(QStringLiteral("accounts")).toArray();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts.first().toObject().value(QStringLiteral("id")).toString(), QStringLiteral("acc_demo"));
        QCOMPARE(accounts.first().toObject().value(QStringLiteral("email")).toString(),
                 QStringLiteral("d***@vigil.test"));
        const ServiceReply byId =
            m_fixture.supportGet(QStringLiteral("/v1/support/accounts?query=acc_demo"), m_support.access, m_reason);
        QCOMPARE(byId.json().value(QStringLiteral("accounts")).toArray().size(), 1);
        // Support accounts are never results, nor customers.
        const ServiceReply staff = m_fixture.supportGet(
            QStringLiteral("/v1/support/accounts?query=ada.support%40vigil.test"), m_support.access, m_reason);
        QCOMPARE(staff.status, 200);
        QVERIFY(staff.json().value(QStringLiteral("accounts")).toArray().isEmpty());
        QCOMPARE(m_fixture.supportGet(QStringLiteral("/v1/support/accounts/acc_support_bo"), m_support.access, m_reason)
                     .status,
                 404);
        QCOMPARE(
            m_fixture.supportGet(QStringLiteral("/v1/support/accounts/acc_nobody/devices"), m_support.access, m_reason)
                .status,
            404);
        const ServiceReply tooShort =
            m_fixture.supportGet(QStringLiteral("/v1/support/accounts?query=de"), m_support.access, m_reason);
        QCOMPARE(tooShort.status, 422);
        QCOMPARE(tooShort.json().value(QStringLiteral("field")).toString(), QStringLiteral("query"));
    }

    // The attack: search "d", "de", "dem", ... and keep the prefix that still finds the customer,
    // rebuilding the address the answer masks (d***@vigil.test) one letter at a time. Only a whole
    // email, account id or display name finds anyone.
    void searchByGrowingPrefixFindsNothing()
    {
        const auto found = [this](const QString& query) {
            const ServiceReply reply = m_fixture.supportGet(QStringLiteral("/v1/support/accounts?query=") +
                                                                QString::fromLatin1(QUrl::toPercentEncoding(query)),
                                                            m_support.access,
                                                            m_reason);
            return reply.status == 200 ? reply.json().value(QStringLiteral("accounts")).toArray().size() : -1;
        };
        const QString email = QStringLiteral("demo@vigil.test");
        for (qsizetype length = 3; length < email.size(); ++length)
            QVERIFY2(found(email.left(length)) == 0, qPrintable(email.left(length)));
        for (const QString& partial : {QStringLiteral("acc_dem"),
                                       QStringLiteral("Demo"),
                                       QStringLiteral("Demo Househol"),
                                       QStringLiteral("vigil")})
            QVERIFY2(found(partial) == 0, qPrintable(partial));
        for (const QString& whole : {email,
                                     QStringLiteral(" DEMO@Vigil.test "),
                                     QStringLiteral("acc_demo"),
                                     QStringLiteral("Demo Household"),
                                     QStringLiteral("demo household")})
            QVERIFY2(found(whole) == 1, qPrintable(whole));
    }
};

QTEST_GUILESS_MAIN(TestServiceSupport)
#include "mockd_service_support.moc"
