#include "http/FieldReader.h"

#include "base/VisibleText.h"

#include <cmath>

namespace mockd {

namespace {

qsizetype codePoints(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool hasControl(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        return c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() < 0xa0) || c.unicode() == 0x2028 ||
               c.unicode() == 0x2029;
    });
}

} // namespace

FieldReader::FieldReader(const QJsonObject& object)
    : m_object(object), m_error(std::make_shared<std::optional<ApiError>>())
{}

FieldReader::FieldReader(const QJsonObject& object,
                         const QString& prefix,
                         std::shared_ptr<std::optional<ApiError>> error)
    : m_object(object), m_prefix(prefix), m_error(std::move(error))
{}

bool FieldReader::has(const QString& name) const
{
    const auto it = m_object.constFind(name);
    return it != m_object.constEnd() && !it->isNull() && !it->isUndefined();
}

void FieldReader::fail(const QString& name, const QString& message)
{
    if (!m_error->has_value())
        *m_error = ApiError::invalidField(fullName(name), fullName(name) + QLatin1Char(' ') + message);
}

std::optional<QJsonValue> FieldReader::value(const QString& name, bool required)
{
    if (!has(name)) {
        if (required)
            fail(name, QStringLiteral("is required."));
        return std::nullopt;
    }
    return m_object.value(name);
}

QString FieldReader::string(const QString& name, const StringRule& rule)
{
    const auto found = value(name, rule.required);
    if (!found)
        return {};
    if (!found->isString()) {
        fail(name, QStringLiteral("must be a string."));
        return {};
    }
    QString text = found->toString();
    // Control characters stay, to be refused below as in any field; a name loses the invisible rest.
    if (rule.visibleOnly && (rule.allowControl || !hasControl(text)))
        text = VisibleText::strip(text);
    if (rule.trim)
        text = text.trimmed();
    const qsizetype length = codePoints(text);
    if (length < rule.minLength) {
        fail(name,
             rule.minLength == 1 ? QStringLiteral("must not be empty.")
                                 : QStringLiteral("must be at least %1 characters.").arg(rule.minLength));
        return {};
    }
    if (length > rule.maxLength) {
        fail(name, QStringLiteral("must be at most %1 characters.").arg(rule.maxLength));
        return {};
    }
    if (!rule.allowControl && hasControl(text)) {
        fail(name, QStringLiteral("must not contain control characters."));
        return {};
    }
    if (!rule.oneOf.isEmpty() && !rule.oneOf.contains(text)) {
        fail(name, QStringLiteral("must be one of: ") + rule.oneOf.join(QStringLiteral(", ")) + QLatin1Char('.'));
        return {};
    }
    return text;
}

std::optional<qint64> FieldReader::integer(const QString& name, bool required, qint64 minimum, qint64 maximum)
{
    const auto found = value(name, required);
    if (!found)
        return std::nullopt;
    const double number = found->toDouble();
    // Beyond 2^53 a double no longer holds every integer; nothing here needs such numbers.
    if (!found->isDouble() || !std::isfinite(number) || std::abs(number) > 9.0e15 || number != std::floor(number)) {
        fail(name, QStringLiteral("must be an integer."));
        return std::nullopt;
    }
    const qint64 result = qint64(number);
    if (result < minimum || result > maximum) {
        fail(name, QStringLiteral("must be between %1 and %2.").arg(minimum).arg(maximum));
        return std::nullopt;
    }
    return result;
}

std::optional<bool> FieldReader::boolean(const QString& name, bool required)
{
    const auto found = value(name, required);
    if (!found)
        return std::nullopt;
    if (!found->isBool()) {
        fail(name, QStringLiteral("must be true or false."));
        return std::nullopt;
    }
    return found->toBool();
}

FieldReader FieldReader::object(const QString& name, bool required)
{
    const auto found = value(name, required);
    if (found && !found->isObject())
        fail(name, QStringLiteral("must be an object."));
    const QJsonObject child = found && found->isObject() ? found->toObject() : QJsonObject();
    return FieldReader(child, fullName(name) + QLatin1Char('.'), m_error);
}

} // namespace mockd
