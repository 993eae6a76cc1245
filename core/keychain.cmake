# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
# The operating system's password safe (Secret Service, KWallet, Windows Credential Manager,
# macOS Keychain) through QtKeychain, for settings/PasswordStore. Debian: qtkeychain-qt6-dev.
find_package(Qt6Keychain REQUIRED)
# Imported targets are local to this folder; the ui and the tests link recup_core from theirs.
set_target_properties(qt6keychain PROPERTIES IMPORTED_GLOBAL TRUE)
target_link_libraries(recup_core PUBLIC qt6keychain)
