#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace vigil {

// Loads Vigil's translations (embedded under :/i18n/) into an application. English source strings
// with Qt plural forms ("%n device(s)") get their English forms from vigil_en.qm, which is always
// installed first; the chosen language's translation is installed on top of it.
class Translations final
{
public:
    Translations() = delete;

    // The languages Vigil ships, as ISO 639 codes ("en", "de").
    static QStringList available();
    // "" (follow the system) or a code from available() → the language actually used.
    static QString resolve(const QString& setting, const QLocale& system = QLocale::system());
    // Installs the translators on `app` (they are its children) and, when a language was chosen in
    // the preferences, makes it the default locale so dates and numbers match the words. Returns the
    // language in use.
    static QString install(QCoreApplication* app, const QString& setting);
};

} // namespace vigil
