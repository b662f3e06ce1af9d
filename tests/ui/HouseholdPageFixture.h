#pragma once

#include "FakeNetworkAccessManager.h"
#include "TestTokens.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"

#include <QDir>
#include <QTest>
#include <QWidget>
#include <memory>

// A signed-in ApiClient over a faked network for the Profiles and Activity page tests; and, when
// VIGIL_SCREENSHOT_DIR is set, a way to save what a page looks like.
struct HouseholdPageFixture
{
    std::unique_ptr<FakeNetworkAccessManager> nam = std::make_unique<FakeNetworkAccessManager>();
    std::unique_ptr<vigil::Session> session = std::make_unique<vigil::Session>();
    std::unique_ptr<vigil::ApiClient> api = std::make_unique<vigil::ApiClient>(nam.get(), session.get());

    HouseholdPageFixture()
    {
        api->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/")));
        auto tokens = vigil::TokenPair::fromJson(TestTokens::pair(QStringLiteral("vat_a"), QStringLiteral("vrt_a")));
        session->setTokens(api->baseUrl(), tokens.value());
    }

    static void screenshot(QWidget* widget, const QString& name)
    {
        const QString folder = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
        if (!folder.isEmpty())
            widget->grab().save(QDir(folder).filePath(name + QStringLiteral(".png")));
    }
};
