#pragma once

#include <QJsonObject>
#include <QString>

namespace mockd {

class ScenarioReader;
struct ScenarioAccount;

// Reads what only a snapshot (POST /__admin/snapshot) puts in an account: the password's hash
// instead of the password, recovery codes as stored hashes, the sessions with their token hashes,
// the device cookies by hash, and the account's settings that a scenario otherwise leaves at their
// defaults. Times here are RFC 3339 only: a snapshot is one moment, not a fresh-looking demo.
namespace SnapshotAccountReader {

const QStringList& keys();
void read(ScenarioReader& r, const QJsonObject& o, const QString& path, ScenarioAccount& a);

} // namespace SnapshotAccountReader

} // namespace mockd
