#pragma once

#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace vigil {

// One household profile as a card: avatar, name, a "Kids" badge, and where and when it was last
// used. Fed from a ProfileListModel row.
class ProfileCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileCard)

public:
    explicit ProfileCard(const QModelIndex& index, QWidget* parent = nullptr);
    ~ProfileCard() override;

    // A control under the last use (the person's "Sign Out …'s Devices…"); the card owns it.
    void addControl(QWidget* control);

    // A round avatar: the profile's colour (from its avatar key) and its initial.
    static QPixmap avatarPixmap(const QString& avatar, const QString& name, int size, qreal devicePixelRatio);

private:
    QLabel* m_avatar;
    QLabel* m_name;
    QLabel* m_kids;
    QLabel* m_lastUsed;
    QVBoxLayout* m_text;
};

} // namespace vigil
