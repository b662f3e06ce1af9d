#pragma once

#include "core/api/ApiError.h"
#include "core/util/Expected.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <functional>
#include <optional>

namespace vigil {

class ApiClient;
class ApiReply;
class StepUpService;

// What GET /v1/account/two-step answers.
struct TwoStepStatus
{
    bool totp = false;
    bool sms = false;
    bool email = false;
    int recoveryCodesLeft = 0;
    QString phoneMasked;

    static Expected<TwoStepStatus, ApiError> fromJson(const QJsonObject& json);
};

// A pending authenticator-app enrolment. `secret` and the URI are secrets: never log them.
struct TotpEnrolment
{
    QString secret; // base32
    QString otpauthUri;
    QString enrolment;

    static Expected<TotpEnrolment, ApiError> fromJson(const QJsonObject& json);
};

// 2-step verification of the account (/v1/account/two-step*), no widgets. Every change needs a
// valid step-up token (StepUpService); without one the callback gets StepUpRequired at once.
class TwoStepService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TwoStepService)

public:
    template <typename T>
    using Callback = std::function<void(const Expected<T, ApiError>&)>;

    TwoStepService(ApiClient* api, StepUpService* stepUp, QObject* parent = nullptr);
    ~TwoStepService() override;

    // The last status read; empty before the first load.
    const std::optional<TwoStepStatus>& status() const { return m_status; }
    bool isLoading() const { return m_loading; }
    std::optional<ApiError> loadError() const { return m_loadError; }
    // The methods a step-up can use with this account (password and email always).
    QStringList stepUpMethods() const;

    void reload();
    // Each callback runs once, unless `context` is gone by then. Successful changes reload().
    void startEnrolment(QObject* context, Callback<TotpEnrolment> done);
    // The 10 recovery codes, shown once.
    void confirmEnrolment(const QString& enrolment, const QString& code, QObject* context, Callback<QStringList> done);
    void disableTotp(QObject* context, Callback<bool> done);
    void regenerateRecoveryCodes(QObject* context, Callback<QStringList> done);
    // Text-message codes on or off (PUT /v1/account/two-step/fallbacks; email codes always stay on).
    void setTextMessageCodes(bool on, QObject* context, Callback<TwoStepStatus> done);

Q_SIGNALS:
    void statusChanged();

private:
    std::optional<QByteArray> token(const std::function<void(const ApiError&)>& refuse) const;
    void onStatus(ApiReply* reply);
    static Expected<QStringList, ApiError> recoveryCodes(const ApiReply* reply);

    ApiClient* m_api;
    StepUpService* m_stepUp;
    std::optional<TwoStepStatus> m_status;
    std::optional<ApiError> m_loadError;
    bool m_loading = false;
};

} // namespace vigil
