#pragma once

#include <QCoreApplication>
#include <QString>

namespace vigil {

// Why the OS keychain could not read, write or delete a secret. None of these stops the app:
// without a keychain Vigil works but cannot remember a sign-in.
class CredentialError
{
    Q_DECLARE_TR_FUNCTIONS(vigil::CredentialError)

public:
    enum class Code
    {
        NotFound,     // nothing stored under that key: not a failure for "delete"
        Unavailable,  // no keychain service on this system (or it does not answer)
        AccessDenied, // the keychain is locked or the user said no
    };

    explicit CredentialError(Code code, QString detail = {}) : m_code(code), m_detail(std::move(detail)) {}

    Code code() const { return m_code; }
    // The backend's own words, for the log only (it never contains the secret).
    QString detail() const { return m_detail; }
    QString message() const;

private:
    Code m_code;
    QString m_detail;
};

} // namespace vigil
