// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Reference.h"
#include "storage/WantedAdRepository.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QSpinBox;

namespace Recup {

class Database;
class FieldErrors;
class MessageBar;

// « Publier une recherche »: what the author's service is looking for. Saved on OK (one short
// statement on the GUI thread); a refusal is shown under its field and nothing typed is lost.
class WantedAdDialog : public QDialog
{
    Q_OBJECT
public:
    WantedAdDialog(Database &db, const Agent &author, QWidget *parent = nullptr);
    ~WantedAdDialog() override;

    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *keywordsEdit() const { return m_keywords; }
    QComboBox *categoryBox() const { return m_category; }
    QSpinBox *quantityBox() const { return m_quantity; }
    QComboBox *siteBox() const { return m_site; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    // The message under a field ("title", "keywords", "quantity", "site"); empty when none.
    QString fieldError(const QString &field) const;
    MessageBar *messageBar() const { return m_messageBar; }
    // The wanted ad saved by OK.
    const WantedAd &posted() const { return m_posted; }

public slots:
    void accept() override;

private:
    void buildWhatBox(QWidget *form);
    void buildWhereBox(QWidget *form);
    WantedAd typed() const;

    Database &m_db;
    Agent m_author;
    std::unique_ptr<FieldErrors> m_errors;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_keywords = nullptr;
    QComboBox *m_category = nullptr;
    QSpinBox *m_quantity = nullptr;
    QComboBox *m_site = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    MessageBar *m_messageBar = nullptr;
    WantedAd m_posted;
};

} // namespace Recup
