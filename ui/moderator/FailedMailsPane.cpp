// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/FailedMailsPane.h"

#include "common/Look.h"
#include "common/MessageBar.h"
#include "common/WorkWindow.h"
#include "mail/MailHeaders.h"
#include "moderator/FailedMailsModel.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"
#include "storage/ReadWorker.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace Recup {

namespace {

QPlainTextEdit *readOnlyText(QWidget *parent, const char *objectName)
{
    auto *text = new QPlainTextEdit(parent);
    text->setObjectName(QString::fromLatin1(objectName));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return text;
}

} // namespace

FailedMailsPane::FailedMailsPane(Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
{
    setObjectName(QStringLiteral("failedMailsPane"));
    m_reads = new ReadChannel(db.reader(), this);
    m_model = new FailedMailsModel(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);

    auto *intro = new QLabel(tr("The mail server refused these mails for good. Correct the cause "
                                "(an address, the mail settings), then send them again."),
                             this);
    intro->setObjectName(QStringLiteral("failedMailsIntro"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("failedMailsView"));
    m_view->setAccessibleName(tr("Mails not sent"));
    m_view->setModel(m_model);
    configureView();

    m_emptyState = Look::emptyStateLabel(this, "failedMailsEmptyState");

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_view);
    m_pages->addWidget(m_emptyState);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("failedMailsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_pages);
    m_detailPane = createDetail();
    splitter->addWidget(m_detailPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({820, 400});
    layout->addWidget(splitter, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("failedMailsStatus"));
    m_status->setTextFormat(Qt::PlainText);
    Look::makeSecondary(m_status);
    layout->addWidget(m_status);

    connect(m_sendAgainButton, &QPushButton::clicked, this, &FailedMailsPane::sendAgain);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateState();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (!m_restoring)
            showCurrent();
    });

    // The count in the tab's title stays true while another tab is shown.
    m_autoRefresh = new QTimer(this);
    m_autoRefresh->setInterval(AutoRefreshMs);
    connect(m_autoRefresh, &QTimer::timeout, this, [this] {
        // Not while the window is closed (the catalogue's entry counts then), nor when an
        // idle workstation has closed its connections.
        if (window()->isVisible() && !m_db.isSuspended())
            refresh();
    });
    m_autoRefresh->start();

    updateState();
    refresh();
}

FailedMailsPane::~FailedMailsPane() = default;

bool FailedMailsPane::isLoading() const
{
    return m_reads->isLoading();
}

QWidget *FailedMailsPane::createDetail()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("failedMailDetail"));
    pane->setMinimumWidth(340);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    m_detailSubject = Look::valueLabel(pane, "detailSubject");
    QFont subjectFont = m_detailSubject->font();
    subjectFont.setPointSizeF(subjectFont.pointSizeF() * 1.2);
    subjectFont.setBold(true);
    m_detailSubject->setFont(subjectFont);
    m_detailRecipients = Look::valueLabel(pane, "detailRecipients");
    m_detailFacts = Look::valueLabel(pane, "detailFacts");
    Look::makeSecondary(m_detailFacts);

    auto *errorTitle = new QLabel(tr("The mail server's answer"), pane);
    errorTitle->setObjectName(QStringLiteral("errorTitle"));
    errorTitle->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_detailErrorTitle = errorTitle;
    m_detailError = readOnlyText(pane, "detailError");
    m_detailError->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detailError->setMaximumHeight(110);

    auto *bodyTitle = new QLabel(tr("Text of the mail"), pane);
    bodyTitle->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_detailBody = readOnlyText(pane, "detailBody");

    m_sendAgainButton = new QPushButton(tr("Send again"), pane);
    m_sendAgainButton->setObjectName(QStringLiteral("sendAgainButton"));
    m_sendAgainButton->setIcon(QIcon::fromTheme(QStringLiteral("mail-send"),
                                                style()->standardIcon(QStyle::SP_ArrowForward)));
    m_sendAgainButton->setToolTip(tr("Put the selected mails back in the queue: they are sent "
                                     "at once"));
    m_sendAgainButton->setStyleSheet(
            Look::primaryButtonStyle(palette(), m_sendAgainButton->objectName()));
    auto *actions = new QHBoxLayout;
    actions->addStretch();
    actions->addWidget(m_sendAgainButton);

    layout->addWidget(m_detailSubject);
    layout->addWidget(m_detailRecipients);
    layout->addWidget(m_detailFacts);
    layout->addWidget(errorTitle);
    layout->addWidget(m_detailError);
    layout->addWidget(bodyTitle);
    layout->addWidget(m_detailBody, 1);
    layout->addLayout(actions);
    return pane;
}

