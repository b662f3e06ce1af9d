#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace vigil {

class SignOutResultsModel;

// A strip that keeps a sign-out's results reachable after its dialog was closed: "2 devices
// pending sign-out" with "Show Results…". It shows and hides itself: hidden while nothing is
// pending, so its owner only adds it to a layout.
class PendingSignOutBanner final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PendingSignOutBanner)

public:
    explicit PendingSignOutBanner(SignOutResultsModel* results, QWidget* parent = nullptr);
    ~PendingSignOutBanner() override;

    int pendingCount() const;
    QString text() const;

Q_SIGNALS:
    void resultsRequested();

protected:
    bool event(QEvent* event) override;

private:
    void refresh();

    SignOutResultsModel* m_results;
    QLabel* m_icon;
    QLabel* m_text;
    QPushButton* m_show;
};

} // namespace vigil
