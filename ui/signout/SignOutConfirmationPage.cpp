#include "SignOutConfirmationPage.h"

#include "SignOutStyle.h"
#include "core/flows/SignOutFlow.h"
#include "ui/widgets/Icons.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {
namespace {

// The confirmation names up to this many devices, then "and 4 more".
constexpr int maxListed = 5;

} // namespace

SignOutConfirmationPage::SignOutConfirmationPage(SignOutFlow* flow, QWidget* parent)
    : QWidget(parent), m_flow(flow), m_title(SignOutStyle::heading({}, this)), m_lead(SignOutStyle::sentence({}, this)),
      m_devices(SignOutStyle::sentence({}, this)), m_consequences(SignOutStyle::sentence({}, this)),
      m_kept(SignOutStyle::sentence({}, this)), m_thisDevice(SignOutStyle::sentence({}, this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_signOut(new QPushButton(this))
{
    m_title->setAccessibleName(tr("Sign-out question"));
    m_lead->setAccessibleName(tr("What will be signed out"));
    m_devices->setAccessibleName(tr("Devices to sign out"));
    m_devices->setIndent(12);
    m_consequences->setAccessibleName(tr("What signing out means"));
    m_kept->setAccessibleName(tr("What is kept"));
    m_thisDevice->setAccessibleName(tr("This device"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_cancel->setDefault(true);
    m_signOut->setAccessibleDescription(tr("Signs the listed devices out now"));
    SignOutStyle::makeDestructive(m_signOut);

    auto* icon = new QLabel(this);
    icon->setPixmap(Icons::themed(QStringLiteral("shield-alert")).pixmap(32, 32));
    icon->setAccessibleName(tr("Warning"));
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(icon, 0, Qt::AlignTop);
    titleRow->addWidget(m_title, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_signOut);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(titleRow);
    layout->addSpacing(4);
    layout->addWidget(m_lead);
    layout->addWidget(m_devices);
    layout->addSpacing(4);
    layout->addWidget(m_consequences);
    layout->addWidget(m_kept);
    layout->addWidget(m_thisDevice);
    layout->addStretch(1);
    layout->addLayout(buttons);

    setTabOrder(m_cancel, m_signOut);
    connect(m_cancel, &QPushButton::clicked, this, &SignOutConfirmationPage::cancelRequested);
    connect(m_signOut, &QPushButton::clicked, m_flow, &SignOutFlow::confirm);
    refresh();
}

SignOutConfirmationPage::~SignOutConfirmationPage() = default;

void SignOutConfirmationPage::refresh()
{
    using Kind = SignOutFlow::Scope::Kind;
    const SignOutFlow::Scope& scope = m_flow->scope();
    const QList<SignOutFlow::Target>& devices = scope.devices;
    const int count = int(devices.size());

    switch (scope.kind) {
    case Kind::Devices:
        if (count == 1) {
            m_title->setText(tr("Sign Out %1?").arg(devices.first().name));
            m_signOut->setText(tr("Sign Out"));
        } else {
            m_title->setText(tr("Sign Out of %n Device(s)?", nullptr, count));
            m_signOut->setText(tr("Sign Out of %n Device(s)", nullptr, count));
        }
        m_lead->setText(scope.profile.isEmpty()
                            ? tr("Vigil will sign out %n device(s):", nullptr, count)
                            : tr("Vigil will sign out the %n device(s) last used with %1's profile:", nullptr, count)
                                  .arg(scope.profile));
        m_consequences->setText(count == 1 ? tr("Anyone using it will need your password to sign in again. If it is "
                                                "offline, it is signed out when it next connects.")
                                           : tr("Anyone using them will need your password to sign in again. Devices "
                                                "that are offline are signed out when they next connect."));
        break;
    case Kind::Others:
        m_title->setText(tr("Sign Out of All Other Devices?"));
        m_signOut->setText(tr("Sign Out of All Other Devices"));
        m_lead->setText(count > 0
                            ? tr("Vigil will sign out every device except this one (%n device(s)):", nullptr, count)
                            : tr("Vigil will sign out every device except this one."));
        break;
    case Kind::All:
        m_title->setText(tr("Sign Out of All Devices?"));
        m_signOut->setText(tr("Sign Out of All Devices"));
        m_lead->setText(count > 0
                            ? tr("Vigil will sign out every device, including this one (%n device(s)):", nullptr, count)
                            : tr("Vigil will sign out every device, including this one."));
        break;
    }
    if (scope.kind != Kind::Devices) {
        m_consequences->setText(tr("Anyone using them will need your password to sign in again. Devices that are "
                                   "offline are signed out when they next connect."));
    }

    QStringList lines;
    for (int i = 0; i < count && i < maxListed; ++i) {
        const SignOutFlow::Target& target = devices.at(i);
        const QString name = target.name.isEmpty() ? target.deviceId : target.name;
        QString line = target.place.isEmpty() ? tr("• %1").arg(name) : tr("• %1 — %2").arg(name, target.place);
        if (target.isThisDevice)
            line = tr("%1 (this device)").arg(line);
        lines.append(line);
    }
    if (count > maxListed)
        lines.append(tr("and %n more", nullptr, count - maxListed));
    m_devices->setText(lines.join(QLatin1Char('\n')));
    m_devices->setVisible(!lines.isEmpty());

    m_kept->setText(tr("Profiles, viewing history and preferences are kept."));
    if (m_flow->includesThisDevice()) {
        m_thisDevice->setText(tr("This device is included: Vigil will sign you out too and you'll need to sign in "
                                 "again."));
        QFont bold = font();
        bold.setBold(true);
        m_thisDevice->setFont(bold);
    } else {
        m_thisDevice->setText(tr("This device is not included: it stays signed in."));
        m_thisDevice->setFont(font());
    }
    m_signOut->setAccessibleName(m_signOut->text());
    // Qt 6.4 gives AT-SPI a label's name but not its text: screen readers (and the end-to-end
    // test) read the sentence from the description.
    for (QLabel* label : {m_title, m_lead, m_devices, m_consequences, m_kept, m_thisDevice})
        label->setAccessibleDescription(label->text());
}

QString SignOutConfirmationPage::title() const
{
    return m_title->text();
}

QString SignOutConfirmationPage::text() const
{
    QStringList parts{m_title->text(), m_lead->text()};
    if (!m_devices->isHidden())
        parts.append(m_devices->text());
    parts << m_consequences->text() << m_kept->text() << m_thisDevice->text();
    return parts.join(QLatin1Char('\n'));
}

void SignOutConfirmationPage::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT cancelRequested();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace vigil
