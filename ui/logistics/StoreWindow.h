// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actions/MailCenter.h"
#include "common/WorkWindow.h"
#include "domain/Reference.h"
#include "domain/Store.h"

#include <QPointer>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Recup {

class ReadChannel;
class StockModel;

// « Magasin général »: what a general store holds, longest stored first, with since when and
// who gave it; items stored for long are tinted. The keeper gives items out as any owner (from
// « Mes annonces »), and throws away what stayed too long, saying why; a moderator may remove
// one. Offered to the agents of a store's service, logistics staff and moderators; what each
// sees is the database's to decide.
class StoreWindow : public WorkWindow
{
    Q_OBJECT
public:
    // Test seam: the reason given for throwing an item away (none: cancelled).
    using ReasonRunner = std::function<std::optional<QString>(const StockItem &item)>;

    StoreWindow(Database &db, const Agent &agent, QWidget *parent = nullptr);
    ~StoreWindow() override;

    StockModel *model() const { return m_model; }
    qint64 storeSiteId() const;
    bool selectItem(qint64 adId);
    const StockItem *selectedItem() const;
    QString totalsText() const;

    void setReasonRunner(ReasonRunner runner) { m_askReason = std::move(runner); }
    void setMailCenter(MailCenter *mail) { m_mailCenter = mail; }

public slots:
    // Closes the selected item's ad as thrown away (its keeper) or removes it (a moderator),
    // with the reason asked.
    void discardSelected();

protected:
    void startRefresh() override;

private:
    QWidget *createStorePicker();
    QWidget *createActions();
    void configureView();
    void fillStores();
    void updateState();
    bool isKeeperOf(const StockItem &item) const;

    Agent m_agent;
    bool m_moderator = false;
    bool m_filling = false;
    bool m_writing = false;
    ReasonRunner m_askReason;
    QPointer<MailCenter> m_mailCenter;
    ReadChannel *m_writes = nullptr;

    StockModel *m_model = nullptr;
    QComboBox *m_store = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_emptyState = nullptr;
    QLabel *m_totals = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_discardButton = nullptr;
};

} // namespace Recup
