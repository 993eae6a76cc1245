// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSignalSpy>
#include <QTest>

namespace Recup::Testing {

// Work windows read on the session's reading thread: a test waits for what it then checks,
// on the condition itself, never on a fixed sleep.

// True once the window's list and (where it has one) its detail pane are read.
template<typename Window>
bool waitIdle(Window &window, int timeoutMs = 15'000)
{
    return QTest::qWaitFor(
            [&] {
                if constexpr (requires { window.isLoadingDetail(); })
                    return !window.isLoading() && !window.isLoadingDetail();
                else
                    return !window.isLoading();
            },
            timeoutMs);
}

// Reads the list again and waits until it and its detail are on screen.
template<typename Window>
bool refreshAndWait(Window &window, int timeoutMs = 15'000)
{
    QSignalSpy refreshed(&window, &Window::refreshed);
    window.refresh();
    return (refreshed.size() > 0 || refreshed.wait(timeoutMs)) && waitIdle(window, timeoutMs);
}

// Selects a row by id and waits for its detail; false when the row is not in the list.
template<typename Window>
bool selectAndWait(Window &window, qint64 id, int timeoutMs = 15'000)
{
    if (!waitIdle(window, timeoutMs) || !window.selectAd(id))
        return false;
    return waitIdle(window, timeoutMs);
}

} // namespace Recup::Testing
