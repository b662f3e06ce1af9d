// vigil-screenshots-palettes: every page of Vigil under each look (Palettes.h), offscreen, into
// <out>/<look>-<page>.png. Usage: vigil-screenshots-palettes [OUT] (default docs/screenshots/palettes)
#include "PageTour.h"
#include "Palettes.h"
#include "core/util/EnglishPlurals.h"
#include "ui/widgets/Icons.h"

#include <QApplication>
#include <QDir>
#include <QWidget>
#include <cstdio>

int main(int argc, char* argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Vigil"));
    app.installTranslator(new vigil::EnglishPlurals(&app));
    vigil::Icons::initResources();
    const QStringList arguments = QApplication::arguments();
    const QDir out(arguments.size() > 1 ? arguments.at(1) : QStringLiteral("docs/screenshots/palettes"));
    QDir().mkpath(out.path());
    int failures = 0;
    for (const QString& look : Palettes::names()) {
        Palettes::apply(look);
        vigil::PageTour tour;
        if (const QString error = tour.start(); !error.isEmpty()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(look), qPrintable(error));
            return 1;
        }
        for (const QString& stop : vigil::PageTour::stops()) {
            QWidget* window = tour.show(stop);
            const QString path = out.filePath(look + QLatin1Char('-') + stop + QStringLiteral(".png"));
            if (!window || !window->grab().save(path)) {
                std::fprintf(stderr, "%s: could not show or save %s\n", qPrintable(look), qPrintable(stop));
                ++failures;
                continue;
            }
            std::printf("%s\n", qPrintable(QDir::current().relativeFilePath(path)));
            std::fflush(stdout);
        }
    }
    return failures == 0 ? 0 : 1;
}
