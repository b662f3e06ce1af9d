#pragma once

#include <QWidget>

class QLabel;

namespace vigil {

// The top of every page: its title (repeating the sidebar label) and one line saying what the
// page is for.
class PageHeader final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageHeader)

public:
    explicit PageHeader(const QString& title, const QString& summary = {}, QWidget* parent = nullptr);
    ~PageHeader() override;

    QString title() const;

private:
    QLabel* m_title;
    QLabel* m_summary;
};

} // namespace vigil
