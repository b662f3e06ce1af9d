#include "store/ShortLivedTables.h"

namespace mockd::ShortLivedTables {

QStringList migration()
{
    return {
        QStringLiteral("CREATE TABLE step_up_challenges ("
                       " sequence INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " id_hash BLOB NOT NULL UNIQUE,"
                       " account_id TEXT,"
                       " session_id TEXT,"
                       " method TEXT,"
                       " destination TEXT,"
                       " purpose TEXT,"
                       " key_challenge TEXT,"
                       " code_salt BLOB,"
                       " code_hash BLOB,"
                       " expires_at INTEGER NOT NULL,"
                       " last_sent_at INTEGER NOT NULL DEFAULT 0,"
                       " failed_attempts INTEGER NOT NULL DEFAULT 0,"
                       " locked INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX step_up_challenges_session ON step_up_challenges(session_id)"),
        QStringLiteral("CREATE INDEX step_up_challenges_account ON step_up_challenges(account_id)"),
        QStringLiteral("CREATE TABLE step_up_grants ("
                       " hash BLOB PRIMARY KEY,"
                       " account_id TEXT,"
                       " session_id TEXT,"
                       " method TEXT,"
                       " expires_at INTEGER NOT NULL) WITHOUT ROWID"),
        // Rate-limit logs: kind 'send' per account, 'start' per session.
        QStringLiteral("CREATE TABLE step_up_log ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " kind TEXT NOT NULL,"
                       " owner TEXT,"
                       " at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX step_up_log_owner ON step_up_log(kind, owner, at)"),
        QStringLiteral("CREATE TABLE outbox ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " to_address TEXT,"
                       " channel TEXT,"
                       " code TEXT,"
                       " purpose TEXT,"
                       " subject TEXT,"
                       " text TEXT,"
                       " sent_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE mfa_challenges ("
                       " token_hash BLOB PRIMARY KEY,"
                       " account_id TEXT,"
                       " email TEXT,"
                       " device TEXT,"
                       " requested_device TEXT,"
                       " ip TEXT,"
                       " device_cookie_hash BLOB,"
                       " methods TEXT,"
                       " expires_at INTEGER NOT NULL,"
                       " failed_attempts INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE two_step_enrolments ("
                       " id TEXT PRIMARY KEY,"
                       " account_id TEXT,"
                       " session_id TEXT,"
                       " secret TEXT,"
                       " expires_at INTEGER NOT NULL,"
                       " failed_attempts INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE key_registrations ("
                       " sequence INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " id TEXT NOT NULL UNIQUE,"
                       " account_id TEXT,"
                       " session_id TEXT,"
                       " challenge TEXT,"
                       " expires_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX key_registrations_session ON key_registrations(session_id)"),
        QStringLiteral("CREATE TABLE refresh_retries ("
                       " used_hash BLOB PRIMARY KEY,"
                       " next_hash BLOB NOT NULL,"
                       " ip TEXT,"
                       " at INTEGER NOT NULL,"
                       " sealed_body BLOB NOT NULL) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX refresh_retries_at ON refresh_retries(at)"),
    };
}

const QList<const char*>& tables()
{
    static const QList<const char*> names{"step_up_challenges",
                                          "step_up_grants",
                                          "step_up_log",
                                          "outbox",
                                          "mfa_challenges",
                                          "two_step_enrolments",
                                          "key_registrations",
                                          "refresh_retries"};
    return names;
}

} // namespace mockd::ShortLivedTables
