// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/PlaceholderPicture.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>

#include <array>
#include <cmath>

namespace Recup {

namespace {

// Every scene is drawn on an 800 × 600 canvas, scaled to the size asked for.
constexpr qreal CanvasWidth = 800;
constexpr qreal CanvasHeight = 600;
constexpr qreal Floor = 450;

const std::array<int, 6> WallHues = {38, 205, 140, 265, 18, 185};
const std::array<QRgb, 6> Accents = {0x2f6db5, 0xc0392b, 0x2e8b57, 0xe67e22, 0x6c5ce7, 0x16a085};
const std::array<QRgb, 5> Woods = {0xc8a27a, 0x8b5a3c, 0xe8e4dc, 0x9aa0a6, 0xd9b48a};
const std::array<QRgb, 4> Metals = {0x8a9099, 0x4a4f57, 0xd6d2c8, 0x6d7b8a};

template<typename Array>
QColor pick(const Array &colours, int variant)
{
    return QColor(colours[static_cast<std::size_t>(variant) % colours.size()]);
}

class Scene
{
public:
    Scene(QPainter &painter, int variant)
        : p(painter)
        , variant(variant)
        , accent(pick(Accents, variant))
        , wood(pick(Woods, variant))
        , metal(pick(Metals, variant))
    {}

    void indoor(const QRectF &area) const;
    void outdoor(const QRectF &area) const;

    void desk() const;
    void chair() const;
    void storage() const;
    void table() const;
    void supplies() const;
    void sign() const;
    void kitchen() const;
    void decoration() const;
    void consumables() const;
    void bench() const;
    void teaching() const;
    void computer() const;
    void cardboardBox(const QRectF &box, const QColor &colour) const;

private:
    void shadow(qreal centreX, qreal width, qreal depth = 28) const;
    void block(const QRectF &r, const QColor &c, qreal radius = 3) const;
    void blockAcross(const QRectF &r, const QColor &c, qreal radius = 3) const;
    void flat(const QRectF &r, const QColor &c, qreal radius = 0) const;
    void line(QPointF a, QPointF b, const QColor &c, qreal width) const;
    void polygon(const QPolygonF &polygon, const QColor &c) const;
    void counter(qreal top) const;
    void officeChair() const;
    void stackingChair(qreal x) const;
    void plant(qreal x, qreal potTop, qreal scale) const;
    void framedPicture(const QRectF &frame) const;
    void textBars(const QRectF &area, const QColor &c, int rows) const;

