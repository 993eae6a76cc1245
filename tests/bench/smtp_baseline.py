#!/usr/bin/python3
# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The baseline of recup-bench's relay measure: the simplest sender there is.

Reads a manifest written by recup-bench (one mail a line: FILE <TAB> ENVELOPE-FROM <TAB>
RECIPIENT[,RECIPIENT...]), loads every message into memory, then sends them all with Python's
smtplib over one plain SMTP connection, one after the other, and prints one line:

    sent N mails, B bytes in S seconds

Only the sending is timed (from the connection to the QUIT), not reading the files. Exit 1 when
a message is refused: a baseline that drops mails would measure nothing.
"""

import argparse
import os
import smtplib
import sys
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("manifest")
    args = parser.parse_args()

    base = os.path.dirname(os.path.abspath(args.manifest))
    mails = []
    with open(args.manifest, encoding="utf-8") as manifest:
        for line in manifest:
            line = line.rstrip("\n")
            if not line:
                continue
            name, sender, recipients = line.split("\t")
            with open(os.path.join(base, name), "rb") as f:
                mails.append((f.read(), sender, recipients.split(",")))

    sent = 0
    size = 0
    start = time.perf_counter()
    with smtplib.SMTP(args.host, args.port) as smtp:
        for data, sender, recipients in mails:
            refused = smtp.sendmail(sender, recipients, data)
            if refused:
                print("refused: %r" % refused, file=sys.stderr)
                return 1
            sent += 1
            size += len(data)
    elapsed = time.perf_counter() - start
    print("sent %d mails, %d bytes in %.6f seconds" % (sent, size, elapsed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
