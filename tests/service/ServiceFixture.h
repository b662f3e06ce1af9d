#pragma once
// What the service tests share: one vigil-mockd of their own for the whole test executable, a
// client that speaks to it, the seeded scenario again before each test and, for tests that act as
// the holder, the demo account signed in on an established device.
#include "Establish.h"
#include "MockdProcess.h"
#include "ServiceClient.h"

#include <QObject>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

class ServiceFixture : public QObject
{
protected:
    // In initTestCase, as QVERIFY(startService(...)): the service with the default test options
    // plus `arguments`, and the client. Says why when the service did not come up.
    [[nodiscard]] bool startService(const QStringList& arguments = {}, int timeoutMs = 15000)
    {
        if (!m_mockd.start(arguments, timeoutMs)) {
            qWarning().noquote() << "vigil-mockd did not start:" << m_mockd.errorString();
            return false;
        }
        m_client = std::make_unique<ServiceClient>(m_mockd.baseUrl());
        return true;
    }

    // In init, as QVERIFY(resetAndSignInEstablished(m_me)): the seeded scenario, then the demo
    // holder signed in as `deviceName` and established (the young-session guard refuses a fresh
    // sign-in what these tests exercise). Says which step failed.
    [[nodiscard]] bool resetAndSignInEstablished(ServiceClient::Tokens& tokens,
                                                 const QString& deviceName = QStringLiteral("Vigil on a Laptop"),
                                                 const QString& type = QStringLiteral("computer"))
    {
        if (!client().reset()) {
            qWarning("the service did not reset");
            return false;
        }
        tokens = client().loginDemo(deviceName, type);
        if (tokens.access.isEmpty()) {
            qWarning("the demo holder could not sign in");
            return false;
        }
        if (!establish(client(), tokens)) {
            qWarning("the service refused to establish the device");
            return false;
        }
        return true;
    }

    ServiceClient& client() { return *m_client; }
    static QString demoEmail() { return QString::fromLatin1(ServiceClient::demoEmail); }
    static QString demoPassword() { return QString::fromLatin1(ServiceClient::demoPassword); }

    // For a test's database file or scenario; declared first, so it outlives the service.
    QTemporaryDir m_dir;
    MockdProcess m_mockd;
    std::unique_ptr<ServiceClient> m_client;
};
