#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace vigil {

class DemoOutbox;

// The demo inbox: the codes the bundled demo service "sent" by email or text message, newest
// first, marked plainly as a demo feature. A window of its own, so it stays usable while a
// verification dialog blocks the main window.
class DemoInboxWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoInboxWindow)

public:
    explicit DemoInboxWindow(DemoOutbox* outbox, QWidget* parent = nullptr);
    ~DemoInboxWindow() override;

    QTreeWidget* messageList() const { return m_list; }
    // Shows the window beside `anchor` (the main window) without taking focus from it.
    void showBeside(const QWidget* anchor);

private:
    void render();
    void copySelectedCode();

    DemoOutbox* m_outbox;
    QLabel* m_state;
    QTreeWidget* m_list;
    QPushButton* m_copy;
};

} // namespace vigil
