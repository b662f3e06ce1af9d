#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace vigil {

class SignOutFlow;
class SignOutResultsDisplayModel;

// The truth, device by device: one row per device with its live state (signed out, pending until
// it reconnects, failed with the reason), the summary line, "Retry Failed" and "Done". Rows change
// in place as `signout.progress` events arrive; focus and selection never move.
class SignOutResultsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignOutResultsView)

public:
    explicit SignOutResultsView(SignOutFlow* flow, QWidget* parent = nullptr);
    ~SignOutResultsView() override;

    QListView* list() const { return m_list; }
    QString summaryText() const;
    QPushButton* retryFailedButton() const { return m_retryFailed; }
    QPushButton* doneButton() const { return m_done; }

Q_SIGNALS:
    // Done, or Esc.
    void doneRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void refresh();

    SignOutFlow* m_flow;
    SignOutResultsDisplayModel* m_display;
    QLabel* m_title;
    QLabel* m_summary;
    QListView* m_list;
    QLabel* m_note;
    QPushButton* m_retryFailed;
    QPushButton* m_done;
};

} // namespace vigil
