#pragma once

#include "ui/main/Section.h"

#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QTableView;

namespace vigil {

class ActivityChart;
class ActivityFilterBar;
class ActivityService;
class InlineMessage;
class LoadState;

// The account's security activity: filters (event, device, period), a chart of sign-ins per day
// by country, the table of entries with "Load More", and "Export CSV…". Loads when first shown.
class ActivityPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityPage)

public:
    // Asks where to save the export; an empty answer cancels. Tests inject one instead of the dialog.
    using SavePathProvider = std::function<QString(const QString& suggestedPath)>;

    // `activity` may be null: the page then only says that it needs a sign-in.
    explicit ActivityPage(ActivityService* activity, QWidget* parent = nullptr);
    // Someone else's activity (support mode): said so in the header, and built without "Export
    // CSV…" (the customer's data stays in the service).
    static ActivityPage* readOnly(ActivityService* activity, QWidget* parent = nullptr);
    ~ActivityPage() override;

    void setSavePathProvider(SavePathProvider provider) { m_savePath = std::move(provider); }
    bool isReadOnly() const { return m_readOnly; }
    QPushButton* exportButton() const { return m_export; } // null when read-only
    ActivityFilterBar* filterBar() const { return m_filters; }
    ActivityChart* chart() const { return m_chart; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    ActivityPage(ActivityService* activity, bool readOnly, QWidget* parent);
    void render();
    void modelChanged();
    void exportCsv();

    ActivityService* m_activity;
    ActivityFilterBar* m_filters;
    ActivityChart* m_chart;
    QTableView* m_table;
    LoadState* m_state;
    InlineMessage* m_message;
    QLabel* m_empty;
    QPushButton* m_showAll;
    QPushButton* m_loadMore;
    QPushButton* m_export = nullptr;
    QLabel* m_count;
    SavePathProvider m_savePath;
    bool m_readOnly;
};

} // namespace vigil
