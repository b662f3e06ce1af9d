#pragma once

#include <QWidget>

class QLabel;

namespace vigil {

// A message inside a page or form (not a dialog): an icon that says what kind it is, and the
// text. Hidden while empty. Errors are never shown by colour alone.
class InlineMessage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InlineMessage)

public:
    enum class Kind
    {
        Error,
        Warning,
        Info,
    };

    explicit InlineMessage(QWidget* parent = nullptr);
    ~InlineMessage() override;

    void showMessage(Kind kind, const QString& text);
    void clear();
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel* m_icon;
    QLabel* m_text;
    Kind m_kind = Kind::Info;
};

} // namespace vigil
