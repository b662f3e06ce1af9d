#include "ThisDeviceCard.h"

#include "core/devices/Device.h"
#include "ui/widgets/Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace vigil {

ThisDeviceCard::ThisDeviceCard(QWidget* parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_name(new QLabel(this)), m_details(new QLabel(this)),
      m_newNote(new QLabel(this)), m_actions(new QHBoxLayout)
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("This device"));
    auto* caption = new QLabel(tr("This device"), this);
    caption->setForegroundRole(QPalette::PlaceholderText);
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_name->setAccessibleName(tr("This device name"));
    m_details->setAccessibleName(tr("This device details"));
    m_details->setWordWrap(true);
    // Name, OS, app and place come from the service: shown as written, never as markup.
    m_name->setTextFormat(Qt::PlainText);
    m_details->setTextFormat(Qt::PlainText);
    m_newNote->setAccessibleName(tr("This device is new"));
    m_newNote->setWordWrap(true);
    m_newNote->setVisible(false);

    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(caption);
    text->addWidget(m_name);
    text->addWidget(m_details);
    text->addWidget(m_newNote);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    layout->addLayout(m_actions);
    setDevice(nullptr);
}

ThisDeviceCard::~ThisDeviceCard() = default;

void ThisDeviceCard::setDevice(const Device* device, bool isNew)
{
    m_newNote->setVisible(device && isNew);
    if (device && isNew) {
        m_newNote->setText(tr("Signed in recently: until %1 this computer can't sign out your other devices or change "
                              "security settings. To lift this now, confirm it from a device you've signed in on "
                              "before.")
                               .arg(QLocale().toString(device->newUntil.toLocalTime(), QLocale::ShortFormat)));
        m_newNote->setAccessibleDescription(m_newNote->text());
    }
    if (!device) {
        m_icon->setPixmap(Icons::themed(QStringLiteral("laptop")).pixmap(32, 32));
        m_name->setText(tr("This computer"));
        m_details->setText(tr("Vigil, signed in to your account"));
        return;
    }
    m_icon->setPixmap(Icons::themed(Device::typeIconName(device->type)).pixmap(32, 32));
    m_name->setText(device->displayName());
    QStringList parts;
    for (const QString& part : {device->osText(), device->appText(), device->locationText()}) {
        if (!part.isEmpty())
            parts.append(part);
    }
    m_details->setText(parts.join(QStringLiteral(" · ")));
}

} // namespace vigil
