// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace Recup {

// The band across the top of a work window (moderation, my ads, mails not sent): its name,
// one sentence on what it is for, a count badge, what the window adds to row() (a filter),
// who is signed in, then Refresh with the time of the last reading below it.
class WindowHeader : public QFrame
{
    Q_OBJECT
public:
    // The count badge is named `countName`, for tests and accessibility.
    WindowHeader(const QString &title,
                 const QString &tagline,
                 const QString &countName,
                 QWidget *parent = nullptr);

    QLabel *countLabel() const { return m_count; }
    QHBoxLayout *row() const { return m_row; }

    // "Marie Dupont — moderator", after what row() holds.
    void addSignedIn(const QString &text);
    // The Refresh button (object name refreshButton) with the "updated at" line below it.
    QPushButton *addRefresh(const QString &toolTip);
    QPushButton *refreshButton() const { return m_refresh; }

    // "Loading…" in place of the time while a reading is under way.
    void setLoading(bool loading);
    // "Updated at 14:05", after a reading.
    void setUpdatedNow();
    QString updatedText() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    QHBoxLayout *m_row = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_tagline = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_who = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_updated = nullptr;
    QString m_updatedAt;
    QString m_appliedPalette; // the colours the style sheets were made from
};

} // namespace Recup