    QPainter &p;
    int variant;
    QColor accent;
    QColor wood;
    QColor metal;
};

void Scene::shadow(qreal centreX, qreal width, qreal depth) const
{
    p.save();
    p.translate(centreX, Floor + 2);
    p.scale(1.0, depth / width);
    QRadialGradient gradient(QPointF(0, 0), width / 2);
    gradient.setColorAt(0, QColor(0, 0, 0, 85));
    gradient.setColorAt(0.6, QColor(0, 0, 0, 45));
    gradient.setColorAt(1, QColor(0, 0, 0, 0));
    p.setPen(Qt::NoPen);
    p.setBrush(gradient);
    p.drawEllipse(QPointF(0, 0), width / 2, width / 2);
    p.restore();
}

// A solid part lit from above: lighter on top, a thin darker edge.
void Scene::block(const QRectF &r, const QColor &c, qreal radius) const
{
    QLinearGradient gradient(r.topLeft(), r.bottomLeft());
    gradient.setColorAt(0, c.lighter(112));
    gradient.setColorAt(1, c.darker(108));
    p.setPen(QPen(c.darker(140), 1.5));
    p.setBrush(gradient);
    p.drawRoundedRect(r, radius, radius);
}

// A round part (post, column, roll): light in the middle, darker on both sides.
void Scene::blockAcross(const QRectF &r, const QColor &c, qreal radius) const
{
    QLinearGradient gradient(r.topLeft(), r.topRight());
    gradient.setColorAt(0, c.darker(125));
    gradient.setColorAt(0.4, c.lighter(125));
    gradient.setColorAt(1, c.darker(130));
    p.setPen(QPen(c.darker(150), 1));
    p.setBrush(gradient);
    p.drawRoundedRect(r, radius, radius);
}

void Scene::flat(const QRectF &r, const QColor &c, qreal radius) const
{
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawRoundedRect(r, radius, radius);
}

void Scene::line(QPointF a, QPointF b, const QColor &c, qreal width) const
{
    p.setPen(QPen(c, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawLine(a, b);
}

void Scene::polygon(const QPolygonF &shape, const QColor &c) const
{
    p.setPen(QPen(c.darker(140), 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(c);
    p.drawPolygon(shape);
}

// Stand-ins for writing: rounded bars, never glyphs.
void Scene::textBars(const QRectF &area, const QColor &c, int rows) const
{
    const qreal step = area.height() / rows;
    for (int i = 0; i < rows; ++i) {
        const qreal width = area.width() * (i % 3 == 2 ? 0.6 : (i % 2 ? 0.85 : 1.0));
        flat(QRectF(area.left(), area.top() + i * step + step * 0.25, width, step * 0.45),
             c,
             step * 0.2);
    }
}

void Scene::indoor(const QRectF &area) const
{
    const QColor wall = QColor::fromHsl(WallHues[static_cast<std::size_t>(variant) % 6], 115, 214);
    QLinearGradient wallGradient(0, area.top(), 0, Floor);
    wallGradient.setColorAt(0, wall.lighter(104));
    wallGradient.setColorAt(1, wall.darker(108));
    p.fillRect(QRectF(area.left(), area.top(), area.width(), Floor - area.top()), wallGradient);

    // Light from a window on the upper left.
    QRadialGradient light(QPointF(180, 60), 620);
    light.setColorAt(0, QColor(255, 255, 255, 110));
    light.setColorAt(1, QColor(255, 255, 255, 0));
    p.fillRect(QRectF(area.left(), area.top(), area.width(), Floor - area.top()), light);

    const QColor floorColour = (variant / 6) % 2 ? QColor(0xb9b2a7) : QColor(0xc9a27c);
    QLinearGradient floorGradient(0, Floor, 0, area.bottom());
    floorGradient.setColorAt(0, floorColour.darker(106));
    floorGradient.setColorAt(1, floorColour.lighter(108));
    p.fillRect(QRectF(area.left(), Floor, area.width(), area.bottom() - Floor), floorGradient);
    // Boards drawing closer together toward the wall.
    p.setPen(QPen(floorColour.darker(112), 1.2));
    for (qreal y = Floor + 12, gap = 12; y < area.bottom(); gap *= 1.45, y += gap)
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));

    flat(QRectF(area.left(), Floor - 14, area.width(), 14), wall.darker(118));
    line(QPointF(area.left(), Floor), QPointF(area.right(), Floor), wall.darker(150), 2);
}

void Scene::outdoor(const QRectF &area) const
{
    QLinearGradient sky(0, area.top(), 0, Floor);
    sky.setColorAt(0, QColor(0x7fb3e0));
    sky.setColorAt(1, QColor(0xdcecf7));
    p.fillRect(QRectF(area.left(), area.top(), area.width(), Floor - area.top()), sky);

    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 200));
    const qreal cloudX = 120 + (variant % 4) * 130;
    for (const auto &[dx, dy, r] :
         {std::array<qreal, 3>{0, 0, 34}, {38, -14, 42}, {82, 2, 32}, {40, 14, 30}})
        p.drawEllipse(QPointF(cloudX + dx, 110 + dy), r * 1.3, r);

    // A hedge on the horizon.
    const QColor hedge(0x4f7d4a);
    p.setBrush(hedge);
    for (qreal x = area.left() - 20; x < area.right() + 40; x += 46)
        p.drawEllipse(QPointF(x, Floor - 22 + ((int(x) / 46) % 3) * 4), 36, 32);
    p.fillRect(QRectF(area.left(), Floor - 20, area.width(), 20), hedge);

    QLinearGradient grass(0, Floor, 0, area.bottom());
    grass.setColorAt(0, QColor(0x7fae5a));
    grass.setColorAt(1, QColor(0x9cc46f));
    p.fillRect(QRectF(area.left(), Floor, area.width(), area.bottom() - Floor), grass);
    line(QPointF(area.left(), Floor), QPointF(area.right(), Floor), QColor(0x5f8c45), 2);
}

void Scene::desk() const
{
    const bool withLamp = variant % 2;
    shadow(400, 560);
    const QColor body = wood.darker(104);
    if (withLamp)
        block(QRectF(330, 312, 270, 80), body.darker(110), 1); // modesty panel
    // Pedestal with three drawers.
    block(QRectF(170, 310, 150, 140), body, 2);
    for (int i = 0; i < 3; ++i) {
        const QRectF drawer(178, 318 + i * 43, 134, 38);
        block(drawer, body.lighter(106), 2);
        blockAcross(QRectF(drawer.center().x() - 22, drawer.top() + 8, 44, 7), QColor(0x9aa0a6), 3);
    }
    block(QRectF(600, 310, 24, 140), body, 2);
    block(QRectF(150, 290, 500, 22), wood, 3);

    if (withLamp) {
        const QColor lamp = accent;
        p.setPen(Qt::NoPen);
        p.setBrush(lamp.darker(120));
        p.drawEllipse(QRectF(530, 280, 70, 14));
        line(QPointF(565, 286), QPointF(530, 200), lamp.darker(130), 7);
        line(QPointF(530, 200), QPointF(480, 218), lamp.darker(130), 7);
        polygon(QPolygonF({QPointF(462, 206),
                           QPointF(500, 222),
                           QPointF(482, 262),
                           QPointF(430, 240)}),
                lamp);
    } else {
        // Pen pot and a tray of paper.
        blockAcross(QRectF(540, 240, 44, 50), accent, 4);
        const std::array<QRgb, 3> pens = {0x1f3a93, 0xc0392b, 0x2d3436};
        for (int i = 0; i < 3; ++i)
            line(QPointF(552 + i * 10, 242),
                 QPointF(546 + i * 14, 214 + i * 6),
                 QColor(pens[i]),
                 5);
        block(QRectF(200, 272, 130, 18), QColor(0x3d4650), 2);
        flat(QRectF(208, 266, 114, 8), QColor(0xfafafa));
    }
}

void Scene::officeChair() const
{
    shadow(400, 300);
    const QColor dark(0x2d3138);
    // Five-star base seen from the front, with casters.
    const QPointF hub(400, 420);
    for (const QPointF foot :
         {QPointF(285, 432), QPointF(340, 440), QPointF(460, 440), QPointF(515, 432)}) {
        line(hub, foot, dark, 11);
        p.setPen(Qt::NoPen);
        p.setBrush(dark.lighter(140));
        p.drawEllipse(QPointF(foot.x(), foot.y() + 7), 9, 9);
    }
    blockAcross(QRectF(391, 330, 18, 92), QColor(0xaab0b8), 4);
    flat(QRectF(390, 285, 20, 40), dark, 3); // back support
    // Armrests.
    for (const qreal x : {288.0, 500.0}) {
        flat(QRectF(x + 2, 270, 10, 55), dark, 3);
        block(QRectF(x - 16, 262, 46, 13), dark.lighter(130), 6);
    }
    block(QRectF(315, 150, 170, 150), accent, 34);
    flat(QRectF(335, 168, 130, 14), accent.lighter(118), 7); // stitching highlight
    block(QRectF(298, 312, 204, 36), accent.darker(108), 17);
}

void Scene::stackingChair(qreal x) const
{
    const QColor frame = metal.darker(110);
    shadow(x, 190, 20);
    line(QPointF(x - 58, 338), QPointF(x - 62, 440), frame.lighter(125), 7); // back legs
    line(QPointF(x + 58, 338), QPointF(x + 62, 440), frame.lighter(125), 7);
    line(QPointF(x - 60, 318), QPointF(x - 60, 270), frame, 7);
    line(QPointF(x + 60, 318), QPointF(x + 60, 270), frame, 7);
    block(QRectF(x - 72, 180, 144, 96), accent, 16);
    flat(QRectF(x - 40, 200, 80, 10), accent.darker(125), 5); // hand slot
    block(QRectF(x - 82, 318, 164, 20), accent.darker(106), 8);
    line(QPointF(x - 74, 338), QPointF(x - 84, 448), frame, 8);
    line(QPointF(x + 74, 338), QPointF(x + 84, 448), frame, 8);
}

void Scene::chair() const
{
    if (variant % 2 == 0) {
        officeChair();
    } else {
        stackingChair(290);
        stackingChair(510);
    }
}

void Scene::storage() const
{
    switch (variant % 3) {
    case 0: { // high cupboard with two doors
        shadow(400, 320);
        block(QRectF(262, 100, 276, 14), wood.darker(110), 2);
        block(QRectF(270, 112, 260, 328), wood, 2);
        block(QRectF(276, 118, 122, 316), wood.lighter(104), 2);
        block(QRectF(402, 118, 122, 316), wood.lighter(104), 2);
        blockAcross(QRectF(382, 240, 8, 60), QColor(0xb8bec6), 3);
        blockAcross(QRectF(410, 240, 8, 60), QColor(0xb8bec6), 3);
        flat(QRectF(395, 262, 10, 6), QColor(0x555b63), 2); // lock
        flat(QRectF(276, 440, 248, 10), QColor(0x3a3d42));
        break;
    }
    case 1: { // open shelving with binders and archive boxes
        shadow(400, 360);
        const QColor steel = metal;
        const std::array<qreal, 4> shelves = {180, 270, 360, 440};
        for (std::size_t s = 0; s < 3; ++s) {
            const qreal base = shelves[s + 1];
            if (s == 1) {
                for (int b = 0; b < 3; ++b)
                    cardboardBox(QRectF(262 + b * 94, base - 70, 88, 70), QColor(0xd2b48c));
                continue;
            }
            qreal x = 262;
            for (int b = 0; x < 520; ++b) {
                const qreal w = 30 + ((b * 7 + s * 3 + variant) % 4) * 4;
                const QColor spine = pick(Accents, b + int(s) + variant).lighter(105);
                block(QRectF(x, base - 76, w, 76), spine, 2);
                flat(QRectF(x + 6, base - 62, w - 12, 22), QColor(0xf5f3ee), 2);
                p.setBrush(spine.darker(150));
                p.setPen(Qt::NoPen);
                p.drawEllipse(QPointF(x + w / 2, base - 18), 6, 6);
                x += w + 3;
            }
        }
        for (const qreal y : shelves)
            block(QRectF(250, y, 300, 9), steel.lighter(110), 1);
        blockAcross(QRectF(244, 110, 12, 340), steel, 2);
        blockAcross(QRectF(544, 110, 12, 340), steel, 2);
        break;
    }
    default: { // four-drawer filing cabinet
        shadow(400, 220);
        const QColor body = metal.lighter(105);
        block(QRectF(305, 140, 190, 308), body, 3);
        for (int i = 0; i < 4; ++i) {
            const QRectF drawer(313, 148 + i * 74, 174, 68);
            block(drawer, body.lighter(107), 2);
            flat(QRectF(drawer.center().x() - 22, drawer.top() + 10, 44, 16), QColor(0xf5f3ee), 2);
            blockAcross(QRectF(drawer.center().x() - 30, drawer.top() + 36, 60, 9),
                        QColor(0x3a3d42),
                        4);
        }
        flat(QRectF(390, 128, 20, 12), body.darker(140), 3); // lock
        break;
    }
    }
}

void Scene::table() const
{
    if (variant % 2 == 0) { // rectangular meeting table seen from slightly above
        shadow(400, 560);
        const QColor legs = metal.darker(105);
        blockAcross(QRectF(200, 318, 14, 112), legs.darker(115), 3);
        blockAcross(QRectF(586, 318, 14, 112), legs.darker(115), 3);
        polygon(QPolygonF({QPointF(196, 262),
                           QPointF(604, 262),
                           QPointF(652, 300),
                           QPointF(148, 300)}),
                wood.lighter(106));
        block(QRectF(148, 300, 504, 18), wood.darker(112), 2);
        blockAcross(QRectF(160, 318, 18, 132), legs, 3);
        blockAcross(QRectF(622, 318, 18, 132), legs, 3);
    } else { // round pedestal table
        shadow(400, 300);
        p.setPen(Qt::NoPen);
        p.setBrush(metal.darker(130));
        p.drawEllipse(QPointF(400, 446), 95, 12);
        blockAcross(QRectF(386, 310, 28, 134), metal, 6);
        p.setBrush(wood.darker(118));
        p.setPen(QPen(wood.darker(150), 1.5));
        p.drawEllipse(QPointF(400, 300), 200, 42);
        QRadialGradient top(QPointF(360, 280), 220);
        top.setColorAt(0, wood.lighter(115));
        top.setColorAt(1, wood);
        p.setBrush(top);
        p.drawEllipse(QPointF(400, 286), 200, 42);
    }
}

void Scene::counter(qreal top) const
{
    shadow(400, 600, 20);
    block(QRectF(120, top + 16, 560, Floor - top - 16), QColor(0xe9e6df), 1);
    for (int i = 0; i < 3; ++i) {
        const QRectF door(128 + i * 183, top + 24, 177, Floor - top - 34);
        block(door, QColor(0xf2f0ea), 2);
        flat(QRectF(door.center().x() - 25, door.top() + 10, 50, 6), QColor(0x8a9099), 3);
    }
    block(QRectF(110, top, 580, 18), wood.darker(108), 2);
}

void Scene::kitchen() const
{
    switch (variant % 3) {
    case 0: { // microwave on a counter
        counter(350);
        const QColor body = (variant / 3) % 2 ? QColor(0x3b3f45) : QColor(0xeceae4);
        flat(QRectF(250, 344, 300, 8), QColor(0, 0, 0, 50), 4);
        block(QRectF(240, 208, 320, 140), body, 10);
        QLinearGradient glass(260, 226, 470, 330);
        glass.setColorAt(0, QColor(0x2b3440));
        glass.setColorAt(1, QColor(0x12161b));
        p.setPen(QPen(body.darker(150), 2));
        p.setBrush(glass);
        p.drawRoundedRect(QRectF(258, 226, 212, 104), 8, 8);
        polygon(QPolygonF({QPointF(280, 230),
                           QPointF(320, 230),
                           QPointF(272, 326),
                           QPointF(262, 326),
                           QPointF(262, 262)}),
                QColor(255, 255, 255, 28));
        flat(QRectF(488, 230, 52, 18), QColor(0x10181a), 3);
        flat(QRectF(494, 236, 30, 6), QColor(0x4cd964), 2);
        for (int i = 0; i < 2; ++i) {
            p.setPen(QPen(body.darker(160), 1.5));
            p.setBrush(body.darker(112));
            p.drawEllipse(QPointF(514, 274 + i * 36), 13, 13);
            line(QPointF(514, 274 + i * 36), QPointF(522, 266 + i * 36), body.darker(170), 3);
        }
        break;
    }
    case 1: { // fridge
        shadow(400, 240);
        const QColor body(0xf1f0ec);
        block(QRectF(300, 90, 200, 354), body, 12);
        line(QPointF(302, 208), QPointF(498, 208), body.darker(130), 2);
        blockAcross(QRectF(318, 140, 10, 50), QColor(0xa0a6ad), 4);
        blockAcross(QRectF(318, 226, 10, 90), QColor(0xa0a6ad), 4);
        flat(QRectF(312, 444, 20, 6), QColor(0x333333), 2);
        flat(QRectF(468, 444, 20, 6), QColor(0x333333), 2);
        for (int i = 0; i < 3; ++i) {
            p.setPen(Qt::NoPen);
            p.setBrush(pick(Accents, variant + i));
            p.drawEllipse(QPointF(400 + i * 30, 250 + (i % 2) * 22), 9, 9);
        }
        flat(QRectF(392, 270, 60, 44), QColor(0xfdf6d8), 1); // a note under the magnets
        p.setBrush(pick(Accents, variant));
        p.drawEllipse(QPointF(422, 270), 7, 7);
        break;
    }
    default: { // coffee machine and kettle
        counter(350);
        const QColor body(0x2f3338);
        block(QRectF(240, 180, 150, 170), body, 10);
        flat(QRectF(254, 196, 122, 30), body.lighter(140), 5);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xe74c3c));
        p.drawEllipse(QPointF(360, 211), 6, 6);
        // Glass jug with coffee.
        QPainterPath jug;
        jug.moveTo(270, 262);
        jug.lineTo(350, 262);
        jug.lineTo(356, 342);
        jug.lineTo(264, 342);
        jug.closeSubpath();
        p.setPen(QPen(QColor(0x9fb0bb), 2));
        p.setBrush(QColor(220, 235, 245, 120));
        p.drawPath(jug);
        flat(QRectF(268, 296, 86, 44), QColor(0x5b3a1e), 4);
        flat(QRectF(266, 256, 90, 10), QColor(0x1e2124), 3);
        // Kettle: a jug with a lid, a side handle and a short spout.
        QPainterPath kettle;
        kettle.moveTo(462, 348);
        kettle.lineTo(478, 246);
        kettle.lineTo(548, 246);
        kettle.lineTo(564, 348);
        kettle.closeSubpath();
        QLinearGradient steel(462, 0, 564, 0);
        steel.setColorAt(0, accent.darker(120));
        steel.setColorAt(0.4, accent.lighter(130));
        steel.setColorAt(1, accent.darker(130));
        p.setPen(QPen(accent.darker(150), 1.5));
        p.setBrush(steel);
        p.drawPath(kettle);
        polygon(QPolygonF({QPointF(480, 252),
                           QPointF(456, 238),
                           QPointF(452, 246),
                           QPointF(478, 266)}),
                accent.darker(110));
        block(QRectF(474, 238, 78, 12), QColor(0x2d3436), 5);
        flat(QRectF(468, 330, 92, 18), QColor(0x2d3436), 3); // base
        p.setPen(QPen(QColor(0x2d3436), 10, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        p.drawArc(QRectF(528, 256, 56, 70), -80 * 16, 160 * 16);
        flat(QRectF(470, 300, 6, 22), QColor(0x81d4fa), 2); // water gauge
        break;
    }
    }
}

void Scene::plant(qreal x, qreal potTop, qreal scale) const
{
    const qreal potHeight = (Floor - potTop);
    const qreal w = 60 * scale;
    shadow(x, w * 3, 18);
    // Leaves fan out from the pot's centre.
    const QPointF root(x, potTop + 4);
    const std::array<QRgb, 3> greens = {0x2e7d32, 0x43a047, 0x388e3c};
    for (int i = 0; i < 9; ++i) {
        const qreal angle = -80 + i * 20 + ((i * 13 + variant * 7) % 9) - 4;
        const qreal length = (110 + (i % 3) * 30) * scale;
        p.save();
        p.translate(root);
        p.rotate(angle);
        QPainterPath leaf;
        leaf.moveTo(0, 0);
        leaf.quadTo(length * 0.32, -length * 0.5, 0, -length);
        leaf.quadTo(-length * 0.32, -length * 0.5, 0, 0);
        p.setPen(QPen(QColor(0x1b5e20), 1.2));
        p.setBrush(QColor(greens[static_cast<std::size_t>(i) % 3]));
        p.drawPath(leaf);
        line(QPointF(0, -4), QPointF(0, -length * 0.85), QColor(0x81c784), 1.5);
        p.restore();
    }
    const QColor terracotta(0xc1663d);
    polygon(QPolygonF({QPointF(x - w, potTop + 12),
                       QPointF(x + w, potTop + 12),
                       QPointF(x + w * 0.78, potTop + potHeight),
                       QPointF(x - w * 0.78, potTop + potHeight)}),
            terracotta);
    block(QRectF(x - w - 8 * scale, potTop, 2 * w + 16 * scale, 16 * scale),
          terracotta.lighter(108),
          3);
}

void Scene::framedPicture(const QRectF &frame) const
{
    flat(frame.translated(6, 8), QColor(0, 0, 0, 45), 2);
    block(frame, wood.darker(115), 2);
    const qreal border = frame.width() * 0.06;
    const QRectF mat = frame.adjusted(border, border, -border, -border);
    flat(mat, QColor(0xf7f4ec));
    const QRectF art = mat.adjusted(border, border, -border, -border);
    p.save();
    p.setClipRect(art);
    QLinearGradient sky(art.topLeft(), art.bottomLeft());
    sky.setColorAt(0,
                   QColor::fromHsl((WallHues[static_cast<std::size_t>(variant) % 6] + 180) % 360,
                                   120,
                                   190));
    sky.setColorAt(1, QColor(0xfff3d6));
    p.fillRect(art, sky);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xf9c74f));
    p.drawEllipse(QPointF(art.left() + art.width() * 0.72, art.top() + art.height() * 0.3),
                  art.height() * 0.12,
                  art.height() * 0.12);
    p.setBrush(QColor(0x6a994e));
    p.drawEllipse(QPointF(art.left() + art.width() * 0.25, art.bottom() + art.height() * 0.15),
                  art.width() * 0.55,
                  art.height() * 0.5);
    p.setBrush(QColor(0x386641));
    p.drawEllipse(QPointF(art.left() + art.width() * 0.85, art.bottom() + art.height() * 0.2),
                  art.width() * 0.5,
                  art.height() * 0.45);
    p.restore();
}

