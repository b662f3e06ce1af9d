#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;

namespace vigil {

class LoadState;
class SupportService;

// The open customer at a glance, read-only and masked as the service sends it
// (`GET /v1/support/accounts/{id}`): name, email, phone, 2-step methods, how many devices and
// profiles, since when.
class SupportOverviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupportOverviewPage)

public:
    explicit SupportOverviewPage(SupportService* support, QWidget* parent = nullptr);
    ~SupportOverviewPage() override;

    // The value shown for a fact, by its label ("Email"); empty when there is no such fact.
    QString fact(const QString& label) const;

private:
    void render();
    void setFact(const QString& label, const QString& value);

    SupportService* m_support;
    LoadState* m_state;
    QFormLayout* m_form;
    QList<QPair<QString, QLabel*>> m_values;
};

} // namespace vigil
