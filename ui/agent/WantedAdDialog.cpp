// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/WantedAdDialog.h"

#include "common/FieldErrors.h"
#include "common/MessageBar.h"
#include "storage/Database.h"
#include "storage/ReferenceCache.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Recup {

WantedAdDialog::WantedAdDialog(Database &db, const Agent &author, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_author(author)
{
    setWindowTitle(tr("Post a wanted ad"));
    setObjectName(QStringLiteral("wantedAdDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Say what your service is looking for. When a published ad "
                                "matches (same category, or all your keywords), you get a mail "
                                "and an alert under « My alerts »."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);
    auto *form = new QWidget(this);
    m_errors = std::make_unique<FieldErrors>(form);
    new QFormLayout(form);
    buildWhatBox(form);
    buildWhereBox(form);
    layout->addWidget(form);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Post"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &WantedAdDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &WantedAdDialog::reject);
    layout->addWidget(m_buttons);
}

WantedAdDialog::~WantedAdDialog() = default;

void WantedAdDialog::buildWhatBox(QWidget *form)
{
    auto *rows = static_cast<QFormLayout *>(form->layout());
    m_title = new QLineEdit(form);
    m_title->setObjectName(QStringLiteral("wantedTitle"));
    m_title->setMaxLength(WantedAdRepository::TitleMax);
    m_title->setPlaceholderText(tr("Wanted: 4 tall metal cabinets"));
    m_title->setAccessibleName(tr("Title"));
    rows->addRow(tr("&Title:"), m_errors->box(m_title, QStringLiteral("title")));
    m_keywords = new QLineEdit(form);
    m_keywords->setObjectName(QStringLiteral("wantedKeywords"));
    m_keywords->setMaxLength(WantedAdRepository::KeywordsMax);
    m_keywords->setPlaceholderText(tr("cabinet metal"));
    m_keywords->setAccessibleName(tr("Keywords"));
    m_keywords->setToolTip(tr("An ad matches when its title or description holds every one of "
                              "these words"));
    rows->addRow(tr("&Keywords:"), m_errors->box(m_keywords, QStringLiteral("keywords")));
    m_category = new QComboBox(form);
    m_category->setObjectName(QStringLiteral("wantedCategory"));
    m_category->setAccessibleName(tr("Category"));
    m_category->addItem(tr("Any category"), qint64(0));
    for (const Category &category : m_db.references().categories()) {
        if (category.active && !category.excluded)
            m_category->addItem(category.name, category.id);
    }
    rows->addRow(tr("&Category:"), m_errors->box(m_category, QStringLiteral("category")));
    m_quantity = new QSpinBox(form);
    m_quantity->setObjectName(QStringLiteral("wantedQuantity"));
    m_quantity->setAccessibleName(tr("Quantity"));
    m_quantity->setRange(1, WantedAdRepository::QuantityMax);
    rows->addRow(tr("&Quantity:"), m_errors->box(m_quantity, QStringLiteral("quantity")));
}

void WantedAdDialog::buildWhereBox(QWidget *form)
{
    auto *rows = static_cast<QFormLayout *>(form->layout());
    m_site = new QComboBox(form);
    m_site->setObjectName(QStringLiteral("wantedSite"));
    m_site->setAccessibleName(tr("Site"));
    for (const Site &site : m_db.references().sites()) {
        if (site.active)
            m_site->addItem(site.name, site.id);
    }
    rows->addRow(tr("&Site to deliver to:"), m_errors->box(m_site, QStringLiteral("site")));
}

WantedAd WantedAdDialog::typed() const
{
    WantedAd wanted;
    wanted.authorId = m_author.id;
    wanted.serviceId = m_author.serviceId;
    wanted.title = m_title->text();
    wanted.keywords = m_keywords->text();
    wanted.categoryId = m_category->currentData().toLongLong();
    wanted.quantity = m_quantity->value();
    wanted.siteId = m_site->currentData().toLongLong();
    return wanted;
}

QString WantedAdDialog::fieldError(const QString &field) const
{
    return m_errors->text(field);
}

void WantedAdDialog::accept()
{
    m_errors->clear();
    const WantedAd wanted = typed();
    if (const auto errors = WantedAdRepository::check(wanted); !errors.isEmpty()) {
        m_errors->show(errors, {QStringLiteral("title"), QStringLiteral("keywords")});
        return; // nothing typed is lost: the dialog stays open
    }
    const Result<WantedAd> posted = WantedAdRepository(m_db).post(wanted);
    if (!posted) {
        const QStringList unplaced = m_errors->show(posted.error().fields);
        if (posted.error().fields.isEmpty() || !unplaced.isEmpty())
            m_messageBar->showMessage(
                    MessageBar::Kind::Error, posted.error().message, posted.error().detail);
        return;
    }
    m_posted = *posted;
    QDialog::accept();
}

} // namespace Recup
