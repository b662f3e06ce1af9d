#include "Section.h"

#include <array>

namespace vigil {
namespace {

constexpr std::array<const char*, sectionCount> keys{
    "overview", "devices", "security", "profiles", "activity", "preferences", "help"};
const QString prefix = QStringLiteral("vigil:section/");

} // namespace

std::optional<Section> sectionFromLink(const QString& link)
{
    if (!link.startsWith(prefix))
        return std::nullopt;
    const QString key = link.mid(prefix.size());
    for (int i = 0; i < sectionCount; ++i) {
        if (key == QLatin1String(keys[size_t(i)]))
            return Section(i);
    }
    return std::nullopt;
}

QString linkTo(Section section)
{
    return prefix + QLatin1String(keys[size_t(section)]);
}

} // namespace vigil
