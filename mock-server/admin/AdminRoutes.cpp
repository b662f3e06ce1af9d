#include "admin/AdminRoutes.h"

#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "http/FieldReader.h"
#include "http/Router.h"
#include "log/LogCategories.h"

namespace mockd {

namespace {
// About 30 years: enough for any QA scenario, far from overflowing milliseconds.
constexpr qint64 maxAdvanceSeconds = 1'000'000'000;
} // namespace

AdminRoutes::AdminRoutes(Clock& clock, ResetFunction reset, QObject* parent)
    : QObject(parent), m_clock(clock), m_reset(std::move(reset))
{}

AdminRoutes::~AdminRoutes() = default;

void AdminRoutes::registerRoutes(Router& router)
{
    router.add("POST", QStringLiteral("/__admin/reset"), {Access::admin(), false}, [this](const RequestContext& c) {
        reset(c);
    });
    router.add("GET", QStringLiteral("/__admin/clock"), {Access::admin(), false}, [this](const RequestContext& c) {
        getClock(c);
    });
    router.add("POST", QStringLiteral("/__admin/clock"), {Access::admin(), true}, [this](const RequestContext& c) {
        setClock(c);
    });
}

void AdminRoutes::reset(const RequestContext& context)
{
    const auto done = m_reset();
    if (!done) {
        qCCritical(lcAdmin) << "reset failed:" << done.error();
        return context.fail(ApiError::internal());
    }
    qCInfo(lcAdmin) << "state reset to the scenario";
    context.respond(HttpResponse::noContent());
}

void AdminRoutes::respondClock(const RequestContext& context)
{
    context.respond(HttpResponse::json(QJsonObject{
        {QStringLiteral("now"), TimeFormat::toRfc3339Ms(m_clock.nowMs())},
        {QStringLiteral("offset_seconds"), double(m_clock.offsetMs()) / 1000.0},
    }));
}

void AdminRoutes::getClock(const RequestContext& context)
{
    respondClock(context);
}

void AdminRoutes::setClock(const RequestContext& context)
{
    FieldReader body(context.body);
    const bool hasAdvance = body.has(QStringLiteral("advance_seconds"));
    const bool hasSet = body.has(QStringLiteral("set"));
    if (hasAdvance == hasSet)
        return context.fail(
            ApiError::invalidField(hasAdvance ? QStringLiteral("set") : QStringLiteral("advance_seconds"),
                                   QStringLiteral("Give exactly one of advance_seconds and set.")));
    if (hasAdvance) {
        const auto seconds = body.integer(QStringLiteral("advance_seconds"), true, 0, maxAdvanceSeconds);
        if (!body.ok())
            return context.fail(*body.error());
        m_clock.advance(*seconds * 1000);
    } else {
        const QString text = body.string(QStringLiteral("set"), {.maxLength = 64});
        if (!body.ok())
            return context.fail(*body.error());
        const auto when = TimeFormat::parseRfc3339(text);
        if (!when)
            return context.fail(ApiError::invalidField(
                QStringLiteral("set"), QStringLiteral("set must be an RFC 3339 time such as 2026-05-01T12:00:00Z.")));
        m_clock.set(*when);
    }
    qCInfo(lcAdmin) << "clock now" << TimeFormat::toRfc3339(m_clock.nowMs());
    respondClock(context);
}

} // namespace mockd
