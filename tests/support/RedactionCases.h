#pragma once
// Free text that the app and vigil-mockd must both redact before it reaches a log (each has its own
// Redaction: they share only the contract): one-time codes in JSON fields or query-style pairs,
// recovery and support codes, passwords; and ordinary text that must stay as it is.
#include <QString>

namespace RedactionCases {

inline QString textWithSecrets()
{
    return QStringLiteral(
        R"(POST {"code":"123456","password": "hunter2-pw","current":"old-pw-1"} code=654321&new_password=n3w-pw )"
        R"(recovery abcd-efgh-jk12 support 7KQ2-M9XF "recovery_codes":["wxyz-2345-mnop"] otp=777888)");
}

// Every secret in textWithSecrets().
inline constexpr const char* secretsInText[] = {
    "123456", "hunter2-pw", "old-pw-1", "654321", "n3w-pw", "abcd-efgh-jk12", "7KQ2-M9XF", "wxyz-2345-mnop", "777888"};

// Numbers, ids and words that look a little like secrets but are not.
inline QString plainText()
{
    return QStringLiteral("HTTP 401 after 123456 ms on port 8765, device dev_demo_living_tv, "
                          "request 123e4567-e89b-12d3-a456-426614174000, error invalid_code");
}

} // namespace RedactionCases
