#pragma once

#include "auth/SessionIssuer.h"

#include <QHash>
#include <optional>

namespace mockd {

// The tokens of an approved TV between the holder's approval and the TV's next poll. Only here,
// in memory, in clear: the database holds their hashes like every token's. A restart in between
// loses them and the TV asks for a new code.
class TokenHandoff final
{
public:
    void put(const QString& grantId, const IssuedTokens& tokens) { m_waiting.insert(grantId, tokens); }
    std::optional<IssuedTokens> take(const QString& grantId)
    {
        if (!m_waiting.contains(grantId))
            return std::nullopt;
        return m_waiting.take(grantId);
    }
    void clear() { m_waiting.clear(); }

private:
    QHash<QString, IssuedTokens> m_waiting;
};

} // namespace mockd
