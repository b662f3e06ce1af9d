#pragma once

#include "core/api/ApiError.h"
#include "core/util/Expected.h"

#include <QDateTime>
#include <QObject>
#include <functional>

namespace vigil {

class ApiClient;
class StepUpService;

// A one-time code the holder reads to support staff (POST /v1/account/support-codes). Shown once;
// never logged.
struct SupportCode
{
    QString code;        // "7KQ2-M9XF"
    QDateTime expiresAt; // by the step-up service's clock (expires_in from the answer)

    // "7KQ2-M9XF" for an 8-character code without its dash.
    static QString formatted(const QString& code);
};

// Creates support codes, no widgets. Needs a valid step-up token (StepUpService); without one the
// callback gets StepUpRequired at once.
class SupportCodeService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupportCodeService)

public:
    using Callback = std::function<void(const Expected<SupportCode, ApiError>&)>;

    SupportCodeService(ApiClient* api, StepUpService* stepUp, QObject* parent = nullptr);
    ~SupportCodeService() override;

    QDateTime now() const;
    // The callback runs once, unless `context` is gone by then.
    void create(QObject* context, Callback done);

private:
    ApiClient* m_api;
    StepUpService* m_stepUp;
};

} // namespace vigil
