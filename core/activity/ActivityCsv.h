#pragma once

#include "core/activity/ActivityEntry.h"
#include "core/util/Expected.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace vigil {

// The activity as a CSV file (RFC 4180, spreadsheet-safe: see CsvWriter). Every text that came
// from the service or another person (device names, support's reason) is escaped like the rest.
class ActivityCsv final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::ActivityCsv)

public:
    ActivityCsv() = delete;

    static QByteArray toCsv(const QList<ActivityEntry>& entries);
    // Written atomically (QSaveFile): a failed export leaves no half file. The error is a sentence.
    static Expected<void, QString> save(const QList<ActivityEntry>& entries, const QString& path);
};

} // namespace vigil
