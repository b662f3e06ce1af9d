#pragma once

#include "core/auth/CredentialStore.h"

namespace vigil {

// The OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS, Credential
// Manager on Windows), service "Vigil". Never falls back to a plain-text file.
class KeychainCredentialStore final : public CredentialStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainCredentialStore)

public:
    explicit KeychainCredentialStore(QObject* parent = nullptr);
    ~KeychainCredentialStore() override;

    void read(const QString& key, QObject* context, std::function<void(const ReadResult&)> done) override;
    void write(const QString& key,
               const QString& secret,
               QObject* context,
               std::function<void(const WriteResult&)> done) override;
    void remove(const QString& key, QObject* context, std::function<void(const WriteResult&)> done) override;
};

} // namespace vigil
