#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace vigil {

// "Why are you opening this account?": the reason support staff give before seeing a customer's
// data. It is sent with every request about that customer and recorded on their account, so it
// must say something (10–500 characters); OK stays disabled until it does, with a live counter.
class SupportReasonDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupportReasonDialog)

public:
    // `customer` names who is about to be opened ("Demo Household (d***@vigil.test)"); may be empty.
    explicit SupportReasonDialog(const QString& customer, QWidget* parent = nullptr);
    ~SupportReasonDialog() override;

    QString reason() const;
    void setReason(const QString& text);
    QPushButton* okButton() const { return m_ok; }
    QPlainTextEdit* editor() const { return m_edit; }
    QLabel* counter() const { return m_counter; }

private:
    void validate();

    QPlainTextEdit* m_edit;
    QLabel* m_counter;
    QLabel* m_hint;
    QDialogButtonBox* m_buttons;
    QPushButton* m_ok;
};

} // namespace vigil