void Scene::decoration() const
{
    if (variant % 2 == 0) {
        framedPicture(QRectF(470, 110, 200, 150));
        plant(330, 340, 1.0);
    } else {
        framedPicture(QRectF(220, 90, 360, 250));
        plant(640, 380, 0.6);
    }
}

void Scene::cardboardBox(const QRectF &box, const QColor &colour) const
{
    block(box, colour, 2);
    line(QPointF(box.left() + 2, box.top() + box.height() * 0.22),
         QPointF(box.right() - 2, box.top() + box.height() * 0.22),
         colour.darker(125),
         1.5);
    flat(QRectF(box.center().x() - box.width() * 0.07,
                box.top() + 1,
                box.width() * 0.14,
                box.height() * 0.45),
         colour.lighter(118));
    const QRectF label(box.left() + box.width() * 0.14,
                       box.top() + box.height() * 0.5,
                       box.width() * 0.34,
                       box.height() * 0.3);
    flat(label, QColor(0xfbfaf6), 2);
    textBars(label.adjusted(4, 3, -4, -3), QColor(0x9aa0a6), 3);
}

void Scene::supplies() const
{
    if (variant % 2) {
        shadow(400, 420);
        const QColor kraft(0xc8a06a);
        cardboardBox(QRectF(220, 320, 210, 130), kraft);
        cardboardBox(QRectF(440, 346, 160, 104), kraft.darker(106));
        cardboardBox(QRectF(248, 224, 160, 96), kraft.lighter(104));
        return;
    }
    // Binders, a pen pot and sticky notes on a low cabinet.
    shadow(400, 560, 20);
    block(QRectF(130, 350, 540, 100), wood.darker(105), 2);
    block(QRectF(120, 336, 560, 16), wood, 2);
    for (int i = 0; i < 2; ++i)
        flat(QRectF(240 + i * 270, 380, 50, 7), QColor(0x8a9099), 3);
    for (int i = 0; i < 6; ++i) {
        const QColor spine = pick(Accents, variant + i);
        const QRectF binder(170 + i * 52, 176, 48, 160);
        block(binder, spine, 3);
        flat(QRectF(binder.left() + 8, binder.top() + 18, 32, 46), QColor(0xf7f5ef), 2);
        textBars(QRectF(binder.left() + 12, binder.top() + 24, 24, 34), QColor(0xa8adb4), 3);
        p.setPen(Qt::NoPen);
        p.setBrush(spine.darker(160));
        p.drawEllipse(QPointF(binder.center().x(), binder.bottom() - 28), 8, 8);
    }
    blockAcross(QRectF(520, 276, 56, 60), QColor(0x3d4650), 6);
    const std::array<QRgb, 4> pens = {0x1f3a93, 0xc0392b, 0x27ae60, 0xf1c40f};
    for (int i = 0; i < 4; ++i)
        line(QPointF(530 + i * 12, 278),
             QPointF(522 + i * 17, 236 + (i % 2) * 10),
             QColor(pens[i]),
             6);
    block(QRectF(600, 310, 56, 26), QColor(0xf7dc6f), 1);
    block(QRectF(604, 300, 56, 12), QColor(0xfae29a), 1);
}

