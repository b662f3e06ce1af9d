#include "LoadState.h"

#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

LoadState::LoadState(QWidget* content, QWidget* parent)
    : QStackedWidget(parent), m_content(content), m_loading(new QWidget(this)), m_loadingText(new QLabel(m_loading)),
      m_error(new QWidget(this)), m_errorMessage(new InlineMessage(m_error)),
      m_retry(new QPushButton(Icons::themed(QStringLiteral("refresh-cw")), tr("Retry"), m_error))
{
    auto* progress = new QProgressBar(m_loading);
    progress->setRange(0, 0);
    progress->setTextVisible(false);
    progress->setMaximumWidth(240);
    progress->setMaximumHeight(6);
    progress->setAccessibleName(tr("Loading"));
    auto* loadingLayout = new QVBoxLayout(m_loading);
    loadingLayout->addStretch(1);
    loadingLayout->addWidget(m_loadingText, 0, Qt::AlignHCenter);
    loadingLayout->addWidget(progress, 0, Qt::AlignHCenter);
    loadingLayout->addStretch(2);

    m_retry->setAccessibleName(tr("Retry"));
    auto* errorLayout = new QVBoxLayout(m_error);
    errorLayout->setContentsMargins(0, 0, 0, 0);
    errorLayout->addWidget(m_errorMessage);
    auto* retryRow = new QHBoxLayout;
    retryRow->addWidget(m_retry);
    retryRow->addStretch(1);
    errorLayout->addLayout(retryRow);
    errorLayout->addStretch(1);
    connect(m_retry, &QPushButton::clicked, this, &LoadState::retryRequested);

    addWidget(m_content);
    addWidget(m_loading);
    addWidget(m_error);
}

LoadState::~LoadState() = default;

void LoadState::showLoading(const QString& text)
{
    m_loadingText->setText(text);
    setCurrentWidget(m_loading);
}

void LoadState::showError(const QString& text)
{
    m_errorMessage->showMessage(InlineMessage::Kind::Error, text);
    setCurrentWidget(m_error);
}

void LoadState::showContent()
{
    setCurrentWidget(m_content);
}

} // namespace vigil
