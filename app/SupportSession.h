#pragma once

#include "app/SessionContext.h"

#include <QObject>
#include <memory>

namespace vigil {

class SupportConsole;
class SupportWindow;

// One support staff member's sign-in: the support console (search, the open customer's devices and
// activity), support mode's own sign-out of a customer's devices, and the support window. Built when
// a support account signs in and deleted when it signs out, so the next staff member starts afresh.
class SupportSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupportSession)

public:
    explicit SupportSession(const SessionContext& context, QObject* parent = nullptr);
    ~SupportSession() override;

    SupportWindow* window() const;
    SupportConsole* console() const;

private:
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace vigil
