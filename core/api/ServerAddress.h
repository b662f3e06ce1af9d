#pragma once

#include "core/util/Expected.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace vigil {

// Turns what a person types into the server field into a base URL, refusing plain HTTP to
// anything but this computer (tokens and passwords must not cross a network unencrypted).
class ServerAddress final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::ServerAddress)

public:
    enum class Problem
    {
        Empty,
        Malformed,
        UnsupportedScheme,
        InsecureRemote,
    };

    ServerAddress() = delete;

    // "127.0.0.1:8765" → http://127.0.0.1:8765, "vigil.example" → https://vigil.example.
    static Expected<QUrl, Problem> parse(const QString& input);
    static QString describe(Problem problem);
    static bool isLoopback(const QString& host);
    // "host:port" with the scheme's default port filled in: the part of the keychain key
    // that names the server.
    static QString hostAndPort(const QUrl& url);
};

} // namespace vigil
