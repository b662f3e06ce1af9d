#include "TvSignInReviewPage.h"

#include "core/profiles/ProfileListModel.h"
#include "core/tv/GuestEnd.h"
#include "ui/tv/GuestEndPicker.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace vigil {
namespace {

QLabel* fact(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // the device's own words, never markup
    label->setAccessibleName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

TvSignInReviewPage::TvSignInReviewPage(QAbstractItemModel* profiles, GuestEndPicker::Clock clock, QWidget* parent)
    : QWidget(parent), m_clock(std::move(clock))
{
    m_icon = new QLabel(this);
    m_name = new QLabel(this);
    m_name->setTextFormat(Qt::PlainText);
    m_name->setAccessibleName(tr("Device asking to sign in"));
    m_name->setWordWrap(true);
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_name->setFont(big);
    auto* heading = new QHBoxLayout;
    heading->addWidget(m_icon);
    heading->addWidget(m_name, 1);

    m_kind = fact(tr("Kind"), this);
    m_app = fact(tr("App"), this);
    m_place = fact(tr("Place"), this);
    m_ip = fact(tr("IP address"), this);
    m_warning = new InlineMessage(this);

    m_profile = new QComboBox(this);
    m_profile->setAccessibleName(tr("Profile"));
    m_profile->setModel(profiles);
    m_guest = new QRadioButton(tr("&Guest until…"), this);
    m_guest->setAccessibleName(tr("Guest until"));
    m_guest->setToolTip(tr("The TV is signed out by itself at the time you choose"));
    m_untilSignedOut = new QRadioButton(tr("&Until I sign it out"), this);
    m_untilSignedOut->setAccessibleName(tr("Until I sign it out"));
    auto* access = new QButtonGroup(this);
    access->addButton(m_guest);
    access->addButton(m_untilSignedOut);
    m_guest->setChecked(true); // a TV in front of you is most often one you will not see again
    m_picker = new GuestEndPicker(m_clock, this);
    m_picker->setContentsMargins(24, 0, 0, 0);
    m_summary = new QLabel(this);
    m_summary->setAccessibleName(tr("When it signs out"));
    m_summary->setWordWrap(true);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(tr("App:"), m_app);
    form->addRow(tr("Place:"), m_place);
    form->addRow(tr("IP address:"), m_ip);
    auto* choice = new QFormLayout;
    choice->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* profileLabel = new QLabel(tr("&Profile:"), this);
    profileLabel->setBuddy(m_profile);
    choice->addRow(profileLabel, m_profile);
    auto* accessBox = new QVBoxLayout;
    accessBox->addWidget(m_guest);
    accessBox->addWidget(m_picker);
    accessBox->addWidget(m_untilSignedOut);
    choice->addRow(tr("Access:"), accessBox);

    m_problem = new InlineMessage(this);
    // No default button here: approving is a decision made with a click or Space, never by a stray
    // Return (the one that looked the code up may still be on its way); Esc cancels.
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_deny = new QPushButton(tr("Deny"), this);
    m_deny->setAccessibleName(tr("Deny"));
    m_deny->setToolTip(tr("Refuse this TV: it can't sign in with this code"));
    m_approve = new QPushButton(tr("Sign In TV"), this);
    m_approve->setAccessibleName(tr("Sign In TV"));
    m_approve->setAutoDefault(false);
    m_deny->setAutoDefault(false);
    m_cancel->setAutoDefault(false);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_deny);
    buttons->addWidget(m_approve);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(heading);
    layout->addLayout(form);
    layout->addWidget(m_warning);
    layout->addSpacing(8);
    layout->addLayout(choice);
    layout->addWidget(m_summary);
    layout->addStretch(1);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);

    connect(m_cancel, &QPushButton::clicked, this, &TvSignInReviewPage::cancelRequested);
    connect(m_deny, &QPushButton::clicked, this, &TvSignInReviewPage::denyRequested);
    connect(m_approve, &QPushButton::clicked, this, &TvSignInReviewPage::approveRequested);
    connect(m_picker, &GuestEndPicker::endChanged, this, [this] {
        m_guest->setChecked(true);
        refresh();
    });
    connect(m_guest, &QRadioButton::toggled, this, &TvSignInReviewPage::refresh);
}

TvSignInReviewPage::~TvSignInReviewPage() = default;

void TvSignInReviewPage::showRequest(const TvRequest& request)
{
    const Device& d = request.device;
    m_type = d.type;
    m_icon->setPixmap(Icons::themed(Device::typeIconName(d.type)).pixmap(28, 28));
    m_name->setText(d.displayName());
    m_kind->setText(Device::typeText(d.type));
    const QString app = d.appText();
    m_app->setText(app.isEmpty() ? tr("Not given") : app);
    m_place->setText(d.locationText());
    m_ip->setText(d.ip.isEmpty() ? tr("Unknown") : d.ip);
    const QString warning = request.placeWarning();
    if (warning.isEmpty())
        m_warning->clear();
    else
        m_warning->showMessage(InlineMessage::Kind::Warning, warning);
    m_problem->clear();
    // Qt 6.4 gives AT-SPI a label's name but not its text: screen readers read it from the description.
    for (QLabel* label : {m_name, m_kind, m_app, m_place, m_ip})
        label->setAccessibleDescription(label->text());
    m_picker->refresh();
    refresh();
}

TvSignInService::Approval TvSignInReviewPage::approval() const
{
    TvSignInService::Approval approval;
    approval.profileId = m_profile->currentData(ProfileListModel::IdRole).toString();
    if (m_guest->isChecked())
        approval.guestUntil = m_picker->end().toUTC();
    return approval;
}

void TvSignInReviewPage::refresh()
{
    m_picker->setEnabled(m_guest->isChecked());
    if (!m_guest->isChecked()) {
        m_summary->setText(tr("Stays signed in until you sign it out on the Devices page."));
        m_summary->setAccessibleDescription(m_summary->text());
        return;
    }
    const QDateTime now = m_clock();
    const QDateTime end = m_picker->end();
    m_summary->setText(
        tr("Signs out by itself %1 (in %2).").arg(GuestEnd::whenText(end, now), GuestEnd::remainingText(end, now)));
    m_summary->setAccessibleDescription(m_summary->text());
}

void TvSignInReviewPage::setBusy(bool busy)
{
    for (QWidget* widget : {static_cast<QWidget*>(m_profile),
                            static_cast<QWidget*>(m_guest),
                            static_cast<QWidget*>(m_untilSignedOut),
                            static_cast<QWidget*>(m_deny),
                            static_cast<QWidget*>(m_approve)})
        widget->setEnabled(!busy);
    m_picker->setEnabled(!busy && m_guest->isChecked());
    m_approve->setText(busy ? tr("Signing In…") : tr("Sign In TV"));
}

void TvSignInReviewPage::showProblem(const QString& text)
{
    if (text.isEmpty())
        m_problem->clear();
    else
        m_problem->showMessage(InlineMessage::Kind::Error, text);
}

} // namespace vigil
