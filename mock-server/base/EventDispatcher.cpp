#include "base/EventDispatcher.h"

#include <QStringView>

namespace mockd::EventDispatcher {

Kind defaultKind()
{
    // Qt's until the epoll dispatcher has run under every end-to-end test and ASan; the benchmarks
    // and large QA servers ask for epoll (docs/performance.md).
    return Kind::Qt;
}

Kind parse(const QString& name, bool* ok)
{
    *ok = true;
    if (name == QLatin1String("qt"))
        return Kind::Qt;
    if (name == QLatin1String("epoll") && epollAvailable())
        return Kind::Epoll;
    *ok = false;
    return defaultKind();
}

QString name(Kind kind)
{
    return kind == Kind::Epoll ? QStringLiteral("epoll") : QStringLiteral("qt");
}

Kind fromArguments(int argc, const char* const* argv)
{
    static constexpr QLatin1StringView option("--event-dispatcher");
    for (int i = 1; i < argc; ++i) {
        const QLatin1StringView argument(argv[i]);
        QString value;
        if (argument == option && i + 1 < argc)
            value = QString::fromLatin1(argv[i + 1]);
        else if (argument.startsWith(option) && argument.size() > option.size() && argument[option.size()] == '=')
            value = QString(argument.sliced(option.size() + 1));
        else
            continue;
        bool ok = false;
        return parse(value, &ok);
    }
    return defaultKind();
}

} // namespace mockd::EventDispatcher