void Scene::sign() const
{
    switch (variant % 3) {
    case 0: { // direction sign on a post
        shadow(400, 160, 18);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x4a4f57));
        p.drawEllipse(QPointF(400, 446), 60, 9);
        blockAcross(QRectF(392, 200, 16, 246), QColor(0x9aa0a6), 3);
        const QRectF panel(230, 100, 340, 170);
        block(panel, accent, 14);
        p.setPen(QPen(Qt::white, 5));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(panel.adjusted(10, 10, -10, -10), 8, 8);
        polygon(QPolygonF({QPointF(460, 160),
                           QPointF(500, 160),
                           QPointF(500, 138),
                           QPointF(545, 185),
                           QPointF(500, 232),
                           QPointF(500, 210),
                           QPointF(460, 210)}),
                Qt::white);
        textBars(QRectF(262, 138, 170, 96), QColor(255, 255, 255, 220), 3);
        break;
    }
    case 1: { // floor stand with a warning pictogram
        shadow(400, 260, 22);
        const QColor yellow(0xf4c430);
        polygon(QPolygonF({QPointF(330, 130),
                           QPointF(470, 130),
                           QPointF(500, 448),
                           QPointF(300, 448)}),
                yellow.darker(115));
        polygon(QPolygonF({QPointF(335, 120),
                           QPointF(465, 120),
                           QPointF(492, 446),
                           QPointF(308, 446)}),
                yellow);
        flat(QRectF(378, 104, 44, 18), QColor(0x2d3436), 6);
        const QPolygonF triangle({QPointF(400, 190), QPointF(460, 300), QPointF(340, 300)});
        p.setPen(QPen(QColor(0xc0392b), 12, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::white);
        p.drawPolygon(triangle);
        flat(QRectF(394, 222, 12, 46), QColor(0x2d3436), 5);
        p.setBrush(QColor(0x2d3436));
        p.drawEllipse(QPointF(400, 282), 7, 7);
        textBars(QRectF(345, 330, 110, 70), QColor(0x2d3436), 3);
        break;
    }
    default: { // wall directory board
        flat(QRectF(206, 106, 400, 260), QColor(0, 0, 0, 40), 6);
        block(QRectF(200, 100, 400, 260), QColor(0xf8f8f5), 6);
        flat(QRectF(200, 100, 400, 46), accent, 6);
        flat(QRectF(200, 130, 400, 16), accent);
        for (int row = 0; row < 3; ++row) {
            const qreal y = 168 + row * 62;
            flat(QRectF(224, y, 44, 44), pick(Accents, variant + row + 1), 6);
            const bool right = (row + variant) % 2;
            const qreal cx = 246;
            const qreal cy = y + 22;
            const qreal d = right ? 1 : -1;
            p.setPen(Qt::NoPen);
            p.setBrush(Qt::white);
            p.drawPolygon(QPolygonF({QPointF(cx - 12 * d, cy - 5),
                                     QPointF(cx, cy - 5),
                                     QPointF(cx, cy - 13),
                                     QPointF(cx + 14 * d, cy),
                                     QPointF(cx, cy + 13),
                                     QPointF(cx, cy + 5),
                                     QPointF(cx - 12 * d, cy + 5)}));
            textBars(QRectF(286, y + 6, 280, 36), QColor(0x7f8c8d), 2);
        }
        p.setBrush(QColor(0xb2bec3));
        for (const QPointF screw :
             {QPointF(212, 112), QPointF(588, 112), QPointF(212, 348), QPointF(588, 348)})
            p.drawEllipse(screw, 4, 4);
        break;
    }
    }
}

