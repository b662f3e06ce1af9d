#pragma once

#include <QFrame>

class QLabel;

namespace vigil {

// One figure on the Overview: an icon, the number (the label a screen reader finds by the tile's
// name), what it counts, and optionally a link to the page about it.
class StatTile final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatTile)

public:
    StatTile(const QString& name, const QString& iconName, QWidget* parent = nullptr);
    ~StatTile() override;

    void setValue(const QString& value, const QString& caption);
    void setLink(const QString& text);
    void setIcon(const QString& iconName);
    QLabel* valueLabel() const { return m_value; }

Q_SIGNALS:
    void linkActivated();

private:
    QLabel* m_icon;
    QLabel* m_value;
    QLabel* m_caption;
    QLabel* m_link;
};

} // namespace vigil