void FailedMailsPane::configureView()
{
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setSortingEnabled(false); // newest first, by the database
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    // The subject and the server's answer share what the other columns leave.
    header->setSectionResizeMode(FailedMailsModel::SubjectColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(FailedMailsModel::ErrorColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(FailedMailsModel::AttemptsColumn, QHeaderView::ResizeToContents);
    header->resizeSection(FailedMailsModel::WrittenColumn, 120);
    header->resizeSection(FailedMailsModel::KindColumn, 150);
    header->resizeSection(FailedMailsModel::RecipientsColumn, 150);
    header->setMinimumSectionSize(60);
}

bool FailedMailsPane::selectMails(const QList<qint64> &ids)
{
    QItemSelection selection;
    int first = -1;
    bool all = true;
    for (qint64 id : ids) {
        const int row = m_model->rowOfMail(id);
        if (row < 0) {
            all = false;
            continue;
        }
        if (first < 0)
            first = row;
        selection.select(m_model->index(row, 0),
                         m_model->index(row, FailedMailsModel::ColumnCount - 1));
    }
    QItemSelectionModel *selectionModel = m_view->selectionModel();
    if (first >= 0)
        selectionModel->setCurrentIndex(m_model->index(first, FailedMailsModel::SubjectColumn),
                                        QItemSelectionModel::NoUpdate);
    selectionModel->select(selection, QItemSelectionModel::ClearAndSelect);
    showCurrent();
    updateState();
    return all && !ids.isEmpty();
}

QList<qint64> FailedMailsPane::selectedMailIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        // A refused mail never goes out: it does not follow from an action (MailProvenance).
        if (const FailedMailsModel::Entry *entry = m_model->entry(index.row());
            entry && !entry->mail.isRefused())
            ids.append(entry->mail.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

void FailedMailsPane::refresh()
{
    Database *db = &m_db;
    m_reads->request<QList<OutboxMail>>(
            [db] { return OutboxRepository(*db).failures(); },
            [this](const Result<QList<OutboxMail>> &failures) {
                if (!failures) {
                    m_loadFailed = true;
                    m_messageBar->showMessage(MessageBar::Kind::Error,
                                              tr("The mails not sent could not be read. %1")
                                                      .arg(failures.error().message),
                                              failures.error().detail,
                                              [this] { refresh(); });
                    updateState();
                    emit refreshed();
                    return;
                }
                m_loadFailed = false;
                WorkWindow::resetKeepingView(
                        m_view, m_restoring, [&] { m_model->setMails(*failures); });
                if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
                    m_view->setCurrentIndex(m_model->index(0, FailedMailsModel::SubjectColumn));
                const bool changed = m_count != m_model->rowCount();
                m_count = m_model->rowCount();
                showCurrent(); // the attempts and the server's answer may have changed
                updateState();
                emit refreshed();
                if (changed)
                    emit failureCountChanged(m_count);
            });
}

void FailedMailsPane::showCurrent()
{
    const FailedMailsModel::Entry *entry = m_model->entry(m_view->currentIndex().row());
    if (!entry) {
        m_detailSubject->setText(m_model->rowCount() > 0 ? tr("Select a mail to see it in full.")
                                                         : QString());
        m_detailRecipients->clear();
        m_detailFacts->clear();
        m_detailError->clear();
        m_detailBody->clear();
        return;
    }
    const OutboxMail &mail = entry->mail;
    m_detailSubject->setText(entry->subject.isEmpty() ? tr("(no subject)") : entry->subject);
    QStringList recipients;
    if (!entry->to.isEmpty())
        recipients.append(tr("To: %1").arg(entry->to));
    if (!entry->cc.isEmpty())
        recipients.append(tr("Cc: %1").arg(entry->cc));
    if (recipients.isEmpty())
        recipients.append(tr("To: %1").arg(mail.recipients.join(QLatin1String(", "))));
    m_detailRecipients->setText(recipients.join(u'\n'));
    // A refused mail never met a server: the platform would not send it.
    m_detailErrorTitle->setText(mail.isRefused() ? tr("Why it is not sent")
                                                 : tr("The mail server's answer"));
    if (mail.isRefused())
        m_detailFacts->setText(tr("%1, written on %2. Refused: it will never be sent.")
                                       .arg(FailedMailsModel::kindText(mail.kind),
                                            FailedMailsModel::writtenText(mail.createdAt)));
    else
        m_detailFacts->setText(tr("%1, written on %2. Attempts: %3.")
                                       .arg(FailedMailsModel::kindText(mail.kind),
                                            FailedMailsModel::writtenText(mail.createdAt),
                                            QLocale().toString(mail.attempts)));
    m_detailError->setPlainText(mail.lastError.isEmpty() ? tr("The server gave no reason.")
                                                         : mail.lastError);
    QString text = MailHeaders::plainTextBody(mail.rfc5322);
    if (text.size() > BodyPreviewChars)
        text = text.left(BodyPreviewChars) + u'…';
    m_detailBody->setPlainText(text);
}

void FailedMailsPane::updateState()
{
    const bool empty = m_model->rowCount() == 0;
    m_pages->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyState) : m_view);
    m_detailPane->setVisible(!empty);
    if (m_loadFailed && empty)
        m_emptyState->setText(tr("The list of mails not sent could not be read."));
    else if (m_count < 0) // not read yet: nothing is known
        m_emptyState->setText(tr("Loading…"));
    else
        m_emptyState->setText(tr("Nothing is waiting: every mail was sent or is on its way."));
    const bool canSend = !m_loadFailed && !selectedMailIds().isEmpty();
    m_sendAgainButton->setEnabled(canSend);
    if (m_loadFailed)
        m_status->setText(tr("The list shown may be out of date."));
    else if (empty)
        m_status->clear();
    else
        m_status->setText(tr("The newest mail is at the top. Select several with Ctrl or Shift "
                             "to send them again together."));
}

void FailedMailsPane::sendAgain()
{
    const QList<qint64> ids = selectedMailIds();
    if (ids.isEmpty())
        return;
    OutboxRepository outbox(m_db);
    int queued = 0;
    int gone = 0; // sent again or handled by someone else meanwhile
    std::optional<Error> failure;
    for (qint64 id : ids) {
        const Status status = outbox.retry(id);
        if (status) {
            ++queued;
        } else if (status.error().kind == Error::Kind::NotFound) {
            ++gone;
        } else {
            failure = status.error();
            break; // the database is in trouble: no point in trying the others
        }
    }
    if (failure) {
        m_messageBar->showMessage(
                MessageBar::Kind::Error,
                tr("The mails could not be queued again. %1").arg(failure->message),
                failure->detail);
    } else if (gone > 0) {
        QString text;
        if (queued == 0 && ids.size() == 1)
            text = tr("This mail had already been sent again by someone else.");
        else if (queued == 0)
            text = tr("These mails had already been sent again by someone else.");
        else if (queued == 1)
            text = tr("One mail is queued again; the others had already been sent again by "
                      "someone else.");
        else
            text = tr("%1 mails are queued again; the others had already been sent again by "
                      "someone else.")
                           .arg(queued);
        m_messageBar->showMessage(MessageBar::Kind::Warning, text);
    } else if (queued == 1) {
        m_messageBar->showMessage(MessageBar::Kind::Information,
                                  tr("The mail is queued again: it is being sent."));
    } else {
        m_messageBar->showMessage(
                MessageBar::Kind::Information,
                tr("%1 mails are queued again: they are being sent.").arg(queued));
    }
    if (queued > 0)
        emit retryRequested();
    // The list as it is now, even after an error: some mails may have been queued.
    refresh();
}

} // namespace Recup
