// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QTextStream>

namespace Recup::AdminOutput {

// The exit codes of collectiv-recup-admin.
enum ExitCode { Success = 0, Usage = 1, Failure = 2 };

QTextStream &out();
QTextStream &err();
// One line on stderr, whatever the message repeats of what was typed: a line break or an
// escape sequence given as an argument is shown as U+FFFD, never obeyed by the terminal.
void printError(const QString &line);
// Prints the error (and its detail) and returns Failure.
int fail(const Error &error);
// Prints the message and returns Usage.
int usage(const QString &message);

} // namespace Recup::AdminOutput
