#include "ui/main/SectionNavigator.h"

namespace vigil {

SectionNavigator::SectionNavigator(QObject* parent) : QObject(parent) {}

SectionNavigator::~SectionNavigator() = default;

void SectionNavigator::request(Section section)
{
    Q_EMIT requested(section);
}

} // namespace vigil
