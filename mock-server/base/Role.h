#pragma once

#include <QString>
#include <optional>

namespace mockd {

// Who an account belongs to. Holder routes refuse support staff (deny by default).
enum class Role : quint8
{
    Holder = 1,
    Support = 2,
};

inline QString roleName(Role role)
{
    return role == Role::Support ? QStringLiteral("support") : QStringLiteral("holder");
}

inline std::optional<Role> roleFromName(const QString& name)
{
    if (name == QLatin1String("holder"))
        return Role::Holder;
    if (name == QLatin1String("support"))
        return Role::Support;
    return std::nullopt;
}

} // namespace mockd
