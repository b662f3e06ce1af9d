#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace vigil {

// The app's icons: Lucide line icons (and one MDI icon) from the resources, drawn in the palette's
// text colour so they stay visible on light, dark and high-contrast palettes.
class Icons final
{
public:
    Icons() = delete;

    // `name` is the file name without ".svg" (e.g. "shield-check").
    static QIcon themed(const QString& name);
    static QIcon themed(const QString& name, const QColor& color);
    static QIcon app();
    // The resources live in a static library: call once before the first icon (app and tests).
    static void initResources();
};

} // namespace vigil
