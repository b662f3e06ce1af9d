#pragma once

#include "core/tv/TvRequest.h"
#include "core/tv/TvSignInService.h"
#include "ui/tv/GuestEndPicker.h"

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;

namespace vigil {

class InlineMessage;

// The waiting device, and the decision: what asks (kind, name, app, place, address), a warning
// when it is far away, which profile it gets and for how long — "Guest until …" or "Until I sign it
// out" — then Sign In TV or Deny.
class TvSignInReviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TvSignInReviewPage)

public:
    // `profiles`: the account's profiles (ProfileListModel: DisplayRole the name, IdRole the id).
    TvSignInReviewPage(QAbstractItemModel* profiles, GuestEndPicker::Clock clock, QWidget* parent = nullptr);
    ~TvSignInReviewPage() override;

    void showRequest(const TvRequest& request);
    // The choice as the service takes it; an invalid guestUntil means "until signed out".
    TvSignInService::Approval approval() const;
    // "Signs out by itself tomorrow 03:00 (in 5 h 12 min)."; re-reads the clock.
    void refresh();
    void setBusy(bool busy);
    void showProblem(const QString& text);

    InlineMessage* warning() const { return m_warning; }
    QComboBox* profileBox() const { return m_profile; }
    QRadioButton* guestButton() const { return m_guest; }
    QRadioButton* untilSignedOutButton() const { return m_untilSignedOut; }
    GuestEndPicker* endPicker() const { return m_picker; }
    QLabel* summary() const { return m_summary; }
    QPushButton* approveButton() const { return m_approve; }
    QPushButton* denyButton() const { return m_deny; }
    QPushButton* cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void approveRequested();
    void denyRequested();
    void cancelRequested();

private:
    GuestEndPicker::Clock m_clock;
    QLabel* m_icon;
    QLabel* m_name;
    QLabel* m_kind;
    QLabel* m_app;
    QLabel* m_place;
    QLabel* m_ip;
    InlineMessage* m_warning;
    QComboBox* m_profile;
    QRadioButton* m_guest;
    QRadioButton* m_untilSignedOut;
    GuestEndPicker* m_picker;
    QLabel* m_summary;
    InlineMessage* m_problem;
    QPushButton* m_cancel;
    QPushButton* m_deny;
    QPushButton* m_approve;
    Device::Type m_type = Device::Type::Tv;
};

} // namespace vigil
