#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace vigil {

class EventStream;

// One line above the device table saying whether what it shows is live: "Live",
// "Reconnecting in 4 s…", or "Offline — showing data from 12:04" with Retry.
class ConnectionBanner final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionBanner)

public:
    explicit ConnectionBanner(EventStream* stream, QWidget* parent = nullptr);
    ~ConnectionBanner() override;

    QString text() const;

private:
    void update();

    EventStream* m_stream;
    QLabel* m_icon;
    QLabel* m_text;
    QPushButton* m_retry;
};

} // namespace vigil
