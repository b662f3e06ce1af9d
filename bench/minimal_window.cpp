// bench_minimal_window: the floor for bench/app_startup.py — the least a Qt Widgets program does to
// put a window on screen (one label in a plain window, Qt's own style), reporting its first frame
// the same way vigil does (app/FirstPaint). With --hold it stays open until killed, for RSS.
#include "app/FirstPaint.h"

#include <QApplication>
#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    vigil::FirstPaint::reportIfAsked();
    QWidget window;
    window.setWindowTitle(QStringLiteral("Minimal"));
    auto* layout = new QVBoxLayout(&window);
    layout->addWidget(new QLabel(QStringLiteral("A minimal Qt window"), &window));
    window.resize(460, 320);
    window.show();
    return app.exec();
}
