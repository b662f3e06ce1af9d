#pragma once

#include <QDialog>
#include <QStringList>
#include <functional>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace vigil {

class InlineMessage;

// The 10 recovery codes, shown once: "Copy All", "Save to File…" (owner-only permissions) and an
// "I have saved these codes" check box that enables Done. Esc does not dismiss it before that.
class RecoveryCodesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecoveryCodesDialog)

public:
    explicit RecoveryCodesDialog(const QStringList& codes, QWidget* parent = nullptr);
    ~RecoveryCodesDialog() override;

    // Asks where to save (a QFileDialog by default); tests replace it.
    void setFileChooser(std::function<QString()> chooser) { m_chooser = std::move(chooser); }
    // Writes the codes to `path`, readable and writable by the owner only; false with a message on
    // the dialog when it could not.
    bool saveTo(const QString& path);
    QString codesText() const;

    QPushButton* copyButton() const { return m_copy; }
    QPushButton* saveButton() const { return m_save; }
    QCheckBox* savedBox() const { return m_saved; }
    QPushButton* doneButton() const { return m_done; }

public Q_SLOTS:
    void reject() override;

private:
    void save();

    QStringList m_codes;
    std::function<QString()> m_chooser;
    QPlainTextEdit* m_list;
    InlineMessage* m_message;
    QPushButton* m_copy;
    QPushButton* m_save;
    QCheckBox* m_saved;
    QPushButton* m_done;
};

} // namespace vigil
