// throughput_floor: the floor of bench/mockd_throughput.py. A bare QHttpServer (the HTTP stack
// vigil-mockd is built on) answering one GET route with constant bytes: no token check, no store,
// no logging. Whatever vigil-mockd costs above this is its own work.
//
// Usage: throughput_floor --body FILE [--path /v1/devices]
// Prints "listening on http://127.0.0.1:PORT" once it accepts connections.
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype bodyAt = args.indexOf(QStringLiteral("--body"));
    const qsizetype pathAt = args.indexOf(QStringLiteral("--path"));
    QFile file(args.value(bodyAt + 1));
    if (bodyAt < 0 || !file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "usage: throughput_floor --body FILE [--path /v1/devices]\n");
        return 2;
    }
    const QByteArray body = file.readAll();
    const QString path = pathAt >= 0 ? args.value(pathAt + 1) : QStringLiteral("/v1/devices");

    QHttpServer server;
    server.route(path, QHttpServerRequest::Method::Get, [body] {
        return QHttpServerResponse(QByteArrayLiteral("application/json"), body);
    });
    const int port = server.listen(QHostAddress::LocalHost, 0);
    if (port <= 0) {
        std::fprintf(stderr, "cannot listen\n");
        return 1;
    }
    std::printf("listening on http://127.0.0.1:%d\n", port);
    std::fflush(stdout);
    return app.exec();
}
