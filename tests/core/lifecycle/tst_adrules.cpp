// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/AdRules.h"

#include <QTest>

using namespace Recup;

namespace {

Category furniture()
{
    Category c;
    c.id = 1;
    c.code = QStringLiteral("BUREAUX");
    c.name = QStringLiteral("Bureaux");
    return c;
}

Category computers()
{
    Category c;
    c.id = 2;
    c.code = QStringLiteral("INFO");
    c.name = QStringLiteral("Matériel informatique");
    c.excluded = true;
    c.excludedMessage = QStringLiteral("Le matériel informatique est repris par la DSI.");
    return c;
}

Ad validAd()
{
    Ad ad;
    ad.title = QStringLiteral("Bureau en chêne");
    ad.description = QStringLiteral("Bon état, 160 × 80 cm.");
    ad.categoryId = 1;
    ad.quantity = 2;
    ad.valueCents = 15000;
    ad.weightGrams = 40000;
    ad.siteId = 3;
    ad.room = QStringLiteral("B204");
    ad.professionalUseAttested = true;
    return ad;
}

} // namespace

Q_DECLARE_METATYPE(Recup::Ad)

class TestAdRules : public QObject
{
    Q_OBJECT
private slots:
    void fields_data()
    {
        QTest::addColumn<Ad>("ad");
        QTest::addColumn<bool>("excludedCategory");
        QTest::addColumn<QString>("failingField"); // empty: valid

        Ad ad = validAd();
        QTest::newRow("a complete ad is valid") << ad << false << QString();
        ad = validAd();
        ad.title = QStringLiteral("ab");
        QTest::newRow("title of 2 characters") << ad << false << QStringLiteral("title");
        ad.title = QStringLiteral("   ab   ");
        QTest::newRow("title of 2 characters padded with spaces")
                << ad << false << QStringLiteral("title");
        ad.title = QStringLiteral("abc");
        QTest::newRow("title of 3 characters") << ad << false << QString();
        ad.title = QString(120, u'é');
        QTest::newRow("title of 120 accented characters") << ad << false << QString();
        ad.title = QString(121, u'a');
        QTest::newRow("title of 121 characters") << ad << false << QStringLiteral("title");
        ad = validAd();
        ad.description = QString(4000, u'x');
        QTest::newRow("description of 4000 characters") << ad << false << QString();
        ad.description = QString(4001, u'x');
        QTest::newRow("description of 4001 characters")
                << ad << false << QStringLiteral("description");
        ad = validAd();
        ad.valueCents = 0;
        QTest::newRow("value of 0 €") << ad << false << QString();
        ad.valueCents = 10'000'000;
        QTest::newRow("value of 100 000 €") << ad << false << QString();
        ad.valueCents = 10'000'001;
        QTest::newRow("value of 100 000,01 €") << ad << false << QStringLiteral("valueCents");
        ad.valueCents = -1;
        QTest::newRow("negative value") << ad << false << QStringLiteral("valueCents");
        ad = validAd();
        ad.weightGrams = -5;
        QTest::newRow("negative weight") << ad << false << QStringLiteral("weightGrams");
        ad = validAd();
        ad.quantity = 0;
        QTest::newRow("quantity of 0") << ad << false << QStringLiteral("quantity");
        ad.quantity = 1;
        QTest::newRow("quantity of 1") << ad << false << QString();
        ad = validAd();
        ad.photos = QList<AdPhoto>(6);
        QTest::newRow("six photos") << ad << false << QString();
        ad.photos = QList<AdPhoto>(7);
        QTest::newRow("seven photos") << ad << false << QStringLiteral("photos");
        ad = validAd();
        ad.professionalUseAttested = false;
        QTest::newRow("attestation not ticked") << ad << false << QStringLiteral("attestation");
        ad = validAd();
        QTest::newRow("IT equipment is excluded") << ad << true << QStringLiteral("category");
        ad.categoryId = 0;
        QTest::newRow("no category") << ad << false << QStringLiteral("category");
        ad = validAd();
        ad.siteId = 0;
        QTest::newRow("no site") << ad << false << QStringLiteral("site");
        ad = validAd();
        ad.room = QString(81, u'r');
        QTest::newRow("room of 81 characters") << ad << false << QStringLiteral("room");
    }
    void fields()
    {
        QFETCH(Ad, ad);
        QFETCH(bool, excludedCategory);
        QFETCH(QString, failingField);
        const std::optional<Category> category
                = ad.categoryId == 0 ? std::nullopt
                                     : std::optional(excludedCategory ? computers() : furniture());
        const auto errors = AdRules::validate(ad, category);
        if (failingField.isEmpty()) {
            QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.first().message));
            return;
        }
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, failingField);
        QVERIFY(!errors.first().message.isEmpty());
    }

    void excludedCategoryShowsItsOwnMessage()
    {
        const auto errors = AdRules::validate(validAd(), computers());
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().message, computers().excludedMessage);
    }

    void closing_data()
    {
        QTest::addColumn<int>("reason");
        QTest::addColumn<qint64>("service");
        QTest::addColumn<QString>("note");
        QTest::addColumn<int>("actor");
        QTest::addColumn<QString>("failingField");
        QTest::newRow("exchanged with the receiving service")
                << int(CloseReason::Exchanged) << qint64(4) << QString() << int(ActorKind::Owner)
                << QString();
        QTest::newRow("exchanged without the receiving service")
                << int(CloseReason::Exchanged) << qint64(0) << QString() << int(ActorKind::Owner)
                << QStringLiteral("receivingService");
        QTest::newRow("thrown away") << int(CloseReason::Discarded) << qint64(0) << QString()
                                     << int(ActorKind::Owner) << QString();
        QTest::newRow("no longer available") << int(CloseReason::Unavailable) << qint64(0)
                                             << QString() << int(ActorKind::Owner) << QString();
        QTest::newRow("removed by a moderator with a reason")
                << int(CloseReason::Removed) << qint64(0) << QStringLiteral("Doublon")
                << int(ActorKind::Moderator) << QString();
        QTest::newRow("removed by a moderator without reason")
                << int(CloseReason::Removed) << qint64(0) << QStringLiteral("  ")
                << int(ActorKind::Moderator) << QStringLiteral("reason");
        QTest::newRow("removed by the owner")
                << int(CloseReason::Removed) << qint64(0) << QStringLiteral("Doublon")
                << int(ActorKind::Owner) << QStringLiteral("closeReason");
    }
    void closing()
    {
        QFETCH(int, reason);
        QFETCH(qint64, service);
        QFETCH(QString, note);
        QFETCH(int, actor);
        QFETCH(QString, failingField);
        const auto errors
                = AdRules::validateClosing(CloseReason(reason), service, note, ActorKind(actor));
        if (failingField.isEmpty()) {
            QVERIFY(errors.isEmpty());
        } else {
            QCOMPARE(errors.size(), 1);
            QCOMPARE(errors.first().field, failingField);
        }
    }

    void rejectionNeedsAReason()
    {
        QCOMPARE(AdRules::validateRejection(QStringLiteral(" ")).size(), 1);
        QVERIFY(AdRules::validateRejection(QStringLiteral("Photo floue")).isEmpty());
        QCOMPARE(AdRules::validateRejection(QString(1001, u'x')).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAdRules)
#include "tst_adrules.moc"
