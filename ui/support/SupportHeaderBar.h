#pragma once

#include <QWidget>

class QLabel;

namespace vigil {

// The strip across the top of the support window, always visible, so staff never forget that they
// look at someone else's account: "Support mode · signed in as Ada (Support) · you are viewing a
// customer's account". Coloured from the palette's highlight pair, which every palette (dark and
// high-contrast included) keeps readable, and re-coloured when the palette changes.
class SupportHeaderBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupportHeaderBar)

public:
    explicit SupportHeaderBar(QWidget* parent = nullptr);
    ~SupportHeaderBar() override;

    void setStaffName(const QString& name);
    // Whether a customer is open (the text says so).
    void setViewingCustomer(bool viewing);
    QString text() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    void recolour();

    QLabel* m_icon;
    QLabel* m_text;
    QString m_staffName;
    bool m_viewing = false;
    bool m_recolouring = false;
};

} // namespace vigil
