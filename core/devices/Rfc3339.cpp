#include "core/devices/Rfc3339.h"

namespace vigil {

namespace {

int digits(QStringView text, qsizetype at, qsizetype count)
{
    int value = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9') {
            return -1;
        }
        value = value * 10 + (c - u'0');
    }
    return value;
}

} // namespace

QDateTime Rfc3339::parse(QStringView text)
{
    if (text.size() < 20 || text[4] != u'-' || text[7] != u'-' || (text[10] != u'T' && text[10] != u't') ||
        text[13] != u':' || text[16] != u':') {
        return {};
    }
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    qsizetype at = 19;
    int msec = 0;
    if (text[at] == u'.') {
        int scale = 100;
        for (++at; at < text.size() && text[at] >= u'0' && text[at] <= u'9'; ++at) {
            msec += scale * (text[at].unicode() - u'0');
            scale /= 10;
        }
    }
    int offsetSeconds = 0;
    if (at == text.size() - 1 && (text[at] == u'Z' || text[at] == u'z')) {
        offsetSeconds = 0;
    } else if (at == text.size() - 6 && (text[at] == u'+' || text[at] == u'-') && text[at + 3] == u':') {
        const int hours = digits(text, at + 1, 2);
        const int minutes = digits(text, at + 4, 2);
        if (hours < 0 || minutes < 0) {
            return {};
        }
        offsetSeconds = (text[at] == u'-' ? -1 : 1) * (hours * 3600 + minutes * 60);
    } else {
        return {};
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, msec);
    if (year < 0 || !date.isValid() || !time.isValid()) {
        return {};
    }
    return QDateTime(date, time, Qt::UTC).addSecs(-offsetSeconds);
}

} // namespace vigil
