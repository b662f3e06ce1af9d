#pragma once

#include <QByteArray>
#include <QString>
#include <QVarLengthArray>

namespace mockd {

// Writes compact JSON straight into a byte array. Building a QJsonObject costs microseconds per
// field (it is CBOR underneath); hot answers such as /v1/me and device lists are written with this
// instead, ten times faster. The caller keeps the structure balanced; keys are written as given.
class JsonWriter
{
public:
    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(QLatin1StringView name);

    JsonWriter& value(QStringView text);
    JsonWriter& value(QLatin1StringView text);
    JsonWriter& value(const char* text) { return value(QLatin1StringView(text)); }
    JsonWriter& value(qint64 number);
    JsonWriter& value(int number) { return value(qint64(number)); }
    JsonWriter& value(double number);
    JsonWriter& value(bool flag);
    JsonWriter& null();

    template <typename T>
    JsonWriter& field(QLatin1StringView name, const T& v)
    {
        key(name);
        return value(v);
    }
    JsonWriter& field(QLatin1StringView name, const char* v) { return field(name, QLatin1StringView(v)); }
    JsonWriter& field(QLatin1StringView name, const QString& v) { return field(name, QStringView(v)); }

    QByteArray take() { return std::move(m_out); }
    const QByteArray& data() const { return m_out; }

    // Appends `text` as a quoted JSON string (escaping quotes, backslashes and control characters).
    static void appendString(QByteArray& out, QStringView text);

private:
    void separate();

    QByteArray m_out;
    QVarLengthArray<bool, 8> m_first; // per open container: nothing written yet
    bool m_afterKey = false;
};

} // namespace mockd
