#pragma once

#include "core/security/SupportCodeService.h"

#include <QDialog>
#include <QTimer>
#include <functional>

class QLabel;

namespace vigil {

// A support code, shown once: large and selectable, with its countdown ("Valid for 9:41") and
// what it allows. Closing it forgets the code.
class HolderSupportCodeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HolderSupportCodeDialog)

public:
    using Clock = std::function<QDateTime()>;

    HolderSupportCodeDialog(const SupportCode& code, Clock clock, QWidget* parent = nullptr);
    ~HolderSupportCodeDialog() override;

    QLabel* codeLabel() const { return m_code; }
    QLabel* validityLabel() const { return m_validity; }
    // Re-reads the clock; runs every second by itself.
    void refreshCountdown();

private:
    SupportCode m_supportCode;
    Clock m_clock;
    QTimer m_ticker;
    QLabel* m_code;
    QLabel* m_validity;
};

} // namespace vigil
