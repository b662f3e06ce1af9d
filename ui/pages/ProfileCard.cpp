#include "ProfileCard.h"

#include "core/profiles/ProfileListModel.h"
#include "ui/widgets/PlainToolTip.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace vigil {

namespace {

constexpr int avatarSize = 56;

// Dark enough for white text on both light and dark palettes (contrast ≥ 4.5:1 with white).
QColor avatarColor(const QString& avatar)
{
    static const QList<QColor> palette{QColor(0xb4, 0x3d, 0x0a),  // fox
                                       QColor(0x6b, 0x4e, 0x16),  // owl
                                       QColor(0x3d, 0x4f, 0x63),  // wolf
                                       QColor(0x2f, 0x6b, 0x3a),  // panda
                                       QColor(0x7a, 0x2e, 0x8e),  //
                                       QColor(0x1f, 0x5f, 0x99)}; //
    static const QStringList known{
        QStringLiteral("fox"), QStringLiteral("owl"), QStringLiteral("wolf"), QStringLiteral("panda")};
    const qsizetype index = known.indexOf(avatar);
    if (index >= 0)
        return palette.at(index);
    return palette.at(qHash(avatar) % palette.size());
}

} // namespace

ProfileCard::ProfileCard(const QModelIndex& index, QWidget* parent)
    : QFrame(parent), m_avatar(new QLabel(this)), m_name(new QLabel(this)), m_kids(new QLabel(tr("Kids"), this)),
      m_lastUsed(new QLabel(this)), m_text(new QVBoxLayout)
{
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("profileCard"));
    // The profile's name and last use come from the service: shown as written.
    m_name->setTextFormat(Qt::PlainText);
    m_lastUsed->setTextFormat(Qt::PlainText);
    setAccessibleName(index.data(Qt::AccessibleTextRole).toString());
    setAccessibleDescription(index.data(Qt::AccessibleDescriptionRole).toString());
    setToolTip(PlainToolTip::of(index.data(Qt::ToolTipRole).toString()));
    setMinimumWidth(260);

    const QString name = index.data(Qt::DisplayRole).toString();
    const QString avatar = index.data(ProfileListModel::AvatarRole).toString();
    m_avatar->setPixmap(avatarPixmap(avatar, name, avatarSize, devicePixelRatioF()));
    m_avatar->setFixedSize(avatarSize, avatarSize);
    m_avatar->setAccessibleName(tr("Avatar: %1").arg(avatar));

    m_name->setText(name);
    m_name->setObjectName(QStringLiteral("profileName"));
    QFont bold = m_name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_name->setFont(bold);

    // A word, not a colour alone (WCAG 1.4.1); the frame makes it read as a badge.
    m_kids->setObjectName(QStringLiteral("kidsBadge"));
    m_kids->setAccessibleName(tr("Kids profile"));
    m_kids->setStyleSheet(QStringLiteral("QLabel { border: 1px solid palette(mid); border-radius: 8px;"
                                         " padding: 1px 8px; background: palette(alternate-base); }"));
    m_kids->setVisible(index.data(ProfileListModel::KidsRole).toBool());

    m_lastUsed->setText(index.data(ProfileListModel::LastUsedTextRole).toString());
    m_lastUsed->setObjectName(QStringLiteral("lastUsed"));
    m_lastUsed->setWordWrap(true);
    QPalette dim = m_lastUsed->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    m_lastUsed->setPalette(dim);

    auto* nameRow = new QHBoxLayout;
    nameRow->setSpacing(8);
    nameRow->addWidget(m_name);
    nameRow->addWidget(m_kids);
    nameRow->addStretch(1);
    QVBoxLayout* text = m_text;
    text->setSpacing(4);
    text->addStretch(1);
    text->addLayout(nameRow);
    text->addWidget(m_lastUsed);
    text->addStretch(1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(14);
    layout->addWidget(m_avatar, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
}

ProfileCard::~ProfileCard() = default;

void ProfileCard::addControl(QWidget* control)
{
    control->setParent(this);
    // Above the closing stretch, so the text and the control stay together.
    m_text->insertSpacing(m_text->count() - 1, 4);
    m_text->insertWidget(m_text->count() - 1, control);
}

QPixmap ProfileCard::avatarPixmap(const QString& avatar, const QString& name, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(avatarColor(avatar));
    painter.drawEllipse(QRectF(0, 0, size, size));
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(size * 2 / 5);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, name.left(1).toUpper());
    return pixmap;
}

} // namespace vigil
