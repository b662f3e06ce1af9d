#include "SupportWindow.h"

#include "core/activity/ActivityService.h"
#include "core/auth/Session.h"
#include "core/auth/SignInFlow.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "core/flows/SignOutFlow.h"
#include "core/support/SupportConsole.h"
#include "core/support/SupportService.h"
#include "ui/devices/SignOutActions.h"
#include "ui/pages/ActivityFilterBar.h"
#include "ui/pages/ActivityPage.h"
#include "ui/pages/DevicesPage.h"
#include "ui/signout/SignOutDialog.h" // SignOutDialogLauncher keeps a QPointer to it
#include "ui/signout/SignOutDialogLauncher.h"
#include "ui/support/SupportCodeDialog.h"
#include "ui/support/SupportHeaderBar.h"
#include "ui/support/SupportOverviewPage.h"
#include "ui/support/SupportReasonDialog.h"
#include "ui/support/SupportSearchPanel.h"
#include "ui/widgets/InlineMessage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil {

SupportWindow::SupportWindow(const Parts& parts, QWidget* parent)
    : QMainWindow(parent), m_parts(parts), m_header(nullptr), m_search(nullptr)
{
    setWindowTitle(tr("Vigil — Support Mode"));
    resize(1180, 760);
    auto* central = new QWidget(this);
    m_header = new SupportHeaderBar(central);
    m_search = new SupportSearchPanel(m_parts.console->support(), central);
    auto* signOutOfVigil = new QPushButton(tr("Sign Out of Vigil"), central);
    signOutOfVigil->setAccessibleName(tr("Sign Out of Vigil"));
    auto* left = new QWidget(central);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search, 1);
    leftLayout->addWidget(signOutOfVigil, 0, Qt::AlignLeft);

    auto* splitter = new QSplitter(Qt::Horizontal, central);
    splitter->addWidget(left);
    splitter->addWidget(buildCustomerArea());
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({320, 860});

    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    if (m_parts.session)
        m_header->setStaffName(m_parts.session->account().displayName);
    if (m_parts.session) {
        connect(m_parts.session, &Session::signedIn, this, [this] {
            m_header->setStaffName(m_parts.session->account().displayName);
        });
    }
    if (m_parts.signIn)
        connect(signOutOfVigil, &QPushButton::clicked, m_parts.signIn, &SignInFlow::signOut);
    else
        signOutOfVigil->hide();

    connect(m_search, &SupportSearchPanel::searchRequested, this, &SupportWindow::searchFor);
    connect(m_search, &SupportSearchPanel::customerChosen, this, &SupportWindow::choose);
    connect(m_parts.console->support(), &SupportService::customerChanged, this, &SupportWindow::render);
    render();
}

SupportWindow::~SupportWindow() = default;

SupportReasonDialog* SupportWindow::reasonDialog() const
{
    return m_reasonDialog;
}

SupportCodeDialog* SupportWindow::codeDialog() const
{
    return m_codeDialog;
}