void Scene::consumables() const
{
    if (variant % 2 == 0) { // reams of paper
        shadow(400, 500, 22);
        const auto stack = [this](qreal x, int count, qreal width) {
            for (int i = 0; i < count; ++i) {
                const qreal y = Floor - (i + 1) * 38;
                const qreal shift = ((i * 5 + variant) % 3 - 1) * 4;
                const QRectF ream(x + shift, y, width, 38);
                block(ream, QColor(0xfbfbf8), 2);
                flat(QRectF(ream.left() + width * 0.18, y + 2, width * 0.3, 34),
                     pick(Accents, variant + i / 2).lighter(110));
                textBars(QRectF(ream.left() + width * 0.58, y + 10, width * 0.3, 18),
                         QColor(0xb2bec3),
                         2);
            }
        };
        stack(180, 7, 230);
        stack(440, 4, 200);
        return;
    }
    // Paper towel rolls seen end on, stacked.
    shadow(400, 460, 22);
    const qreal r = 46;
    for (int row = 0; row < 3; ++row) {
        const int count = 4 - row;
        for (int i = 0; i < count; ++i) {
            const QPointF centre(400 - (count - 1) * r + i * 2 * r, Floor - r - row * r * 1.72);
            QRadialGradient roll(centre - QPointF(12, 12), r * 1.3);
            roll.setColorAt(0, Qt::white);
            roll.setColorAt(1, QColor(0xdcdde1));
            p.setPen(QPen(QColor(0xaab0b8), 1.5));
            p.setBrush(roll);
            p.drawEllipse(centre, r - 1, r - 1);
            p.setPen(QPen(QColor(0xe2e4e8), 1));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(centre, r * 0.7, r * 0.7);
            p.setPen(QPen(QColor(0xa1887f), 1.5));
            p.setBrush(QColor(0xc8a27a));
            p.drawEllipse(centre, r * 0.3, r * 0.3);
            p.setBrush(QColor(0x6d4c41));
            p.setPen(Qt::NoPen);
            p.drawEllipse(centre, r * 0.22, r * 0.22);
        }
    }
}

