# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Windows installer (CPack, NSIS): what it installs and how. Included by
# packaging/CMakeLists.txt on every platform, so that the NSIS script can be generated and
# checked on Linux too (CTest packaging.nsis-script); the install rules that only make sense on
# Windows (windeployqt, libpq and OpenSSL DLLs, the compiler's run-time) are under if(WIN32).
# How to build it on Windows: packaging/windows/README.md.

# --- What the installer carries (Windows build only) ------------------------------------------
if(WIN32)
    # windeployqt copies next to the executables the Qt DLLs they use and their plugins:
    # platforms\qwindows.dll, styles, imageformats (JPEG photos), iconengines, sqldrivers
    # (qsqlpsql.dll, qsqlite.dll), tls (qschannelbackend.dll, qopensslbackend.dll), and the
    # French catalogues of Qt itself (qtbase_fr.qm: buttons of the standard dialogs).
    get_target_property(_recup_qmake Qt6::qmake IMPORTED_LOCATION)
    get_filename_component(_recup_qt_bin "${_recup_qmake}" DIRECTORY)
    find_program(RECUP_WINDEPLOYQT windeployqt HINTS "${_recup_qt_bin}" REQUIRED)
    install(CODE "
        execute_process(
            COMMAND \"${RECUP_WINDEPLOYQT}\" --release --no-compiler-runtime
                    --translations fr,en --no-system-d3d-compiler --no-opengl-sw
                    --dir \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\"
                    \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/collectiv-recup.exe\"
                    \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/collectiv-recup-admin.exe\"
            RESULT_VARIABLE _recup_deploy_result)
        if(NOT _recup_deploy_result EQUAL 0)
            message(FATAL_ERROR \"windeployqt failed: \${_recup_deploy_result}\")
        endif()")

    # qsqlpsql.dll does not load without PostgreSQL's client library and what it links to.
    # RECUP_LIBPQ_DIR: the bin folder of a PostgreSQL 15+ for Windows (EDB's installer, or
    # the zip of binaries), e.g. C:/Program Files/PostgreSQL/16/bin.
    set(RECUP_LIBPQ_DIR "" CACHE PATH "Folder holding libpq.dll and its DLLs (Windows)")
    if(NOT RECUP_LIBPQ_DIR OR NOT EXISTS "${RECUP_LIBPQ_DIR}/libpq.dll")
        message(FATAL_ERROR "Set RECUP_LIBPQ_DIR to the folder that holds libpq.dll "
                            "(see packaging/windows/README.md).")
    endif()
    # libpq 15/16 from EDB: OpenSSL 3 (libssl-3-x64, libcrypto-3-x64), gettext (libintl-9),
    # iconv (libiconv-2), and zlib/lz4/zstd for some builds. Every one present is taken.
    file(GLOB _recup_libpq_dlls
         "${RECUP_LIBPQ_DIR}/libpq.dll" "${RECUP_LIBPQ_DIR}/libssl-*.dll"
         "${RECUP_LIBPQ_DIR}/libcrypto-*.dll" "${RECUP_LIBPQ_DIR}/libintl-*.dll"
         "${RECUP_LIBPQ_DIR}/libiconv-*.dll" "${RECUP_LIBPQ_DIR}/libwinpthread-*.dll"
         "${RECUP_LIBPQ_DIR}/zlib1.dll" "${RECUP_LIBPQ_DIR}/liblz4.dll"
         "${RECUP_LIBPQ_DIR}/libzstd.dll")
    install(FILES ${_recup_libpq_dlls} DESTINATION ${CMAKE_INSTALL_BINDIR})

    # The password safe (QtKeychain, Windows Credential Manager backend).
    if(TARGET Qt6Keychain::Qt6Keychain)
        install(IMPORTED_RUNTIME_ARTIFACTS Qt6Keychain::Qt6Keychain
                RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    endif()

    # The Microsoft C++ run-time (vcruntime140.dll, msvcp140.dll), installed beside the programs.
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
    include(InstallRequiredSystemLibraries)
endif()

# --- How the installer behaves (every platform: the script is checked on Linux) ---------------
set(_recup_ico "${PROJECT_SOURCE_DIR}/resources/icons/fr.collectivrecup.CollectivRecup.ico")
set(CPACK_NSIS_PACKAGE_NAME "Collectiv'Récup")
set(CPACK_NSIS_DISPLAY_NAME "Collectiv'Récup ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON "${_recup_ico}")
set(CPACK_NSIS_MUI_UNIICON "${_recup_ico}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\collectiv-recup.exe")
# One per-machine installation, replaced in place by the next version.
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Collectiv'Récup")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_NSIS_CONTACT "collectiv-recup@example.org")
set(CPACK_NSIS_URL_INFO_ABOUT "https://example.org/collectiv-recup")
set(CPACK_NSIS_PACKAGE_FILE_NAME_SUFFIX "")
set(CPACK_NSIS_UNINSTALL_NAME "Desinstaller")
# A start-menu folder « Collectiv'Récup » with the application's shortcut, for all users.
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_PACKAGE_START_MENU_NAME "Collectiv'Récup")
# Unicode installer (é in the names), FileFunc for the /CONFIG= option, French pages.
set(CPACK_NSIS_DEFINES "Unicode true\n  !include \"FileFunc.nsh\"")
# The site configuration: `setup.exe /S /CONFIG=\\server\share\collectiv-recup.ini` copies the
# IT department's file to C:\ProgramData\collectiv-recup\collectiv-recup.ini, which every
# user's workstation reads (QSettings' system-wide file on Windows). The file of a previous
# installation is kept when /CONFIG= is not given.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS [=[
  ; Site configuration for every user of this computer (see packaging/windows/README.md).
  SetShellVarContext all
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/CONFIG=" $R1
  IfErrors recup_no_site_config 0
    IfFileExists "$R1" 0 recup_site_config_missing
      CreateDirectory "$APPDATA\collectiv-recup"
      CopyFiles /SILENT "$R1" "$APPDATA\collectiv-recup\collectiv-recup.ini"
      Goto recup_no_site_config
  recup_site_config_missing:
    MessageBox MB_OK|MB_ICONEXCLAMATION "Fichier de configuration introuvable : $R1" /SD IDOK
    SetErrorLevel 2
  recup_no_site_config:
]=])
