#include "KeychainCredentialStore.h"

#include "core/auth/AuthLogging.h"

#include <qt6keychain/keychain.h>

namespace vigil {
namespace {

CredentialError toCredentialError(const QKeychain::Job& job)
{
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return CredentialError(CredentialError::Code::NotFound);
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return CredentialError(CredentialError::Code::AccessDenied, job.errorString());
    default:
        // NoBackendAvailable, NotImplemented, and OtherError — which is how the Secret Service
        // backend reports a missing D-Bus session or keyring daemon. For the user all of them mean
        // the same: there is no keychain to use.
        return CredentialError(CredentialError::Code::Unavailable, job.errorString());
    }
}

template <typename Job>
Job* makeJob(const QString& key, QObject* parent)
{
    auto* job = new Job(QString(CredentialStore::serviceName), parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

void logFailure(const char* what, const CredentialError& error)
{
    if (error.code() != CredentialError::Code::NotFound)
        qCWarning(lcAuth) << "keychain" << what << "failed:" << error.detail();
}

} // namespace

KeychainCredentialStore::KeychainCredentialStore(QObject* parent) : CredentialStore(parent) {}

KeychainCredentialStore::~KeychainCredentialStore() = default;

void KeychainCredentialStore::read(const QString& key, QObject* context, std::function<void(const ReadResult&)> done)
{
    Q_ASSERT(context);
    auto* job = makeJob<QKeychain::ReadPasswordJob>(key, this);
    connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        if (job->error() != QKeychain::NoError) {
            const CredentialError error = toCredentialError(*job);
            logFailure("read", error);
            done(Unexpected{error});
            return;
        }
        done(job->textData());
    });
    job->start();
}

void KeychainCredentialStore::write(const QString& key,
                                    const QString& secret,
                                    QObject* context,
                                    std::function<void(const WriteResult&)> done)
{
    Q_ASSERT(context);
    auto* job = makeJob<QKeychain::WritePasswordJob>(key, this);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        if (job->error() != QKeychain::NoError) {
            const CredentialError error = toCredentialError(*job);
            logFailure("write", error);
            done(Unexpected{error});
            return;
        }
        done({});
    });
    job->start();
}

void KeychainCredentialStore::remove(const QString& key, QObject* context, std::function<void(const WriteResult&)> done)
{
    Q_ASSERT(context);
    auto* job = makeJob<QKeychain::DeletePasswordJob>(key, this);
    connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
            const CredentialError error = toCredentialError(*job);
            logFailure("delete", error);
            done(Unexpected{error});
            return;
        }
        done({});
    });
    job->start();
}

} // namespace vigil
