#pragma once

#include "base/Expected.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace mockd {

class Store;

// The whole state of a running service as one scenario (POST /__admin/snapshot): every account
// with its profiles, devices, sessions as they are, audit history and device cookies, plus the
// clock, the fault rules in force and the redacted request journal. Loading it (`--scenario FILE`
// or POST /__admin/scenario) restores that moment on any machine.
//
// Nothing secret is written: passwords, recovery codes, tokens and device cookies only as the
// hashes the store keeps (a restored session keeps its token hashes, so the original holder's
// tokens still work and nobody can read one from the file); an authenticator app's secret, which
// the store must keep in clear, is left out (`totp_withheld`): 2-step stays on with a new secret.
namespace SnapshotWriter {

struct Moment
{
    qint64 nowMs = 0;   // the service clock
    bool moved = false; // the clock had been moved away from real time
    QString scenario;   // the scenario in force, for the reader
    QJsonArray faults;  // FaultInjector::list()
    QJsonArray journal; // RequestJournal::entries(), already redacted
};

Expected<QJsonObject, QString> write(Store& store, const Moment& moment);
// A rule as FaultInjector::list() shows it, as a scenario takes it: what is left of `times`,
// without the injector's own fields.
QJsonObject faultForScenario(const QJsonObject& listed);

} // namespace SnapshotWriter

} // namespace mockd
