// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/AdLifecycle.h"

#include <QSet>
#include <QTest>

using namespace Recup;

// The lifecycle of DESIGN.md written out independently of the code, one line per arrow:
// "from action actor to". Every other combination must be refused.
static const QStringList expectedArrows{
        QStringLiteral("draft submit owner pending"),
        QStringLiteral("pending approve moderator published"),
        QStringLiteral("pending reject moderator rejected"),
        QStringLiteral("rejected resubmit owner pending"),
        QStringLiteral("rejected edit owner draft"),
        QStringLiteral("published edit owner pending"),
        QStringLiteral("published reserve owner reserved"),
        QStringLiteral("reserved release owner published"),
        QStringLiteral("published close owner closed"),
        QStringLiteral("reserved close owner closed"),
        QStringLiteral("expired close owner closed"),
        QStringLiteral("published expire system expired"),
        QStringLiteral("expired renew owner pending"),
        QStringLiteral("pending remove moderator closed"),
        QStringLiteral("published remove moderator closed"),
        QStringLiteral("reserved remove moderator closed"),
        QStringLiteral("rejected remove moderator closed"),
        QStringLiteral("expired remove moderator closed"),
};

class TestAdLifecycle : public QObject
{
    Q_OBJECT
private slots:
    void everyCombination_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("action");
        QTest::addColumn<int>("actor");
        QTest::addColumn<QString>("expected"); // empty: refused
        QHash<QString, QString> allowed;
        for (const QString &arrow : expectedArrows) {
            const QStringList p = arrow.split(u' ');
            allowed.insert(p[0] + u' ' + p[1] + u' ' + p[2], p[3]);
        }
        for (int s = 0; s <= int(AdState::Closed); ++s) {
            for (int a = int(AdAction::Submit); a <= int(AdAction::Remove); ++a) {
                for (int w = 0; w <= int(ActorKind::System); ++w) {
                    const QString key = toKey(AdState(s)) + u' ' + toKey(AdAction(a)) + u' '
                                        + toKey(ActorKind(w));
                    const QString to = allowed.value(key);
                    const QString row
                            = QStringLiteral("%1 ad, %2 by %3: %4")
                                      .arg(toKey(AdState(s)),
                                           toKey(AdAction(a)),
                                           toKey(ActorKind(w)),
                                           to.isEmpty() ? QStringLiteral("refused")
                                                        : QStringLiteral("becomes ") + to);
                    QTest::newRow(qPrintable(row)) << s << a << w << to;
                }
            }
        }
    }
    void everyCombination()
    {
        QFETCH(int, from);
        QFETCH(int, action);
        QFETCH(int, actor);
        QFETCH(QString, expected);
        const auto next = AdLifecycle::next(AdState(from), AdAction(action), ActorKind(actor));
        const QString refusal
                = AdLifecycle::refusal(AdState(from), AdAction(action), ActorKind(actor));
        if (expected.isEmpty()) {
            QVERIFY(!next.has_value());
            QVERIFY2(!refusal.isEmpty(), "a refused transition must say why");
            QVERIFY(!AdLifecycle::allowedActions(AdState(from), ActorKind(actor))
                             .contains(AdAction(action)));
        } else {
            QVERIFY(next.has_value());
            QCOMPARE(toKey(*next), expected);
            QVERIFY(refusal.isEmpty());
            QVERIFY(AdLifecycle::allowedActions(AdState(from), ActorKind(actor))
                            .contains(AdAction(action)));
        }
    }

    void tableHasNoDuplicateAndNothingElse()
    {
        QSet<QString> seen;
        for (const Transition &t : AdLifecycle::transitions()) {
            const QString arrow = toKey(t.from) + u' ' + toKey(t.action) + u' ' + toKey(t.actor)
                                  + u' ' + toKey(t.to);
            QVERIFY2(!seen.contains(arrow), qPrintable(arrow));
            seen.insert(arrow);
            QVERIFY2(expectedArrows.contains(arrow), qPrintable(arrow));
        }
        QCOMPARE(seen.size(), expectedArrows.size());
    }

    void closedIsFinal()
    {
        for (int w = 0; w <= int(ActorKind::System); ++w)
            QVERIFY(AdLifecycle::allowedActions(AdState::Closed, ActorKind(w)).isEmpty());
    }

    void refusalNamesWhoMay()
    {
        const QString message
                = AdLifecycle::refusal(AdState::Pending, AdAction::Approve, ActorKind::Owner);
        QVERIFY2(message.contains(QLatin1String("moderator")), qPrintable(message));
    }

    void keysRoundTrip()
    {
        for (int s = 0; s <= int(AdState::Closed); ++s)
            QCOMPARE(adStateFromKey(toKey(AdState(s))), std::optional(AdState(s)));
        for (int a = 0; a <= int(AdAction::Remove); ++a)
            QCOMPARE(adActionFromKey(toKey(AdAction(a))), std::optional(AdAction(a)));
        for (int r = 0; r <= int(CloseReason::Removed); ++r)
            QCOMPARE(closeReasonFromKey(toKey(CloseReason(r))), std::optional(CloseReason(r)));
        QVERIFY(!adStateFromKey(QStringLiteral("published; DROP")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestAdLifecycle)
#include "tst_adlifecycle.moc"
