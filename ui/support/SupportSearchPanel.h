#pragma once

#include "core/support/SupportCustomer.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace vigil {

class InlineMessage;
class SupportService;

// Support mode's left side: the customer search (email address or account ID, at least 3
// characters) and its results — masked email, name, how many devices. It asks, it does not
// decide: searchRequested() and customerChosen() go to the window, which asks for the reason.
class SupportSearchPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupportSearchPanel)

public:
    enum Column
    {
        NameColumn,
        EmailColumn,
        DevicesColumn,
        ColumnCount,
    };

    explicit SupportSearchPanel(SupportService* support, QWidget* parent = nullptr);
    ~SupportSearchPanel() override;

    QLineEdit* queryEdit() const { return m_query; }
    QPushButton* searchButton() const { return m_search; }
    QTreeWidget* results() const { return m_results; }
    InlineMessage* message() const { return m_message; }
    // Checks the query and emits searchRequested() when it can be sent.
    void requestSearch();

Q_SIGNALS:
    void searchRequested(const QString& query);
    void customerChosen(const vigil::SupportCustomer& customer);

private:
    void render();
    void chooseCurrent();

    SupportService* m_support;
    QLineEdit* m_query;
    QPushButton* m_search;
    InlineMessage* m_message;
    QLabel* m_status;
    QTreeWidget* m_results;
};

} // namespace vigil
