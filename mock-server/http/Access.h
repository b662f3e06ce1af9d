#pragma once

#include "base/Role.h"

#include <QString>
#include <initializer_list>

namespace mockd {

// Who may call a route. A default-constructed Access denies everyone: a route is only reachable
// after it says who may use it (deny by default).
class Access
{
public:
    Access() = default;

    static Access publicRoute() { return Access(Kind::Public, 0); }
    static Access admin() { return Access(Kind::Admin, 0); }
    static Access roles(std::initializer_list<Role> allowed)
    {
        quint8 mask = 0;
        for (const Role role : allowed)
            mask |= quint8(role);
        return Access(Kind::Roles, mask);
    }

    bool isPublic() const { return m_kind == Kind::Public; }
    bool isAdmin() const { return m_kind == Kind::Admin; }
    bool needsToken() const { return m_kind == Kind::Roles; }
    bool allows(Role role) const { return m_kind == Kind::Roles && (m_roles & quint8(role)) != 0; }

private:
    enum class Kind : quint8
    {
        Deny,
        Public,
        Admin,
        Roles
    };
    Access(Kind kind, quint8 roles) : m_kind(kind), m_roles(roles) {}

    Kind m_kind = Kind::Deny;
    quint8 m_roles = 0;
};

// The caller behind a valid access token.
struct Principal
{
    QString accountId;
    QString sessionId;
    QString deviceId;
    Role role = Role::Holder;
    qint64 tokenExpiresAtMs = 0; // when the access token presented expires (long-lived sockets re-check then)
    qint64 authenticatedAtMs = 0;
    qint64 newUntilMs = 0;       // while the session is new (auth/YoungSessions): when it stops being; else 0
    bool mayShortenWait = false; // an email code may shorten that wait (YoungSessions::mayShortenWait)
    bool guest = false;          // a guest session (TV sign-in): never established, however old
};

} // namespace mockd
