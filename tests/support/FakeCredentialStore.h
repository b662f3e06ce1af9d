#pragma once

#include "core/auth/CredentialStore.h"

#include <QHash>

// An in-memory keychain for tests. It answers later (from the event loop) like the real one, and
// can pretend there is no keychain, or that access is denied.
class FakeCredentialStore final : public vigil::CredentialStore
{
    Q_OBJECT

public:
    enum class Mode
    {
        Available,
        Unavailable,
        AccessDenied,
    };

    explicit FakeCredentialStore(QObject* parent = nullptr) : vigil::CredentialStore(parent) {}

    void setMode(Mode mode) { m_mode = mode; }
    const QHash<QString, QString>& entries() const { return m_entries; }
    void setEntry(const QString& key, const QString& secret) { m_entries.insert(key, secret); }
    int writes() const { return m_writes; }

    void read(const QString& key, QObject* context, std::function<void(const ReadResult&)> done) override;
    void write(const QString& key,
               const QString& secret,
               QObject* context,
               std::function<void(const WriteResult&)> done) override;
    void remove(const QString& key, QObject* context, std::function<void(const WriteResult&)> done) override;

private:
    std::optional<vigil::CredentialError> failure() const;

    Mode m_mode = Mode::Available;
    QHash<QString, QString> m_entries;
    int m_writes = 0;
};
