// A service that names things like markup, or with characters that reorder text, must not change
// how Vigil's windows read: every label that shows the service's text shows it as written.
#include "DevicesPageFixture.h"
#include "ui/devices/ThisDeviceCard.h"

#include <QLabel>
#include <QTest>
#include <QTextDocument>

namespace {

const QString markupName = QStringLiteral("<b>x</b>");
const QString markupApp = QStringLiteral("<i>app</i>");
const QString markupCity = QStringLiteral("<a href=\"https://evil.example\">Lisbon</a>");
const QString markupProfile = QStringLiteral("<u>Ana</u>");
// Right-to-left override: everything after it on the line would read backwards.
const QString bidiName = QStringLiteral("Kitchen TV\u202E gnol-eno");
const QString bidiShown = QStringLiteral("Kitchen TV gnol-eno");

// Every label under `root` whose text holds a piece of the service's markup but would render it.
QStringList renderedMarkup(QWidget* root)
{
    QStringList found;
    const auto labels = root->findChildren<QLabel*>();
    for (const QLabel* label : labels) {
        const QString text = label->text();
        const bool fromService = text.contains(markupName) || text.contains(markupApp) ||
                                 text.contains(QStringLiteral("evil.example")) || text.contains(markupProfile);
        if (fromService && label->textFormat() != Qt::PlainText)
            found << QStringLiteral("%1 %2: %3")
                         .arg(QString::fromLatin1(label->metaObject()->className()), label->accessibleName(), text);
    }
    return found;
}

} // namespace

class TestServerTextPlain final : public DevicesPageFixture
{
    Q_OBJECT

private:
    void useHostileDevices()
    {
        Device me = makeDevice({.id = QStringLiteral("dev_me"),
                                .name = markupName,
                                .type = Device::Type::Computer,
                                .lastActiveAgo = 1 * minute,
                                .city = markupCity,
                                .profile = markupProfile,
                                .current = true});
        me.app = markupApp;
        Device tv = makeDevice({.id = QStringLiteral("dev_tv"),
                                .name = bidiName,
                                .type = Device::Type::Tv,
                                .status = Device::Status::Streaming,
                                .lastActiveAgo = 2 * minute,
                                .profile = markupProfile});
        tv.app = markupApp;
        m_devices = {me, tv};
    }

    QLabel* labelNamed(const QString& name) const
    {
        const auto labels = m_page->findChildren<QLabel*>();
        for (QLabel* label : labels) {
            if (label->accessibleName() == name && label->isVisible())
                return label;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }

    void init()
    {
        setUp();
        useHostileDevices();
        load();
    }
    void cleanup() { tearDown(); }

    void markupIsShownAsWritten()
    {
        // This device's card, then each device's details.
        QLabel* card = labelNamed(QStringLiteral("This device name"));
        QVERIFY(card);
        QTRY_COMPARE(card->text(), markupName); // the card follows the list on the next turn
        QCOMPARE(card->textFormat(), Qt::PlainText);
        QVERIFY(labelNamed(QStringLiteral("This device details"))->text().contains(markupApp));
        QStringList problems = renderedMarkup(m_page.get());
        for (int row = 0; row < m_page->table()->model()->rowCount(); ++row) {
            openRow(row);
            QTRY_VERIFY(m_page->detailsPane()->isVisible());
            QCoreApplication::processEvents();
            problems += renderedMarkup(m_page.get());
        }
        problems.removeDuplicates();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

        openRow(0);
        QLabel* name = labelNamed(QStringLiteral("Device name"));
        QVERIFY(name);
        QVERIFY2(name->text().contains(markupName), qPrintable(name->text()));
        QCOMPARE(name->textFormat(), Qt::PlainText);
    }

    void tooltipsShowMarkupAsWritten()
    {
        // The status tooltip names the profile ("<u>Ana</u>"); Qt would render it as rich text.
        QAbstractItemModel* model = m_page->table()->model();
        int found = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString tip = model->index(row, DeviceListModel::StatusColumn).data(Qt::ToolTipRole).toString();
            if (tip.isEmpty())
                continue;
            QTextDocument shown; // what QToolTip would draw
            if (Qt::mightBeRichText(tip))
                shown.setHtml(tip);
            else
                shown.setPlainText(tip);
            QVERIFY2(shown.toPlainText().contains(markupProfile), qPrintable(tip));
            ++found;
        }
        QCOMPARE(found, 1);
    }

    void bidiControlsDoNotReorderTheLine()
    {
        int tvRow = -1;
        QAbstractItemModel* model = m_page->table()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(DeviceListModel::IdRole).toString() == QLatin1String("dev_tv"))
                tvRow = row;
        }
        QVERIFY(tvRow >= 0);
        QCOMPARE(model->index(tvRow, 0).data().toString(), bidiShown);
        openRow(tvRow);
        QLabel* name = labelNamed(QStringLiteral("Device name"));
        QVERIFY(name);
        QTRY_COMPARE(name->text(), bidiShown);
        // Nothing on the page carries the override any more, so no line around the name is turned.
        const auto labels = m_page->findChildren<QLabel*>();
        for (const QLabel* label : labels)
            QVERIFY2(!label->text().contains(QChar(0x202E)), qPrintable(label->accessibleName()));
    }
};

QTEST_MAIN(TestServerTextPlain)
#include "TestServerTextPlain.moc"
