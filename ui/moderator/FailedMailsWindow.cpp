// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/FailedMailsWindow.h"

#include "common/MessageBar.h"
#include "common/WindowHeader.h"
#include "mail/MailHeaders.h"
#include "moderator/FailedMailsModel.h"
#include "storage/OutboxRepository.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
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

QLabel *valueLabel(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::PlainText); // subjects and server answers are never markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QPlainTextEdit *readOnlyText(QWidget *parent, const char *objectName)
{
    auto *text = new QPlainTextEdit(parent);
    text->setObjectName(QString::fromLatin1(objectName));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return text;
}

} // namespace

FailedMailsWindow::FailedMailsWindow(Database &db, const Agent &moderator, QWidget *parent)
    : QMainWindow(parent)
    , m_db(db)
{
    setObjectName(QStringLiteral("failedMailsWindow"));
    setWindowTitle(tr("Mails not sent — Collectiv'Récup"));

    m_model = new FailedMailsModel(this);

    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(createHeader(moderator));

    auto *body = new QWidget(central);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->setSpacing(8);

    m_messageBar = new MessageBar(body);
    layout->addWidget(m_messageBar);

    m_view = new QTableView(body);
    m_view->setObjectName(QStringLiteral("failedMailsView"));
    m_view->setModel(m_model);
    configureView();

    m_emptyState = new QLabel(body);
    m_emptyState->setObjectName(QStringLiteral("failedMailsEmptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setMargin(24);
    m_emptyState->setFrameShape(QFrame::StyledPanel);
    m_emptyState->setAutoFillBackground(true);
    m_emptyState->setBackgroundRole(QPalette::Base);
    m_emptyState->setStyleSheet(QStringLiteral("color: #4b5563; font-size: 11pt;"));

    m_pages = new QStackedWidget(body);
    m_pages->addWidget(m_view);
    m_pages->addWidget(m_emptyState);

    auto *splitter = new QSplitter(Qt::Horizontal, body);
    splitter->setObjectName(QStringLiteral("failedMailsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_pages);
    m_detailPane = createDetail();
    splitter->addWidget(m_detailPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({820, 400});
    layout->addWidget(splitter, 1);

    m_status = new QLabel(body);
    m_status->setObjectName(QStringLiteral("failedMailsStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setStyleSheet(QStringLiteral("color: #4b5563;"));
    layout->addWidget(m_status);
    outer->addWidget(body, 1);
    setCentralWidget(central);

    QMenu *menu = menuBar()->addMenu(tr("&Mails"));
    m_sendAgainAction = menu->addAction(tr("&Send again"));
    connect(m_sendAgainAction, &QAction::triggered, this, &FailedMailsWindow::sendAgain);
    QAction *refreshAction = menu->addAction(tr("&Refresh"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    connect(refreshAction, &QAction::triggered, this, [this] {
        m_messageBar->dismiss();
        refresh();
    });
    menu->addSeparator();
    QAction *close = menu->addAction(tr("&Close"));
    close->setShortcut(QKeySequence::Close);
    connect(close, &QAction::triggered, this, &QWidget::close);
    connect(m_sendAgainButton, &QPushButton::clicked, this, &FailedMailsWindow::sendAgain);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateState();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showCurrent();
    });

    m_autoRefresh = new QTimer(this);
    m_autoRefresh->setObjectName(QStringLiteral("autoRefreshTimer"));
    m_autoRefresh->setInterval(AutoRefreshMs);
    connect(m_autoRefresh, &QTimer::timeout, this, &FailedMailsWindow::refresh);
    m_autoRefresh->start();

    resize(1240, 720);
    refresh();
}

FailedMailsWindow::~FailedMailsWindow() = default;

QWidget *FailedMailsWindow::createHeader(const Agent &moderator)
{
    auto *header
            = new WindowHeader(tr("Mails not sent"),
                               tr("The mail server refused these mails for good. Correct the "
                                  "cause (an address, the mail settings), then send them again."),
                               QStringLiteral("failedMailsCount"),
                               this);
    QHBoxLayout *row = header->row();
    m_countLabel = header->countLabel();

    auto *who = new QLabel(tr("%1 — moderator").arg(moderator.displayName), header);
    who->setObjectName(QStringLiteral("moderatorName"));
    who->setTextFormat(Qt::PlainText);
    who->setStyleSheet(QStringLiteral("color: #1f2328;"));
    row->addWidget(who, 0, Qt::AlignVCenter);

    auto *refreshBox = new QVBoxLayout;
    refreshBox->setSpacing(0);
    m_refreshButton = new QPushButton(tr("Refresh"), header);
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    m_refreshButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refreshButton->setToolTip(tr("Read the list again now (it is also read every minute)"));
    connect(m_refreshButton, &QPushButton::clicked, this, [this] {
        m_messageBar->dismiss();
        refresh();
    });
    m_updatedLabel = new QLabel(header);
    m_updatedLabel->setObjectName(QStringLiteral("updatedAt"));
    m_updatedLabel->setStyleSheet(QStringLiteral("color: #4b5563; font-size: 8pt;"));
    m_updatedLabel->setAlignment(Qt::AlignHCenter);
    refreshBox->addWidget(m_refreshButton);
    refreshBox->addWidget(m_updatedLabel);
    row->addLayout(refreshBox);
    return header;
}

QWidget *FailedMailsWindow::createDetail()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("failedMailDetail"));
    pane->setMinimumWidth(340);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    m_detailSubject = valueLabel(pane, "detailSubject");
    QFont subjectFont = m_detailSubject->font();
    subjectFont.setPointSizeF(subjectFont.pointSizeF() * 1.2);
    subjectFont.setBold(true);
    m_detailSubject->setFont(subjectFont);
    m_detailRecipients = valueLabel(pane, "detailRecipients");
    m_detailFacts = valueLabel(pane, "detailFacts");
    m_detailFacts->setStyleSheet(QStringLiteral("color: #4b5563;"));

    auto *errorTitle = new QLabel(tr("The mail server's answer"), pane);
    errorTitle->setStyleSheet(QStringLiteral("font-weight: bold;"));
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
            QStringLiteral("QPushButton#sendAgainButton { background: #1d6b45; color: white;"
                           " border: 1px solid #15543a; border-radius: 4px; padding: 6px 16px;"
                           " font-weight: bold; }"
                           " QPushButton#sendAgainButton:disabled { background: #9bb8a8; }"
                           " QPushButton#sendAgainButton:hover { background: #17593a; }"));
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

void FailedMailsWindow::configureView()
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

void FailedMailsWindow::setAutoRefreshInterval(int milliseconds)
{
    m_autoRefresh->setInterval(milliseconds);
}

bool FailedMailsWindow::selectMails(const QList<qint64> &ids)
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

QList<qint64> FailedMailsWindow::selectedMailIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids.append(m_model->mailId(index.row()));
    std::sort(ids.begin(), ids.end());
    return ids;
}

void FailedMailsWindow::refresh()
{
    const QList<qint64> selected = selectedMailIds();
    const qint64 current = m_model->mailId(m_view->currentIndex().row());
    const Result<QList<OutboxMail>> failures = OutboxRepository(m_db).failures();
    if (!failures) {
        m_loadFailed = true;
        m_messageBar->showMessage(
                MessageBar::Kind::Error,
                tr("The mails not sent could not be read. %1").arg(failures.error().message),
                failures.error().detail,
                [this] { refresh(); });
        updateState();
        return;
    }
    m_loadFailed = false;
    m_model->setMails(*failures);
    const int currentRow = m_model->rowOfMail(current);
    if (currentRow >= 0)
        m_view->setCurrentIndex(m_model->index(currentRow, FailedMailsModel::SubjectColumn));
    if (!selected.isEmpty())
        selectMails(selected);
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, FailedMailsModel::SubjectColumn));
    m_updatedLabel->setText(
            tr("Updated at %1")
                    .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    const bool changed = m_count != m_model->rowCount();
    m_count = m_model->rowCount();
    showCurrent();
    updateState();
    if (changed)
        emit failureCountChanged(m_count);
}

void FailedMailsWindow::showCurrent()
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

void FailedMailsWindow::updateState()
{
    const bool empty = m_model->rowCount() == 0;
    m_pages->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyState) : m_view);
    m_detailPane->setVisible(!empty);
    if (m_loadFailed && empty)
        m_emptyState->setText(tr("The list of mails not sent could not be read."));
    else
        m_emptyState->setText(tr("Nothing is waiting: every mail was sent or is on its way."));
    const bool canSend = !m_loadFailed && !selectedMailIds().isEmpty();
    m_sendAgainButton->setEnabled(canSend);
    if (m_sendAgainAction)
        m_sendAgainAction->setEnabled(canSend);
    const QString count = m_count < 0 ? QStringLiteral("–") : QLocale().toString(m_count);
    m_countLabel->setText(tr("Not sent: %1").arg(count));
    // Red while something waits, the queue's blue otherwise.
    m_countLabel->setStyleSheet(
            m_count > 0 ? QStringLiteral("background: #fdecea; color: #8c1d18;"
                                         " border: 1px solid #f1b0ab; border-radius: 10px;"
                                         " padding: 3px 12px; font-weight: bold;")
                        : WindowHeader::badgeStyle());
    setWindowTitle(m_count > 0 ? tr("Mails not sent (%1) — Collectiv'Récup").arg(m_count)
                               : tr("Mails not sent — Collectiv'Récup"));
    if (m_loadFailed)
        m_status->setText(tr("The list shown may be out of date."));
    else if (empty)
        m_status->clear();
    else
        m_status->setText(tr("The newest mail is at the top. Select several with Ctrl or Shift "
                             "to send them again together."));
}

void FailedMailsWindow::sendAgain()
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
