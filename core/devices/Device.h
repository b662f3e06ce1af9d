#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace vigil {

// One device signed in to the account, as the service describes it (see DEVICE_JSON.md).
// A plain value: parsing never fails on anything but a missing id; fields that are missing or
// malformed are recorded in `problems`, and the device shows as "incomplete data" instead.
class Device
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(vigil::Device)

public:
    enum class Type : quint8
    {
        Tv,
        Phone,
        Tablet,
        Computer,
        Console,
        Browser,
        SetTopBox,
        Unknown
    };
    Q_ENUM(Type)

    // Declared in order of "how active", which is also the status column's sort order.
    enum class Status : quint8
    {
        Streaming,
        Paused,
        Idle,
        Offline,
        Unknown
    };
    Q_ENUM(Status)

    struct Location
    {
        QString city;
        QString region;
        QString country;
        QString countryCode; // ISO 3166-1 alpha-2, upper case
        std::optional<double> latitude;
        std::optional<double> longitude;

        bool isKnown() const { return !city.isEmpty() || !country.isEmpty() || !countryCode.isEmpty(); }
        bool operator==(const Location&) const = default;
    };

    QString id;
    QString name;
    Type type = Type::Unknown;
    QString os;
    QString osVersion;
    QString app;
    QString appVersion;
    QString ip;
    Location location;
    QDateTime firstSignIn; // UTC; invalid when unknown
    QDateTime lastActive;  // UTC; invalid when the device was never active
    QString lastProfile;
    Status status = Status::Unknown;
    QString statusProfile; // who is watching, while streaming or paused
    QString statusTitle;   // what is playing, while streaming or paused
    bool isCurrent = false;
    QDateTime autoSignOutAt; // UTC; invalid when automatic sign-out does not apply
    // While the device has a session the service still counts as new (young-session guard): when
    // that ends unless confirmed sooner. UTC; invalid when every session is established.
    QDateTime newUntil;
    QDateTime guestUntil; // UTC; valid only for a guest (`access` "guest"): when its access ends
    // JSON field names that were required but missing, or present with an unusable value.
    QStringList problems;

    bool incomplete() const { return !problems.isEmpty(); }
    // New and not confirmed at `now` (the service's clock): it cannot sign others out yet, and
    // the owner is asked "Was this you?".
    bool isNewAt(const QDateTime& now) const { return newUntil.isValid() && newUntil > now; }
    bool isGuest() const { return guestUntil.isValid(); }
    bool operator==(const Device&) const = default;

    // A full device. Returns nothing only when there is no usable "id"; everything else is
    // tolerated (unknown fields ignored, bad or missing fields listed in `problems`).
    static std::optional<Device> fromJson(const QJsonObject& json);
    // Applies the fields present in `json` (a partial update from an event). Unknown fields are
    // ignored; the id is never changed.
    void mergeJson(const QJsonObject& json);
    QJsonObject toJson() const;

    static Type typeFromString(QStringView text);
    static QString typeToString(Type type);
    static Status statusFromString(QStringView text);
    static QString statusToString(Status status);

    // Human-facing texts (translated) and the icon names the UI maps to its SVGs.
    static QString typeText(Type type);
    static QString statusText(Status status);
    static QString typeIconName(Type type);
    static QString statusIconName(Status status);
    QString displayName() const;
    // "Lisbon, Portugal", "Portugal", or "Unknown location".
    QString locationText() const;
    // The most precise place name: city, else region, else country, else "Unknown location".
    QString placeText() const;
    QString osText() const;
    QString appText() const;
    // "Will be signed out in 12 days" when the account's auto sign-out comes within
    // autoSignOutWarningDays of `now`; empty otherwise.
    QString autoSignOutText(const QDateTime& now) const;
    static constexpr int autoSignOutWarningDays = 14;
    // The profile to show: the one watching now, else the one used last.
    const QString& shownProfile() const;
};

// The result of reading a device list: the devices, and the entries that had to be skipped.
struct DeviceListParse
{
    enum class SkipReason : quint8
    {
        NotAnObject,
        MissingId,
        DuplicateId
    };
    struct Skipped
    {
        qsizetype index;
        SkipReason reason;
    };

    QList<Device> devices;
    QList<Skipped> skipped;

    static DeviceListParse fromJson(const QJsonArray& array);
};

} // namespace vigil

Q_DECLARE_METATYPE(vigil::Device)
