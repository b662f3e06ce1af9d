#include "ConnectionBanner.h"

#include "core/events/EventStream.h"
#include "ui/widgets/Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace vigil {

ConnectionBanner::ConnectionBanner(EventStream* stream, QWidget* parent)
    : QWidget(parent), m_stream(stream), m_icon(new QLabel(this)), m_text(new QLabel(this)),
      m_retry(new QPushButton(tr("Retry"), this))
{
    m_text->setAccessibleName(tr("Connection status"));
    m_retry->setAccessibleName(tr("Retry connection"));
    m_retry->setToolTip(tr("Connect to the account service again now"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_icon);
    layout->addWidget(m_text);
    layout->addWidget(m_retry);
    layout->addStretch(1);
    connect(m_retry, &QPushButton::clicked, m_stream, &EventStream::retryNow);
    connect(m_stream, &EventStream::stateChanged, this, &ConnectionBanner::update);
    connect(m_stream, &EventStream::countdownChanged, this, &ConnectionBanner::update);
    update();
}

ConnectionBanner::~ConnectionBanner() = default;

QString ConnectionBanner::text() const
{
    return m_text->text();
}

void ConnectionBanner::update()
{
    const EventStream::State state = m_stream->state();
    QString icon;
    switch (state) {
    case EventStream::State::Live:
        icon = QStringLiteral("activity");
        break;
    case EventStream::State::Connecting:
    case EventStream::State::Reconnecting:
        icon = QStringLiteral("refresh-cw");
        break;
    case EventStream::State::Offline:
        icon = QStringLiteral("wifi-off");
        break;
    }
    m_icon->setPixmap(Icons::themed(icon).pixmap(16, 16));
    m_text->setText(m_stream->stateText());
    m_text->setAccessibleDescription(m_text->text()); // Qt 6.4 does not expose QLabel text over AT-SPI
    m_retry->setVisible(state == EventStream::State::Offline || state == EventStream::State::Reconnecting);
    m_text->setToolTip(state == EventStream::State::Live ? tr("Changes on your devices show here as they happen.")
                                                         : tr("Changes may not show until Vigil reconnects."));
}

} // namespace vigil
