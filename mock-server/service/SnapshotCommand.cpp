#include "service/SnapshotCommand.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QUrl>
#include <cstdio>

namespace mockd {

namespace {

constexpr int timeoutMs = 60 * 1000;

int fail(const QString& message, int code = 1)
{
    std::fprintf(stderr, "vigil-mockd snapshot: %s\n", qPrintable(message));
    return code;
}

} // namespace

int runSnapshotCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Saves the whole state of a running vigil-mockd (accounts, devices, sessions, audit, clock, "
                       "fault rules, redacted request journal) as a scenario file: restore it with "
                       "`vigil-mockd --scenario FILE` or POST /__admin/scenario. The admin key is read from "
                       "VIGIL_ADMIN_KEY. The file holds no password, token or code, only their hashes."));
    parser.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("The file to write."), QStringLiteral("FILE"));
    const QCommandLineOption url(QStringLiteral("url"),
                                 QStringLiteral("The service (default http://127.0.0.1:8765)."),
                                 QStringLiteral("URL"),
                                 QStringLiteral("http://127.0.0.1:8765"));
    parser.addOptions({out, url});
    QStringList args = arguments;
    if (args.size() > 1)
        args.removeAt(1); // "snapshot"
    if (!parser.parse(args))
        return fail(parser.errorText(), 2);
    if (parser.isSet(QStringLiteral("help"))) {
        std::fprintf(stdout, "%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (!parser.isSet(out) || parser.value(out).isEmpty())
        return fail(QStringLiteral("--out FILE is required"), 2);
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()), 2);
    QUrl target(parser.value(url));
    if (!target.isValid() || target.host().isEmpty() ||
        (target.scheme() != QLatin1String("http") && target.scheme() != QLatin1String("https")))
        return fail(QStringLiteral("--url must be an http(s) URL"), 2);
    const QByteArray key = qgetenv("VIGIL_ADMIN_KEY");
    if (key.isEmpty())
        return fail(QStringLiteral("set VIGIL_ADMIN_KEY to the service's admin key"), 2);

    target.setPath(target.path().chopped(target.path().endsWith(QLatin1Char('/')) ? 1 : 0) +
                   QStringLiteral("/__admin/snapshot"));
    QNetworkAccessManager network;
    QNetworkRequest request(target);
    request.setRawHeader("X-Admin-Key", key);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply* reply = network.post(request, QByteArray());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status != 200)
        return fail(status == 0
                        ? reply->errorString()
                        : QStringLiteral("the service answered %1: %2").arg(status).arg(QString::fromUtf8(body)));
    QSaveFile file(parser.value(out));
    if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size() || !file.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(parser.value(out), file.errorString()));
    std::printf(
        "snapshot written to %s (%lld bytes)\n", qPrintable(parser.value(out)), static_cast<long long>(body.size()));
    return 0;
}

} // namespace mockd
