#pragma once

#include "ui/main/Section.h"

#include <QWidget>

class QTextBrowser;

namespace vigil {

// Questions people ask about signing devices out, and seven security tips, each tip linking to
// the page that does it.
class HelpPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpPage)

public:
    explicit HelpPage(QWidget* parent = nullptr);
    ~HelpPage() override;

    QString plainText() const;

Q_SIGNALS:
    void sectionRequested(vigil::Section section);

private:
    QString html() const;

    QTextBrowser* m_text;
};

} // namespace vigil