void Scene::bench() const
{
    if (variant % 2) { // planter with a flowering shrub
        shadow(400, 320, 24);
        const QPointF centre(400, 260);
        const std::array<QRgb, 3> greens = {0x2e7d32, 0x388e3c, 0x4caf50};
        for (int i = 0; i < 14; ++i) {
            const qreal angle = i * 0.9;
            const qreal radius = 40 + (i % 4) * 18;
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(greens[static_cast<std::size_t>(i) % 3]));
            p.drawEllipse(centre
                                  + QPointF(std::cos(angle) * radius * 1.4,
                                            std::sin(angle) * radius * 0.7),
                          56,
                          48);
        }
        for (int i = 0; i < 12; ++i) {
            p.setBrush(pick(Accents, variant + i).lighter(130));
            p.drawEllipse(centre + QPointF(((i * 53) % 200) - 100, ((i * 37) % 90) - 50), 8, 8);
        }
        for (int i = 0; i < 6; ++i)
            block(QRectF(280 + i * 40, 320, 40, 130), wood.darker(110 + (i % 2) * 6), 1);
        block(QRectF(270, 310, 260, 16), wood.darker(125), 2);
        return;
    }
    // Park bench: wooden slats on cast-iron sides.
    shadow(400, 500, 24);
    const QColor iron(0x263238);
    const QColor slat = pick(std::array<QRgb, 3>{0xb07a4a, 0x8b5a3c, 0x2e6b4f}, variant / 2);
    for (int i = 0; i < 3; ++i)
        block(QRectF(180, 214 + i * 26, 440, 18), slat, 4);
    for (const qreal x : {220.0, 580.0}) {
        QPainterPath side;
        side.moveTo(x - 6, Floor);
        side.lineTo(x + 4, 336);
        side.lineTo(x - 4, 210);
        side.moveTo(x + 4, 336);
        side.quadTo(x + 30, 390, x + 34, Floor);
        side.moveTo(x - 30, 300);
        side.quadTo(x, 284, x + 30, 300);
        p.setPen(QPen(iron, 11, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(side);
    }
    for (int i = 0; i < 3; ++i)
        block(QRectF(170, 322 + i * 15, 460, 12), slat.lighter(104), 4);
}

void Scene::teaching() const
{
    if (variant % 2 == 0) { // blackboard on an easel
        shadow(400, 520, 22);
        const QColor frame = wood.darker(110);
        line(QPointF(230, 150), QPointF(190, Floor), frame.darker(115), 12);
        line(QPointF(570, 150), QPointF(610, Floor), frame.darker(115), 12);
        block(QRectF(170, 100, 460, 270), frame, 4);
        QLinearGradient board(0, 114, 0, 356);
        board.setColorAt(0, QColor(0x35573f));
        board.setColorAt(1, QColor(0x26412f));
        p.setPen(Qt::NoPen);
        p.setBrush(board);
        p.drawRect(QRectF(184, 114, 432, 242));
        const QColor chalk(255, 255, 255, 200);
        p.setPen(QPen(chalk, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPolygon(QPolygonF({QPointF(230, 300), QPointF(300, 160), QPointF(340, 300)}));
        p.drawEllipse(QPointF(420, 220), 44, 44);
        QPainterPath wave;
        wave.moveTo(490, 170);
        wave.cubicTo(520, 140, 540, 200, 580, 170);
        wave.moveTo(490, 215);
        wave.cubicTo(520, 185, 540, 245, 580, 215);
        p.drawPath(wave);
        line(QPointF(500, 280), QPointF(560, 280), chalk, 4);
        line(QPointF(530, 250), QPointF(530, 310), chalk, 4);
        block(QRectF(176, 370, 448, 12), frame.darker(108), 2);
        flat(QRectF(300, 362, 30, 8), Qt::white, 3);
        flat(QRectF(340, 363, 22, 7), QColor(0xffe082), 3);
        flat(QRectF(470, 358, 56, 14), QColor(0x5d4037), 3); // eraser
        return;
    }
    // Globe and a stack of books on a small table.
    shadow(400, 520, 22);
    block(QRectF(180, 360, 440, 16), wood, 2);
    blockAcross(QRectF(196, 376, 16, 74), wood.darker(120), 2);
    blockAcross(QRectF(588, 376, 16, 74), wood.darker(120), 2);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x37474f));
    p.drawEllipse(QPointF(310, 356), 60, 10);
    blockAcross(QRectF(303, 300, 14, 56), QColor(0x607d8b), 3);
    const QPointF centre(310, 200);
    QRadialGradient sea(centre - QPointF(30, 30), 130);
    sea.setColorAt(0, QColor(0x81d4fa));
    sea.setColorAt(1, QColor(0x0277bd));
    p.setBrush(sea);
    p.setPen(QPen(QColor(0x01579b), 1.5));
    p.drawEllipse(centre, 92, 92);
    p.save();
    p.setClipRegion(QRegion(QRect(218, 108, 184, 184), QRegion::Ellipse));
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x7cb342));
    QPainterPath land;
    land.moveTo(250, 150);
    land.cubicTo(290, 120, 330, 150, 320, 180);
    land.cubicTo(310, 210, 280, 200, 275, 230);
    land.cubicTo(270, 260, 240, 240, 240, 210);
    land.cubicTo(238, 190, 230, 170, 250, 150);
    land.moveTo(340, 210);
    land.cubicTo(370, 200, 400, 230, 380, 260);
    land.cubicTo(360, 285, 335, 260, 340, 210);
    p.drawPath(land);
    p.restore();
    p.setPen(QPen(QColor(0x90a4ae), 6, Qt::SolidLine, Qt::RoundCap));
    p.setBrush(Qt::NoBrush);
    p.drawArc(QRectF(centre.x() - 106, centre.y() - 106, 212, 212), -60 * 16, 210 * 16);
    const std::array<qreal, 4> widths = {180, 160, 170, 140};
    for (int i = 0; i < 4; ++i) {
        const QRectF book(430 + i * 6, 336 - i * 26, widths[static_cast<std::size_t>(i)], 24);
        block(book, pick(Accents, variant + i), 3);
        flat(QRectF(book.right() - 12, book.top() + 4, 8, 16), QColor(0xfbf8ef), 1);
    }
}

