#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

class QWidget;

namespace vigil {

// The whole client, composed as the app composes it (app/Composition), in demo mode (bundled
// vigil-mockd, demo account, fake keychain), so each page can be shown with live data: Overview …
// Help, then the sign-out confirmation and its verification step. For palette screenshots and the
// text-fit test.
class PageTour final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageTour)

public:
    explicit PageTour(QObject* parent = nullptr);
    ~PageTour() override;

    // Starts the demo service, signs in and waits for the pages' data. Empty on success, else why not.
    QString start(int timeoutMs = 60000);
    static QStringList stops(); // overview … help, signout-confirmation, verification
    // Shows one stop and returns the window that holds it (main window or sign-out dialog), or nullptr.
    QWidget* show(const QString& stop);

private:
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace vigil
