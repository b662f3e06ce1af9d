#include "ActivityCsv.h"

#include "core/util/CsvWriter.h"

#include <QSaveFile>

namespace vigil {

QByteArray ActivityCsv::toCsv(const QList<ActivityEntry>& entries)
{
    CsvWriter csv;
    csv.addRecord({tr("Time (UTC)"),
                   tr("Event"),
                   tr("Details"),
                   tr("Device"),
                   tr("Location"),
                   tr("Country code"),
                   tr("IP Address"),
                   tr("Method")});
    for (const ActivityEntry& entry : entries) {
        csv.addRecord({entry.time.toUTC().toString(Qt::ISODate),
                       entry.typeText(),
                       entry.description(),
                       entry.deviceName,
                       entry.place(),
                       entry.countryCode,
                       entry.ip,
                       entry.method});
    }
    return csv.toUtf8();
}

Expected<void, QString> ActivityCsv::save(const QList<ActivityEntry>& entries, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Unexpected{tr("Can't write %1: %2").arg(path, file.errorString())};
    const QByteArray data = toCsv(entries);
    if (file.write(data) != data.size() || !file.commit())
        return Unexpected{tr("Can't write %1: %2").arg(path, file.errorString())};
    return {};
}

} // namespace vigil
