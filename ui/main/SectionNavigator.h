#pragma once

#include "ui/main/Section.h"

#include <QObject>

namespace vigil {

// The one way a page asks for another section ("Read the security tips", "Review 2-step
// verification"): whoever builds the pages gives each the same navigator, and the main window
// follows it with one connection.
class SectionNavigator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SectionNavigator)

public:
    explicit SectionNavigator(QObject* parent = nullptr);
    ~SectionNavigator() override;

    void request(Section section);

Q_SIGNALS:
    void requested(vigil::Section section);
};

} // namespace vigil
