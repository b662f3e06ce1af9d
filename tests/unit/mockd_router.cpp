#include "http/Router.h"

#include <QObject>
#include <QTest>

using mockd::Access;
using mockd::RequestContext;
using mockd::Router;

class TestRouter final : public QObject
{
    Q_OBJECT

private:
    static mockd::RouteOptions open() { return {Access::publicRoute(), false}; }
    static void noop(const RequestContext&) {}

    static Router makeRouter()
    {
        Router router;
        const bool added = router.add("GET", QStringLiteral("/v1/me"), open(), noop) &&
                           router.add("POST", QStringLiteral("/v1/auth/login"), open(), noop) &&
                           router.add("GET", QStringLiteral("/v1/devices"), open(), noop) &&
                           router.add("GET", QStringLiteral("/v1/devices/{id}"), open(), noop) &&
                           router.add("PATCH", QStringLiteral("/v1/devices/{id}"), open(), noop) &&
                           router.add("GET", QStringLiteral("/v1/devices/{id}/history"), open(), noop) &&
                           router.add("POST", QStringLiteral("/v1/devices/sign-out"), open(), noop) &&
                           router.add("GET", QStringLiteral("/v1/devices/stats"), open(), noop);
        if (!added)
            qFatal("the test routes were refused");
        return router;
    }

private Q_SLOTS:
    void literalRoutesMatch()
    {
        const Router router = makeRouter();
        const auto match = router.match("GET", u"/v1/me");
        QCOMPARE(match.kind, Router::Match::Kind::Found);
        QCOMPARE(match.route->pattern, QStringLiteral("/v1/me"));
        QVERIFY(match.params.isEmpty());
    }

    void parametersAreExtractedAndDecoded()
    {
        const Router router = makeRouter();
        const auto match = router.match("GET", u"/v1/devices/dev%20one/history");
        QCOMPARE(match.kind, Router::Match::Kind::Found);
        QCOMPARE(match.route->pattern, QStringLiteral("/v1/devices/{id}/history"));
        QCOMPARE(match.params.size(), 1);
        QCOMPARE(match.params.at(0).first, QStringLiteral("id"));
        QCOMPARE(match.params.at(0).second, QStringLiteral("dev one"));
    }

    void literalSegmentsWinOverParameters()
    {
        const Router router = makeRouter();
        QCOMPARE(router.match("GET", u"/v1/devices/stats").route->pattern, QStringLiteral("/v1/devices/stats"));
        QCOMPARE(router.match("GET", u"/v1/devices/dev_1").route->pattern, QStringLiteral("/v1/devices/{id}"));
    }

    void unknownPathsAreNotFound_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("unknown") << QStringLiteral("/v1/nothing");
        QTest::newRow("trailing slash") << QStringLiteral("/v1/me/");
        QTest::newRow("too deep") << QStringLiteral("/v1/devices/a/history/b");
        QTest::newRow("empty parameter") << QStringLiteral("/v1/devices//history");
        QTest::newRow("no leading slash") << QStringLiteral("v1/me");
        QTest::newRow("root") << QStringLiteral("/");
        QTest::newRow("case matters") << QStringLiteral("/V1/ME");
    }

    void unknownPathsAreNotFound()
    {
        QFETCH(QString, path);
        const Router router = makeRouter();
        const auto match = router.match("GET", path);
        QCOMPARE(match.kind, Router::Match::Kind::NotFound);
        QVERIFY(match.route == nullptr);
        // Another method does not turn a missing path into a 405.
        QCOMPARE(router.match("DELETE", path).kind, Router::Match::Kind::NotFound);
    }

    void knownPathWithWrongMethodIsMethodNotAllowed()
    {
        const Router router = makeRouter();
        auto match = router.match("DELETE", u"/v1/devices/dev_1");
        QCOMPARE(match.kind, Router::Match::Kind::MethodNotAllowed);
        QCOMPARE(match.allow, QByteArray("GET, PATCH"));
        match = router.match("GET", u"/v1/auth/login");
        QCOMPARE(match.kind, Router::Match::Kind::MethodNotAllowed);
        QCOMPARE(match.allow, QByteArray("POST"));
    }

    void badPatternsAndDuplicatesAreRefused()
    {
        Router router = makeRouter();
        const auto count = router.routes().size();
        QVERIFY(!router.add("GET", QStringLiteral("/v1/me"), open(), noop));
        QVERIFY(!router.add("GET", QStringLiteral("/v1/devices/{other}"), open(), noop));
        QVERIFY(!router.add("GET", QStringLiteral("v1/x"), open(), noop));
        QVERIFY(!router.add("GET", QStringLiteral("/v1/x/"), open(), noop));
        QVERIFY(!router.add("GET", QStringLiteral("/v1/{broken"), open(), noop));
        QVERIFY(!router.add("GET", QStringLiteral("/v1/y"), open(), {}));
        QCOMPARE(router.routes().size(), count);
        QVERIFY(router.add("DELETE", QStringLiteral("/v1/devices/{id}"), open(), noop));
    }

    void accessDeniesByDefault()
    {
        const Access nobody;
        QVERIFY(!nobody.isPublic() && !nobody.isAdmin() && !nobody.needsToken());
        QVERIFY(!nobody.allows(mockd::Role::Holder));
        const Access holders = Access::roles({mockd::Role::Holder});
        QVERIFY(holders.needsToken());
        QVERIFY(holders.allows(mockd::Role::Holder));
        QVERIFY(!holders.allows(mockd::Role::Support));
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "mockd_router.moc"
