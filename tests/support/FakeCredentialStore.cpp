#include "FakeCredentialStore.h"

#include <QTimer>

using vigil::CredentialError;
using vigil::Unexpected;

std::optional<CredentialError> FakeCredentialStore::failure() const
{
    switch (m_mode) {
    case Mode::Available:
        return std::nullopt;
    case Mode::Unavailable:
        return CredentialError(CredentialError::Code::Unavailable, QStringLiteral("no keychain (fake)"));
    case Mode::AccessDenied:
        return CredentialError(CredentialError::Code::AccessDenied, QStringLiteral("denied (fake)"));
    }
    return std::nullopt;
}

void FakeCredentialStore::read(const QString& key, QObject* context, std::function<void(const ReadResult&)> done)
{
    ReadResult result = Unexpected{CredentialError(CredentialError::Code::NotFound)};
    if (const auto error = failure())
        result = Unexpected{*error};
    else if (m_entries.contains(key))
        result = m_entries.value(key);
    QTimer::singleShot(0, context, [done = std::move(done), result] { done(result); });
}

void FakeCredentialStore::write(const QString& key,
                                const QString& secret,
                                QObject* context,
                                std::function<void(const WriteResult&)> done)
{
    WriteResult result;
    if (const auto error = failure()) {
        result = Unexpected{*error};
    } else {
        m_entries.insert(key, secret);
        ++m_writes;
    }
    QTimer::singleShot(0, context, [done = std::move(done), result] { done(result); });
}

void FakeCredentialStore::remove(const QString& key, QObject* context, std::function<void(const WriteResult&)> done)
{
    WriteResult result;
    if (const auto error = failure())
        result = Unexpected{*error};
    else
        m_entries.remove(key);
    QTimer::singleShot(0, context, [done = std::move(done), result] { done(result); });
}
