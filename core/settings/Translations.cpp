#include "Translations.h"

#include "core/util/EnglishPlurals.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTranslator>

namespace vigil {
namespace {

Q_LOGGING_CATEGORY(lcTranslations, "vigil.core.settings", QtInfoMsg)

const QString english = QStringLiteral("en");

bool load(QTranslator* translator, const QString& language)
{
    return translator->load(QStringLiteral("vigil_") + language, QStringLiteral(":/i18n"));
}

} // namespace

QStringList Translations::available()
{
    return {english, QStringLiteral("de")};
}

QString Translations::resolve(const QString& setting, const QLocale& system)
{
    if (available().contains(setting))
        return setting;
    // The first of the user's preferred languages that Vigil has wins (e.g. "de-AT" → "de").
    const QStringList preferred = system.uiLanguages();
    for (const QString& tag : preferred) {
        const QString language = QLocale(tag).name().section(QLatin1Char('_'), 0, 0);
        if (available().contains(language))
            return language;
    }
    return english;
}

QString Translations::install(QCoreApplication* app, const QString& setting)
{
    auto* plurals = new QTranslator(app);
    if (load(plurals, english)) {
        QCoreApplication::installTranslator(plurals);
    } else {
        // Only a broken build lacks the resource; English stays readable without it.
        qCWarning(lcTranslations) << "English plural forms missing from the resources";
        delete plurals;
        QCoreApplication::installTranslator(new EnglishPlurals(app));
    }
    const QString language = resolve(setting);
    if (available().contains(setting)) {
        // Chosen in the preferences: dates and numbers follow the chosen language too, in the
        // user's own country (de + Austria → de_AT; QLocale picks a default country otherwise).
        QLocale::setDefault(QLocale(QLocale(setting).language(), QLocale::system().territory()));
    }
    if (language != english) {
        auto* translator = new QTranslator(app);
        if (load(translator, language)) {
            QCoreApplication::installTranslator(translator);
        } else {
            qCWarning(lcTranslations) << "no translation for" << language;
            delete translator;
            return english;
        }
    }
    return language;
}

} // namespace vigil
