#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <functional>

namespace mockd {

class Store;

// A fresh set of ten recovery codes: the codes in clear (shown once) and their argon2id hashes.
struct RecoveryCodeSet
{
    QStringList codes;
    QByteArray salt;
    QList<QByteArray> hashes;

    bool isEmpty() const { return codes.isEmpty(); }
};

// Makes recovery codes. Ten argon2id hashes take a few hundred milliseconds and 19 MiB each, so they
// run on a worker thread: the service keeps answering everyone else meanwhile.
class RecoveryCodeMaker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecoveryCodeMaker)

public:
    static constexpr int count = 10;

    explicit RecoveryCodeMaker(QObject* parent = nullptr);
    ~RecoveryCodeMaker() override;

    // Makes a set on the worker; `done` runs on this object's thread (an empty set when hashing failed).
    void make(std::function<void(const RecoveryCodeSet&)> done);
    // Replaces the account's codes with `set`, inside the caller's transaction; false when the store
    // refused.
    static bool replace(Store& store, const QString& accountId, const RecoveryCodeSet& set);

private:
    static RecoveryCodeSet makeNow();

    QThreadPool m_pool;
};

} // namespace mockd
