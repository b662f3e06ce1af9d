// vigil_test_security_key: the tests' software authenticator (SoftwareAuthenticator) as a command,
// for end-to-end tests that drive the real app and need a key it can talk to. Its credentials and
// private keys live in a JSON file (test data only, never a real key).
//
//   vigil_test_security_key --keys FILE register   < {"rp_id", "client_data_json", "algorithms"?}
//       → {"credential_id", "authenticator_data", "attestation_format": "none"}
//   vigil_test_security_key --keys FILE assert     < {"rp_id", "client_data_json", "allow_credentials"?}
//       → {"credential_id", "authenticator_data", "signature"}
//   vigil_test_security_key --keys FILE list       → {"credentials": [{"id", "rp_id", "algorithm", "counter"}]}
//
// Binary values are base64url without padding; `client_data_json` is the client data's bytes, whose
// SHA-256 the key signs. Optional knobs in the input: "counter" (the sign counter to report),
// "flags" (authenticator data flags instead of user present), "wrong_key" (sign with another key).
// Exit status 0 on success; 2 with {"error": "no_credentials"} when no key of the file may answer
// (as libfido2's FIDO_ERR_NO_CREDENTIALS); 1 on bad input or an unreadable file.
#include "SoftwareAuthenticator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <cstdio>

namespace {

int fail(const QString& error, int status = 1)
{
    const QJsonObject o{{QStringLiteral("error"), error}};
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return status;
}

int answer(const QJsonObject& o)
{
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return 0;
}

SoftwareAuthenticator::Knobs knobsFrom(const QJsonObject& input)
{
    SoftwareAuthenticator::Knobs knobs;
    if (input.contains(QStringLiteral("counter")))
        knobs.counter = quint32(input.value(QStringLiteral("counter")).toInteger());
    if (input.contains(QStringLiteral("flags")))
        knobs.flags = quint8(input.value(QStringLiteral("flags")).toInt());
    knobs.wrongKey = input.value(QStringLiteral("wrong_key")).toBool();
    return knobs;
}

bool save(const QString& path, const SoftwareAuthenticator& authenticator)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(authenticator.save()).toJson());
    return file.commit();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A software security key for Vigil's tests."));
    parser.addHelpOption();
    const QCommandLineOption keys(QStringLiteral("keys"), QStringLiteral("The key file."), QStringLiteral("file"));
    parser.addOption(keys);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("register, assert or list"));
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (!parser.isSet(keys) || args.size() != 1)
        return fail(QStringLiteral("usage: vigil_test_security_key --keys FILE register|assert|list"));
    const QString path = parser.value(keys);
    const QString command = args.first();

    SoftwareAuthenticator authenticator;
    if (QFile file(path); file.exists()) {
        if (!file.open(QIODevice::ReadOnly) || !authenticator.load(QJsonDocument::fromJson(file.readAll()).object()))
            return fail(QStringLiteral("unreadable_key_file"));
    }
    if (command == QLatin1String("list")) {
        QJsonArray listed;
        for (const QJsonValue& credential : authenticator.save().value(QStringLiteral("credentials")).toArray()) {
            QJsonObject o = credential.toObject();
            o.remove(QStringLiteral("key"));
            listed.append(o);
        }
        return answer({{QStringLiteral("credentials"), listed}});
    }

    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return fail(QStringLiteral("no_input"));
    const QJsonObject input = QJsonDocument::fromJson(in.readAll()).object();
    const QString rpId = input.value(QStringLiteral("rp_id")).toString();
    const QByteArray clientData =
        SoftwareAuthenticator::fromBase64Url(input.value(QStringLiteral("client_data_json")).toString());
    if (rpId.isEmpty() || clientData.isEmpty())
        return fail(QStringLiteral("rp_id and client_data_json are required"));
    const QByteArray clientDataHash = SoftwareAuthenticator::sha256(clientData);
    const SoftwareAuthenticator::Knobs knobs = knobsFrom(input);

    if (command == QLatin1String("register")) {
        // The first algorithm offered that the key makes, as an authenticator picks.
        auto algorithm = SoftwareAuthenticator::Algorithm::Es256;
        const QJsonArray offered = input.value(QStringLiteral("algorithms")).toArray();
        for (const QJsonValue& alg : offered) {
            if (alg.toInt() == int(SoftwareAuthenticator::Algorithm::Es256) ||
                alg.toInt() == int(SoftwareAuthenticator::Algorithm::EdDsa)) {
                algorithm = SoftwareAuthenticator::Algorithm(alg.toInt());
                break;
            }
        }
        const auto made = authenticator.makeCredential(rpId, clientDataHash, algorithm, knobs);
        if (!made || !save(path, authenticator))
            return fail(QStringLiteral("cannot_make_credential"));
        return answer(
            {{QStringLiteral("credential_id"), SoftwareAuthenticator::base64Url(made->credentialId)},
             {QStringLiteral("authenticator_data"), SoftwareAuthenticator::base64Url(made->authenticatorData)},
             {QStringLiteral("attestation_format"), QStringLiteral("none")}});
    }
    if (command == QLatin1String("assert")) {
        QList<QByteArray> allowed;
        for (const QJsonValue& id : input.value(QStringLiteral("allow_credentials")).toArray())
            allowed.append(SoftwareAuthenticator::fromBase64Url(id.toString()));
        const QByteArray credential = authenticator.pick(rpId, allowed);
        if (credential.isEmpty())
            return fail(QStringLiteral("no_credentials"), 2);
        const auto asserted = authenticator.getAssertion(rpId, clientDataHash, credential, knobs);
        if (!asserted || !save(path, authenticator))
            return fail(QStringLiteral("cannot_assert"));
        return answer(
            {{QStringLiteral("credential_id"), SoftwareAuthenticator::base64Url(asserted->credentialId)},
             {QStringLiteral("authenticator_data"), SoftwareAuthenticator::base64Url(asserted->authenticatorData)},
             {QStringLiteral("signature"), SoftwareAuthenticator::base64Url(asserted->signature)}});
    }
    return fail(QStringLiteral("unknown command: ") + command);
}
