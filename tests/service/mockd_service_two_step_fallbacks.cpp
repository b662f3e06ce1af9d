#include "Establish.h"
#include "ServiceFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QTest>
#include <memory>

// PUT /v1/account/two-step/fallbacks: switching text-message codes on and off behind step-up;
// email codes stay on. Against a real vigil-mockd.
class TestServiceTwoStepFallbacks final : public ServiceFixture
{
    Q_OBJECT

private:
    QString m_access;

    ServiceReply put(const QJsonObject& body, const QString& stepUp)
    {
        RawHeaders headers{{"Content-Type", "application/json"}, {"Authorization", "Bearer " + m_access.toLatin1()}};
        if (!stepUp.isEmpty())
            headers.append({"X-Step-Up", stepUp.toLatin1()});
        return client().send("PUT",
                             QStringLiteral("/v1/account/two-step/fallbacks"),
                             QJsonDocument(body).toJson(QJsonDocument::Compact),
                             headers);
    }

    static QJsonObject fallbacks(bool email, bool sms)
    {
        return {{QStringLiteral("email"), email}, {QStringLiteral("sms"), sms}};
    }

    QJsonObject status() { return client().get(QStringLiteral("/v1/account/two-step"), m_access).json(); }

    bool meHasSms()
    {
        return client()
            .get(QStringLiteral("/v1/me"), m_access)
            .json()
            .value(QStringLiteral("account"))
            .toObject()
            .value(QStringLiteral("two_step"))
            .toObject()
            .value(QStringLiteral("sms"))
            .toBool();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(startService()); }

    void init()
    {
        QVERIFY(client().reset());
        const auto tokens = client().login(QString::fromLatin1(ServiceClient::demoEmail),
                                           QString::fromLatin1(ServiceClient::demoPassword));
        m_access = tokens.access;
        QVERIFY(!m_access.isEmpty());
        QVERIFY(establish(client(), tokens));
    }

    void needsStepUp()
    {
        QCOMPARE(put(fallbacks(true, true), {}).error(), QStringLiteral("step_up_required"));
        QCOMPARE(put(fallbacks(true, true), QStringLiteral("not-a-token")).status, 403);
    }

    void smsOnAndOff()
    {
        const QString stepUp = client().passwordStepUp(m_access);
        QVERIFY(!stepUp.isEmpty());
        const bool before = status().value(QStringLiteral("sms")).toBool();

        ServiceReply reply = put(fallbacks(true, !before), stepUp);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QStringLiteral("sms")).toBool(), !before);
        QCOMPARE(reply.json().value(QStringLiteral("email")).toBool(), true);
        QCOMPARE(status().value(QStringLiteral("sms")).toBool(), !before);
        QCOMPARE(meHasSms(), !before);

        reply = put(fallbacks(true, before), stepUp);
        QCOMPARE(reply.status, 200);
        QCOMPARE(status().value(QStringLiteral("sms")).toBool(), before);
        QCOMPARE(meHasSms(), before);

        // Both changes are in the holder's activity.
        const QJsonArray items = client()
                                     .get(QStringLiteral("/v1/activity?type=two_step_changed"), m_access)
                                     .json()
                                     .value(QStringLiteral("entries"))
                                     .toArray();
        QVERIFY2(items.size() >= 2, qPrintable(QString::number(items.size())));
    }

    void emailStaysOnAndBodyIsChecked()
    {
        const QString stepUp = client().passwordStepUp(m_access);
        ServiceReply reply = put(fallbacks(false, false), stepUp);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), QStringLiteral("email"));
        reply = put({{QStringLiteral("email"), true}}, stepUp);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), QStringLiteral("sms"));
        reply = put({{QStringLiteral("email"), true}, {QStringLiteral("sms"), QStringLiteral("yes")}}, stepUp);
        QCOMPARE(reply.status, 422);
    }
};

QTEST_GUILESS_MAIN(TestServiceTwoStepFallbacks)
#include "mockd_service_two_step_fallbacks.moc"
