// Readable for everyone: with a 16 pt font and the high-contrast palette, at the default window size, no
// single-line label or button on any page (or the sign-out confirmation and verification) is cut
// off. The pages run live against the bundled demo service (tools/screenshots-palettes/PageTour.h).
#include "PageTour.h"
#include "Palettes.h"
#include "core/util/EnglishPlurals.h"
#include "ui/widgets/Icons.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <memory>

using namespace vigil;

namespace {

QString describe(const QWidget* widget, const QString& text)
{
    return QStringLiteral("%1 \"%2\" (%3)")
        .arg(QString::fromLatin1(widget->metaObject()->className()), text, widget->accessibleName());
}

// Texts that need more room than their widget has: single-line labels and buttons narrower than
// their text, wrapped labels shorter than their lines; rich-text single-line labels are skipped.
QStringList clipped(QWidget* window)
{
    QStringList found;
    const auto labels = window->findChildren<QLabel*>();
    for (const QLabel* label : labels) {
        QString text = label->text();
        if (!label->isVisible() || text.isEmpty())
            continue;
        // A wrapped label squeezed below the height its lines need loses the last ones.
        if (label->wordWrap()) {
            if (label->heightForWidth(label->width()) > label->height())
                found << describe(label, text);
            continue;
        }
        if (label->buddy()) // "&Show:" draws as "Show:"
            text = text.replace(QStringLiteral("&&"), QStringLiteral("\x01"))
                       .remove(QLatin1Char('&'))
                       .replace(QLatin1Char('\x01'), QLatin1Char('&'));
        if (label->textFormat() == Qt::RichText || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text)) ||
            text.contains(QLatin1Char('\n')))
            continue;
        if (label->fontMetrics().horizontalAdvance(text) > label->contentsRect().width())
            found << describe(label, text);
    }
    const auto buttons = window->findChildren<QPushButton*>();
    for (const QPushButton* button : buttons) {
        if (button->isVisible() && !button->text().isEmpty() && button->sizeHint().width() > button->width())
            found << describe(button, button->text());
    }
    return found;
}

} // namespace

class TestPaletteFit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
        Palettes::apply(QStringLiteral("high-contrast"));
        QFont font = QApplication::font();
        font.setPointSize(Palettes::largePointSize);
        QApplication::setFont(font);
        m_tour = std::make_unique<PageTour>();
        const QString error = m_tour->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase() { m_tour.reset(); }

    void nothingIsCutOff_data()
    {
        QTest::addColumn<QString>("stop");
        for (const QString& stop : PageTour::stops())
            QTest::newRow(qPrintable(stop)) << stop;
    }

    void nothingIsCutOff()
    {
        QFETCH(QString, stop);
        QWidget* window = m_tour->show(stop);
        QVERIFY(window);
        const QStringList cut = clipped(window);
        QVERIFY2(cut.isEmpty(), qPrintable(QStringLiteral("cut off: ") + cut.join(QStringLiteral("; "))));
    }

private:
    std::unique_ptr<PageTour> m_tour;
};

QTEST_MAIN(TestPaletteFit)
#include "TestPaletteFit.moc"
