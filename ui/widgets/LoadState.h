#pragma once

#include <QStackedWidget>

class QLabel;
class QPushButton;

namespace vigil {

class InlineMessage;

// Loading, error and content as real screens: one spinner while nothing is there yet, an error
// that says what happened with a Retry, and the page's content otherwise.
class LoadState final : public QStackedWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadState)

public:
    explicit LoadState(QWidget* content, QWidget* parent = nullptr);
    ~LoadState() override;

    void showLoading(const QString& text);
    void showError(const QString& text);
    void showContent();

Q_SIGNALS:
    void retryRequested();

private:
    QWidget* m_content;
    QWidget* m_loading;
    QLabel* m_loadingText;
    QWidget* m_error;
    InlineMessage* m_errorMessage;
    QPushButton* m_retry;
};

} // namespace vigil
