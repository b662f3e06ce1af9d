#pragma once

#include "http/ApiError.h"

#include <QJsonObject>
#include <QStringList>
#include <memory>
#include <optional>

namespace mockd {

// How a string field is checked by FieldReader::string().
struct StringRule
{
    bool required = true;
    qsizetype minLength = 1; // characters (code points), after trimming when `trim`
    qsizetype maxLength = 256;
    QStringList oneOf = {};
    bool trim = false;
    bool allowControl = false;
    // A name people read: invisible format characters are removed first (base/VisibleText.h);
    // control characters are still refused unless allowed.
    bool visibleOnly = false;
};

// Reads typed fields out of a JSON object and remembers the first problem as a 422
// `invalid_field` naming the field ("device.type"). Read everything, then check error() once:
//
//     FieldReader body(ctx.body);
//     const QString email = body.string(u"email"_s, {.maxLength = 254});
//     if (body.error()) return ctx.fail(*body.error());
class FieldReader
{
public:
    explicit FieldReader(const QJsonObject& object);

    bool has(const QString& name) const;
    // Empty when missing and not required, or after an error.
    QString string(const QString& name, const StringRule& rule = {});
    std::optional<qint64> integer(const QString& name, bool required, qint64 minimum, qint64 maximum);
    std::optional<bool> boolean(const QString& name, bool required);
    // A nested object; its errors name "parent.child". Missing and not required: an empty reader.
    FieldReader object(const QString& name, bool required);
    // Records a problem found by the caller (the first one wins).
    void fail(const QString& name, const QString& message);

    const std::optional<ApiError>& error() const { return *m_error; }
    bool ok() const { return !m_error->has_value(); }

private:
    FieldReader(const QJsonObject& object, const QString& prefix, std::shared_ptr<std::optional<ApiError>> error);
    QString fullName(const QString& name) const { return m_prefix + name; }
    // The value, or nothing when missing/null (recording "is required" when it must be there).
    std::optional<QJsonValue> value(const QString& name, bool required);

    QJsonObject m_object;
    QString m_prefix;
    std::shared_ptr<std::optional<ApiError>> m_error;
};

} // namespace mockd
