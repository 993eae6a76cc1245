# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
# The include directions of docs/ARCHITECTURE.md ("The layers"): each folder of core/ and ui/
# may include only the folders listed for it, so that no two folders include each other and
# no window set includes another's headers.
# Run by CTest: cmake -DRECUP_SOURCE_DIR=<repository> -P check_layers.cmake
cmake_minimum_required(VERSION 3.21)
if(NOT RECUP_SOURCE_DIR)
    message(FATAL_ERROR "RECUP_SOURCE_DIR is not set")
endif()

# core/<folder>: the folders of core/ it may include.
set(allowed_core_domain "")
set(allowed_core_lifecycle domain)
set(allowed_core_media "")
set(allowed_core_drafts domain)
set(allowed_core_i18n "")
set(allowed_core_storage domain lifecycle)
set(allowed_core_settings storage)
set(allowed_core_mail domain settings)
set(allowed_core_actions domain lifecycle storage mail settings)
# demo/ writes what people do through the actions they would take (contact requests with their
# mails, approvals with their alerts), as the app does: above actions/, below admin/.
set(allowed_core_demo domain lifecycle media storage mail actions)
# reports/: the figures, read through storage/, and the documents made of them.
set(allowed_core_reports domain storage)
set(allowed_core_admin domain lifecycle media storage mail settings actions demo i18n reports)
# ui/<folder>: common/ and the whole core; a window set never includes another one.
set(core_folders domain lifecycle media drafts i18n storage settings mail actions demo reports)
set(allowed_ui_common ${core_folders})
set(allowed_ui_agent common ${core_folders})
set(allowed_ui_moderator common ${core_folders})
set(allowed_ui_logistics common ${core_folders})
# Statements (QSqlQuery) are written in core/storage/ only (and by the admin commands, which
# manage roles); core/actions/ may hold a connection for a Transaction and read its error;
# the others, and all of ui/, use no Qt SQL header at all.
set(no_qt_sql core_domain core_lifecycle core_media core_drafts core_i18n core_mail core_settings core_demo
    core_reports ui_common ui_agent ui_moderator ui_logistics)
set(no_queries core_actions)

set(failures "")
foreach(library IN ITEMS core ui)
    file(GLOB folders RELATIVE ${RECUP_SOURCE_DIR}/${library} ${RECUP_SOURCE_DIR}/${library}/*)
    foreach(folder IN LISTS folders)
        if(NOT IS_DIRECTORY ${RECUP_SOURCE_DIR}/${library}/${folder})
            continue()
        endif()
        set(key ${library}_${folder})
        if(NOT DEFINED allowed_${key})
            list(APPEND failures "${library}/${folder}/ has no row in tests/check_layers.cmake")
            continue()
        endif()
        file(GLOB_RECURSE sources ${RECUP_SOURCE_DIR}/${library}/${folder}/*.h
             ${RECUP_SOURCE_DIR}/${library}/${folder}/*.cpp)
        foreach(source IN LISTS sources)
            file(RELATIVE_PATH shown ${RECUP_SOURCE_DIR} ${source})
            file(STRINGS ${source} includes REGEX "^#include [\"<]")
            foreach(line IN LISTS includes)
                if(line MATCHES "^#include \"([a-z0-9]+)/")
                    set(used ${CMAKE_MATCH_1})
                    if(NOT used STREQUAL folder AND NOT used IN_LIST allowed_${key})
                        list(JOIN allowed_${key} ", " allowed)
                        list(APPEND failures
                             "${shown}: ${line} (${library}/${folder}/ may include: ${allowed})")
                    endif()
                elseif(line MATCHES "^#include <QSql" AND key IN_LIST no_qt_sql)
                    list(APPEND failures "${shown}: ${line} (SQL belongs in core/storage/)")
                elseif(line MATCHES "^#include <QSqlQuery" AND key IN_LIST no_queries)
                    list(APPEND failures "${shown}: ${line} (SQL belongs in core/storage/)")
                endif()
            endforeach()
        endforeach()
    endforeach()
endforeach()

if(failures)
    list(JOIN failures "\n  " text)
    message(FATAL_ERROR "Includes against the layers:\n  ${text}")
endif()
message(STATUS "core/ and ui/ layers: every include goes downwards")