QWidget* SupportWindow::buildCustomerArea()
{
    auto* none = new QLabel(tr("Search for the customer by the email address or account ID they give you, then open "
                               "their account. You will be asked why; the customer can read your reason."),
                            this);
    none->setWordWrap(true);
    none->setAlignment(Qt::AlignCenter);
    none->setForegroundRole(QPalette::PlaceholderText);

    auto* area = new QWidget(this);
    m_customerTitle = new QLabel(area);
    m_customerTitle->setTextFormat(Qt::PlainText); // the customer's name and email
    QFont big = m_customerTitle->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_customerTitle->setFont(big);
    m_customerTitle->setAccessibleName(tr("Customer"));
    m_reason = new QLabel(area);
    m_reason->setObjectName(QStringLiteral("supportReason"));
    m_reason->setWordWrap(true);
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_codeSignOut = new QPushButton(tr("Sign Out Devices With Customer's Code…"), area);
    m_codeSignOut->setAccessibleName(tr("Sign Out Devices With Customer's Code"));
    m_codeSignOut->setToolTip(tr("Sign out the selected devices, or all of them, with the one-time code the "
                                 "customer created in their Vigil"));
    m_closeCustomer = new QPushButton(tr("Close Customer"), area);
    m_closeCustomer->setAccessibleName(tr("Close Customer"));
    m_signOutMessage = new InlineMessage(area);

    m_overview = new SupportOverviewPage(m_parts.console->support(), area);
    m_devices = DevicesPage::readOnly(m_parts.console->devices(), area);
    m_activity = ActivityPage::readOnly(m_parts.console->activity(), area);
    m_tabs = new QTabWidget(area);
    m_tabs->setAccessibleName(tr("Customer's account"));
    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->addTab(m_devices, tr("Devices"));
    m_tabs->addTab(m_activity, tr("Activity"));

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_customerTitle, 1);
    actions->addWidget(m_codeSignOut);
    actions->addWidget(m_closeCustomer);
    auto* layout = new QVBoxLayout(area);
    layout->addLayout(actions);
    layout->addWidget(m_reason);
    layout->addWidget(m_signOutMessage);
    layout->addWidget(m_tabs, 1);

    connect(m_closeCustomer, &QPushButton::clicked, m_parts.console, &SupportConsole::close);
    if (m_parts.signOut) {
        m_actions = new SignOutActions(m_parts.signOut, m_parts.console->deviceModel(), this);
        m_launcher = new SignOutDialogLauncher(m_parts.signOut, this);
        connect(m_codeSignOut, &QPushButton::clicked, this, &SupportWindow::openCodeDialog);
        connect(m_parts.signOut, &SignOutFlow::stateChanged, this, &SupportWindow::followSignOut);
        connect(m_actions, &SignOutActions::availabilityChanged, this, &SupportWindow::updateCodeSignOut);
    } else {
        m_codeSignOut->hide();
    }

    m_customerStack = new QStackedWidget(this);
    m_customerStack->addWidget(none);
    m_customerStack->addWidget(area);
    return m_customerStack;
}

void SupportWindow::searchFor(const QString& query)
{
    if (!m_lookupReason.isEmpty()) {
        m_parts.console->support()->search(query, m_lookupReason);
        return;
    }
    askReason(tr("search for “%1”").arg(query), [this, query](const QString& reason) {
        m_lookupReason = reason;
        m_parts.console->support()->search(query, reason);
    });
}

void SupportWindow::choose(const SupportCustomer& customer)
{
    const auto& open = m_parts.console->support()->customer();
    if (open && open->id == customer.id) {
        m_tabs->setFocus();
        return;
    }
    if (!m_lookupReason.isEmpty()) {
        openCustomer(customer, std::exchange(m_lookupReason, QString()));
        return;
    }
    askReason(customer.title(), [this, customer](const QString& reason) { openCustomer(customer, reason); });
}

void SupportWindow::askReason(const QString& about, std::function<void(const QString&)> then)
{
    if (m_reasonDialog)
        m_reasonDialog->reject();
    m_reasonDialog = new SupportReasonDialog(about, this);
    m_reasonDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_reasonDialog, &QDialog::accepted, this, [this, then = std::move(then), dialog = m_reasonDialog.data()] {
        then(dialog->reason());
    });
    m_reasonDialog->open();
}

void SupportWindow::openCustomer(const SupportCustomer& customer, const QString& reason)
{
    // A sign-out still being confirmed was for the last customer.
    if (m_parts.signOut)
        m_parts.signOut->cancel();
    m_lastCodeProblem.clear();
    m_signOutMessage->clear();
    m_parts.console->open(customer, reason, m_tabs->currentWidget() == m_activity && m_activity->isVisible());
    m_tabs->setCurrentWidget(m_devices);
}

void SupportWindow::render()
{
    const SupportService* support = m_parts.console->support();
    const auto& customer = support->customer();
    updateCodeSignOut();
    m_header->setViewingCustomer(customer.has_value());
    m_customerStack->setCurrentIndex(customer ? 1 : 0);
    if (!customer) {
        m_customerTitle->clear();
        m_reason->clear();
        m_signOutMessage->clear();
        return;
    }
    m_customerTitle->setText(customer->title());
    m_reason->setText(tr("Reason: %1").arg(support->reason()));
    m_reason->setAccessibleName(m_reason->text());
    // The activity filter of the last customer must not follow into this one; silently, or the
    // page would ask the service at once (and for the last customer, whose source may still be set).
    const QSignalBlocker quiet(m_activity->filterBar());
    m_activity->filterBar()->reset();
}

} // namespace vigil
