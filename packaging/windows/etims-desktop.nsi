; Windows installer for etims-desktop: a per-user install, no administrator rights needed.
;
;   makensis /DVERSION=0.1.0 /DVERSION_QUAD=0.1.0.0 packaging\windows\etims-desktop.nsi
;
; Installs the PyInstaller onedir (dist\etims-desktop) into %LOCALAPPDATA%\Programs\etims-desktop, adds a
; Start-menu shortcut and an entry in Settings > Apps (HKCU), and writes an uninstaller. The shop's data
; (%LOCALAPPDATA%\etims-desktop: the database with every sale) is never touched by install or uninstall.
; Optional: /DDIST=<onedir> (default ..\..\dist\etims-desktop), /DOUTDIR=<folder> (default ..\..\dist).

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "Give the version: makensis /DVERSION=x.y.z ..."
!endif
!ifndef VERSION_QUAD
  !define VERSION_QUAD "${VERSION}.0"
!endif
!ifndef DIST
  !define DIST "..\..\dist\etims-desktop"
!endif
!ifndef OUTDIR
  !define OUTDIR "..\..\dist"
!endif

!define APP "etims-desktop"
!define APP_NAME "eTIMS Desktop"
!define PUBLISHER "etims-desktop contributors"
!define MAIN_EXE "etims-desktop.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define SHORTCUT "$SMPROGRAMS\${APP_NAME}.lnk"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTDIR}\${APP}-${VERSION}-windows-x64-setup.exe"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION_QUAD}"
VIAddVersionKey "ProductName" "${APP_NAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP_NAME} ${VERSION} setup"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "LegalCopyright" "MIT licence, ${PUBLISHER}"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "..\..\etims_desktop\resources\icons\etims-desktop.ico"
!define MUI_UNICON "..\..\etims_desktop\resources\icons\etims-desktop.ico"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "This installs ${APP_NAME} ${VERSION} for your Windows user only: no administrator \
  password is needed.$\r$\n$\r$\nYour sales and settings are kept separately and survive updates and \
  uninstalling.$\r$\n$\r$\nIf ${APP_NAME} is open, close it before you continue."
!define MUI_FINISHPAGE_RUN "$INSTDIR\${MAIN_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${APP_NAME} now"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "${APP_NAME} will be removed from this computer. Your sales database, \
  settings and logs in $LOCALAPPDATA\${APP} are kept; delete that folder yourself if you no longer need them."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "${APP_NAME}" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An update replaces the bundle completely: files of an older version must not linger in _internal.
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "${SHORTCUT}" "$INSTDIR\${MAIN_EXE}" "" "$INSTDIR\${MAIN_EXE}" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${MAIN_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  Delete "${SHORTCUT}"
  ; Only what the installer put here: never a recursive delete of $INSTDIR, which the user may have chosen.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\etims-desktop.exe"
  Delete "$INSTDIR\etims-desktop-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