void Scene::computer() const
{
    shadow(400, 420, 22);
    block(QRectF(150, 340, 500, 18), wood, 2);
    block(QRectF(170, 358, 20, 92), wood.darker(115), 2);
    block(QRectF(610, 358, 20, 92), wood.darker(115), 2);
    flat(QRectF(330, 330, 140, 10), QColor(0x2d3436), 4);
    flat(QRectF(390, 280, 20, 52), QColor(0x2d3436));
    block(QRectF(240, 110, 320, 190), QColor(0x2d3436), 8);
    QLinearGradient screen(250, 120, 550, 290);
    screen.setColorAt(0, accent.lighter(140));
    screen.setColorAt(1, accent.darker(110));
    p.setPen(Qt::NoPen);
    p.setBrush(screen);
    p.drawRect(QRectF(252, 122, 296, 166));
    block(QRectF(280, 312, 200, 24), QColor(0xdfe4ea), 4);
    for (int row = 0; row < 2; ++row)
        for (int key = 0; key < 12; ++key)
            flat(QRectF(287 + key * 16, 316 + row * 9, 12, 6), QColor(0xa4b0be), 1);
}

} // namespace

QImage PlaceholderPicture::draw(const QString &categoryCode, int variant, QSize size)
{
    variant = variant < 0 ? -(variant + 1) : variant; // no overflow at INT_MIN
    QImage image(size.expandedTo(QSize(1, 1)), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);

    // The canvas keeps its proportions; the background stretches to fill the rest.
    const qreal scale = qMin(image.width() / CanvasWidth, image.height() / CanvasHeight);
    painter.translate((image.width() - CanvasWidth * scale) / 2,
                      (image.height() - CanvasHeight * scale) / 2);
    painter.scale(scale, scale);
    const QRectF area = painter.transform().inverted().mapRect(QRectF(image.rect()));

    const Scene scene(painter, variant);
    const QString code = categoryCode.toLower();
    if (code == u"exterieur")
        scene.outdoor(area);
    else
        scene.indoor(area);

    if (code == u"bureaux")
        scene.desk();
    else if (code == u"sieges")
        scene.chair();
    else if (code == u"rangements")
        scene.storage();
    else if (code == u"tables")
        scene.table();
    else if (code == u"fournitures")
        scene.supplies();
    else if (code == u"signaletique")
        scene.sign();
    else if (code == u"cuisine")
        scene.kitchen();
    else if (code == u"decoration")
        scene.decoration();
    else if (code == u"consommables")
        scene.consumables();
    else if (code == u"exterieur")
        scene.bench();
    else if (code == u"pedagogique")
        scene.teaching();
    else if (code == u"informatique")
        scene.computer();
    else
        scene.cardboardBox(QRectF(290, 300, 220, 150), QColor(0xc8a06a));
    painter.end();
    return image;
}

} // namespace Recup
