#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace vigil {

// One entry of `GET /v1/activity`, and the words for it. Texts are made here (translated), from
// the type and its fields; the service's English `detail` is only used for types this version
// does not know.
struct ActivityEntry
{
    Q_DECLARE_TR_FUNCTIONS(vigil::ActivityEntry)

public:
    QString id;
    QDateTime time; // UTC
    QString type;   // sign_in, sign_in_failed, sign_out, revoked, password_changed, …
    QString deviceId;
    QString deviceName;
    QString ip;
    QString city;
    QString country;
    QString countryCode;
    QString detail; // the service's text
    QString method; // password, totp, sms, email, recovery; may be empty
    QString reason; // support_viewed, support_signed_out: the reason support gave
    // From `details` of the support types: who looked, at what ("search", "account", "devices",
    // "history", "activity"), and how many devices a support sign-out covered.
    QString supportName;
    QString viewed;
    int devicesSignedOut = 0;
    // device_approved, guest_changed, guest_ended: the guest's end (UTC; invalid: until signed out).
    QDateTime guestUntil;

    // Nothing when a required field is missing or of the wrong type.
    static std::optional<ActivityEntry> fromJson(const QJsonObject& json);

    // Every type the service sends, in the order the filter offers them.
    static const QStringList& types();
    // "Sign-in", "Failed sign-in", … (translated).
    static QString typeText(const QString& type);

    QString typeText() const { return typeText(type); }
    // What happened, in a sentence: "Support viewed your devices — reason: billing question".
    QString description() const;
    // "Ada (Support) viewed your devices — reason: …" for the support types.
    QString supportDescription() const;
    // The TV sign-in and guest types (device_approved, …); empty for any other type.
    static QString tvTypeText(const QString& type);
    QString tvDescription() const;
    // "Lisbon, Portugal", "Portugal", or "Unknown location".
    QString place() const;
    // The country for the timeline ("Unknown location" when none).
    QString countryOrUnknown() const;
};

} // namespace vigil
