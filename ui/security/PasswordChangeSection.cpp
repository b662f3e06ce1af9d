#include "PasswordChangeSection.h"

#include "core/flows/SignOutResultsModel.h"
#include "core/security/PasswordChangeFlow.h"
#include "ui/signout/SignOutResultsDisplayModel.h"
#include "ui/widgets/AccessibleViewGuard.h"
#include "ui/widgets/InlineMessage.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace vigil {

using Field = PasswordChangeFlow::Field;
using State = PasswordChangeFlow::State;

namespace {

QLineEdit* passwordField(const QString& name, QWidget* parent)
{
    auto* field = new QLineEdit(parent);
    field->setEchoMode(QLineEdit::Password);
    field->setAccessibleName(name);
    field->setMaxLength(1024); // longer than allowed, so "too long" is said instead of cutting
    field->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    return field;
}

QLabel* fieldError(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // may quote the service's message
    label->setWordWrap(true);
    label->setAccessibleName(name);
    label->setVisible(false);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    label->setPalette(palette);
    return label;
}

void showError(QLabel* label, const QString& text)
{
    // An icon-like prefix, so the error is not told by colour alone.
    label->setText(text.isEmpty() ? QString() : QStringLiteral("✕ ") + text);
    label->setAccessibleDescription(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

PasswordChangeSection::PasswordChangeSection(PasswordChangeFlow* flow, QWidget* parent)
    : QGroupBox(tr("Change Password"), parent), m_flow(flow)
{
    setAccessibleName(tr("Change password"));
    m_current = passwordField(tr("Current password"), this);
    m_currentError = fieldError(tr("Current password problem"), this);
    m_new = passwordField(tr("New password"), this);
    m_new->setAccessibleDescription(
        tr("%1 to %2 characters").arg(PasswordStrength::minLength).arg(PasswordStrength::maxLength));
    m_meter = new QProgressBar(this);
    m_meter->setRange(0, 4);
    m_meter->setValue(0);
    m_meter->setTextVisible(false);
    m_meter->setMaximumHeight(8);
    m_meter->setAccessibleName(tr("Password strength"));
    m_strength = new QLabel(this);
    m_strength->setWordWrap(true);
    m_strength->setAccessibleName(tr("Password strength advice"));
    m_newError = fieldError(tr("New password problem"), this);
    m_confirm = passwordField(tr("Confirm new password"), this);
    m_confirmError = fieldError(tr("Confirmation problem"), this);

    m_signOut = new QCheckBox(tr("Sign out all devices"), this);
    m_signOut->setAccessibleName(tr("Sign out all devices"));
    m_signOut->setChecked(true);
    m_all = new QRadioButton(tr("Every device, this one included"), this);
    m_all->setAccessibleName(tr("Every device, this one included"));
    m_others = new QRadioButton(tr("All except this one"), this);
    m_others->setAccessibleName(tr("All except this one"));
    m_all->setChecked(true);
    auto* group = new QButtonGroup(this);
    group->addButton(m_all);
    group->addButton(m_others);
    auto* hint = new QLabel(tr("Anyone using a signed-out device needs the new password to sign in again."), this);
    hint->setWordWrap(true);

    m_message = new InlineMessage(this);
    m_message->setAccessibleName(tr("Password change problem"));
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->setAccessibleName(tr("Working"));
    m_busy->setVisible(false);
    m_change = new QPushButton(tr("Change Password"), this);
    m_change->setAccessibleName(tr("Change Password"));
    m_change->setEnabled(false);

    m_resultsSummary = new QLabel(this);
    m_resultsSummary->setWordWrap(true);
    m_resultsSummary->setAccessibleName(tr("Password change result"));
    m_resultsSummary->setVisible(false);
    m_results = new QListView(this);
    m_results->setAccessibleName(tr("Signed-out devices"));
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setMaximumHeight(160);
    m_results->setVisible(false);
    auto* display = new SignOutResultsDisplayModel(this);
    display->setSourceModel(m_flow->results());
    AccessibleViewGuard::setModel(m_results, display);

    auto* form = new QFormLayout;
    form->addRow(tr("Current password:"), m_current);
    form->addRow(QString(), m_currentError);
    form->addRow(tr("New password:"), m_new);
    form->addRow(QString(), m_meter);
    form->addRow(QString(), m_strength);
    form->addRow(QString(), m_newError);
    form->addRow(tr("Confirm new password:"), m_confirm);
    form->addRow(QString(), m_confirmError);
    auto* choices = new QVBoxLayout;
    choices->setContentsMargins(24, 0, 0, 0);
    choices->addWidget(m_all);
    choices->addWidget(m_others);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_change);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_signOut);
    layout->addLayout(choices);
    layout->addWidget(hint);
    layout->addWidget(m_message);
    layout->addWidget(m_busy);
    layout->addLayout(buttons);
    layout->addWidget(m_resultsSummary);
    layout->addWidget(m_results);

    setTabOrder(m_current, m_new);
    setTabOrder(m_new, m_confirm);
    setTabOrder(m_confirm, m_signOut);
    setTabOrder(m_signOut, m_all);
    setTabOrder(m_all, m_others);
    setTabOrder(m_others, m_change);

    connect(m_new, &QLineEdit::textChanged, this, &PasswordChangeSection::updateStrength);
    for (QLineEdit* field : {m_current, m_new, m_confirm}) {
        connect(field, &QLineEdit::textChanged, this, &PasswordChangeSection::updateButton);
        connect(field, &QLineEdit::returnPressed, this, &PasswordChangeSection::submit);
    }
    connect(m_current, &QLineEdit::textEdited, this, [this] { showError(m_currentError, {}); });
    connect(m_confirm, &QLineEdit::textEdited, this, [this] { showError(m_confirmError, {}); });
    connect(m_signOut, &QCheckBox::toggled, this, [this](bool on) {
        m_all->setEnabled(on);
        m_others->setEnabled(on);
    });
    connect(m_change, &QPushButton::clicked, this, &PasswordChangeSection::submit);
    connect(m_flow, &PasswordChangeFlow::stateChanged, this, &PasswordChangeSection::refresh);
    connect(m_flow, &PasswordChangeFlow::problemChanged, this, &PasswordChangeSection::refresh);
    updateStrength();
    refresh();
}

PasswordChangeSection::~PasswordChangeSection() = default;

void PasswordChangeSection::setUserWords(const QStringList& words)
{
    m_userWords = words;
    updateStrength();
}

void PasswordChangeSection::updateStrength()
{
    const QString password = m_new->text();
    if (password.isEmpty()) {
        m_meter->setValue(0);
        m_strength->setText(tr("Use at least %1 characters; a few unrelated words make a strong password.")
                                .arg(PasswordStrength::minLength));
        showError(m_newError, {});
        return;
    }
    const PasswordAssessment assessment = m_strengthRules.assess(password, m_userWords);
    m_meter->setValue(assessment.score);
    m_meter->setAccessibleDescription(assessment.label);
    const QString text =
        assessment.feedback.isEmpty() ? assessment.label : tr("%1. %2").arg(assessment.label, assessment.feedback);
    m_strength->setText(text);
    m_strength->setAccessibleDescription(text);
    // Early warnings only: the service decides.
    if (assessment.blocked)
        showError(m_newError, tr("This password is on the list of common passwords; the service will refuse it."));
    else if (assessment.tooLong)
        showError(m_newError, tr("At most %n characters.", nullptr, PasswordStrength::maxLength));
    else
        showError(m_newError, {});
}

void PasswordChangeSection::updateButton()
{
    const bool filled = !m_current->text().isEmpty() && !m_new->text().isEmpty() && !m_confirm->text().isEmpty();
    m_change->setEnabled(filled && !m_flow->isBusy());
}

void PasswordChangeSection::submit()
{
    if (!m_change->isEnabled())
        return;
    PasswordChangeFlow::SignOut signOut = PasswordChangeFlow::SignOut::None;
    if (m_signOut->isChecked())
        signOut = m_others->isChecked() ? PasswordChangeFlow::SignOut::Others : PasswordChangeFlow::SignOut::All;
    m_flow->submit(m_current->text(), m_new->text(), m_confirm->text(), signOut);
}

void PasswordChangeSection::refresh()
{
    const State state = m_flow->state();
    const bool busy = state == State::Working;
    m_busy->setVisible(busy);
    for (QWidget* widget : std::initializer_list<QWidget*>{m_current, m_new, m_confirm, m_signOut})
        widget->setEnabled(!busy);
    m_all->setEnabled(!busy && m_signOut->isChecked());
    m_others->setEnabled(!busy && m_signOut->isChecked());
    updateButton();

    const PasswordChangeFlow::Problem& problem = m_flow->problem();
    showError(m_currentError, problem.field == Field::Current ? problem.message : QString());
    if (problem.field == Field::New)
        showError(m_newError, problem.message);
    showError(m_confirmError, problem.field == Field::Confirmation ? problem.message : QString());
    if (state == State::Failed && problem.field == Field::None)
        m_message->showMessage(InlineMessage::Kind::Error, problem.message);
    else if (state == State::Done)
        m_message->showMessage(InlineMessage::Kind::Info, tr("Your password was changed."));
    else
        m_message->clear();
    if (state == State::Failed) {
        QLineEdit* focus = problem.field == Field::Current        ? m_current
                           : problem.field == Field::New          ? m_new
                           : problem.field == Field::Confirmation ? m_confirm
                                                                  : nullptr;
        if (focus && isVisible()) {
            focus->setFocus(Qt::OtherFocusReason);
            focus->selectAll();
        }
    }

    if (state == State::Done || state == State::ReturnToSignIn) {
        // The passwords have done their job; nothing else the person chose is cleared.
        m_current->clear();
        m_new->clear();
        m_confirm->clear();
        const SignOutResultsModel* results = m_flow->results();
        const bool any = results->rowCount() > 0;
        m_resultsSummary->setText(any ? tr("Signed out: %1").arg(results->summaryText())
                                      : tr("No devices were signed out."));
        m_resultsSummary->setAccessibleDescription(m_resultsSummary->text());
        m_resultsSummary->setVisible(true);
        m_results->setVisible(any);
    } else if (state == State::Working || state == State::Idle) {
        m_resultsSummary->setVisible(false);
        m_results->setVisible(false);
    }
}

} // namespace vigil
