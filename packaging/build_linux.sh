#!/usr/bin/env bash
# Build the Linux release of etims-desktop and smoke-test it. One command, from anywhere:
#
#     packaging/build_linux.sh
#
# Needs: python3 (3.11-3.13), binutils (objdump, strip), dpkg (dpkg-deb, dpkg -S) and the X11 libraries
# Qt's xcb plugin links (see docs/BUILD.md). Optional: xvfb-run (also tests the windowed
# executable on a real X server), gnome-keyring (tests a real Secret Service). Uses .venv like dev.py
# does (creates it if missing) and installs the app with its `build` extra (PyInstaller) into it.
#
# Produces, in dist/:
#   etims-desktop/                                  the onedir bundle (etims-desktop, etims-desktop-cli, _internal/)
#   etims-desktop-<version>-linux-x86_64.tar.gz     that bundle, for any distribution with glibc >= the build's
#   etims-desktop_<version>_amd64.deb               /opt/etims-desktop, /usr/bin links, menu entry, icons
# then runs `etims-desktop-cli selftest --json` on the bundle and on the unpacked .deb; fails if any check fails.
# Measured on 2 cores: PyInstaller 30-70 s, whole script 3-5 min (mostly xz for the .deb); 151 MB onedir.
#
# Environment: PYTHON (default python3), DEB_MAINTAINER (default below), SKIP_SMOKE=1 to only build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
DEB_MAINTAINER="${DEB_MAINTAINER:-etims-desktop maintainers <maintainers@etims-desktop.invalid>}"
APP_ID="ke.etims.Desktop"
DIST="$ROOT/dist"
WORK="$ROOT/build/linux"

step() { printf '\n==> %s\n' "$*"; }

step "Python environment (.venv)"
[ -x "$PY" ] || "$PYTHON" -m venv "$VENV"
"$PY" -m pip install -q --disable-pip-version-check -e ".[build]"
VERSION="$("$PY" -c 'import etims_desktop; print(etims_desktop.__version__)')"
echo "etims-desktop $VERSION"

step "PyInstaller onedir"
started=$(date +%s)
rm -rf "$DIST/etims-desktop" "$WORK"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK/pyinstaller" packaging/etims-desktop.spec
BUNDLE="$DIST/etims-desktop"
echo "built in $(( $(date +%s) - started )) s; onedir $(du -sh --apparent-size "$BUNDLE" | cut -f1)"

step "tar.gz"
TARBALL="$DIST/etims-desktop-$VERSION-linux-x86_64.tar.gz"
mkdir -p "$WORK/tar"
cp -a "$BUNDLE" "$WORK/tar/etims-desktop-$VERSION"
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$WORK/tar" -czf "$TARBALL" "etims-desktop-$VERSION"
echo "$(du -h "$TARBALL" | cut -f1)  $TARBALL"

step ".deb"
DEBROOT="$WORK/deb/root"
mkdir -p "$DEBROOT/DEBIAN" "$DEBROOT/opt" "$DEBROOT/usr/bin" \
    "$DEBROOT/usr/share/applications" "$DEBROOT/usr/share/metainfo" \
    "$DEBROOT/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$DEBROOT/opt/etims-desktop"
ln -s /opt/etims-desktop/etims-desktop "$DEBROOT/usr/bin/etims-desktop"
ln -s /opt/etims-desktop/etims-desktop-cli "$DEBROOT/usr/bin/etims-desktop-cli"
install -m 0644 "packaging/linux/$APP_ID.desktop" "$DEBROOT/usr/share/applications/"
install -m 0644 "packaging/linux/$APP_ID.metainfo.xml" "$DEBROOT/usr/share/metainfo/"
install -m 0644 etims_desktop/resources/icons/etims-desktop.svg "$DEBROOT/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
for png in etims_desktop/resources/icons/hicolor/*/apps/"$APP_ID".png; do
    size_dir="$(basename "$(dirname "$(dirname "$png")")")"
    install -D -m 0644 "$png" "$DEBROOT/usr/share/icons/hicolor/$size_dir/apps/$APP_ID.png"
done

# What the bundle still takes from the system (glibc, libGL, libxcb, libcups; Wayland libs recommended).
DEPS="$("$PY" packaging/linux/deb_depends.py "$BUNDLE")"
cat > "$DEBROOT/DEBIAN/control" <<EOF
Package: etims-desktop
Version: $VERSION
Architecture: amd64
Maintainer: $DEB_MAINTAINER
Installed-Size: $(du -sk --apparent-size "$DEBROOT" | cut -f1)
$DEPS
Suggests: gnome-keyring
Section: misc
Priority: optional
Description: honest KRA eTIMS sync for Kenyan shops
 Shows every KRA eTIMS device (OSCU and VSCU) in one window with its live KRA
 status and pending sales, and reports what really reached KRA on every sync.
 Sales wait safely in a local database while offline; CMC keys stay in the
 system keyring. Includes a practice KRA for trying everything safely.
EOF
DEB="$DIST/etims-desktop_${VERSION}_amd64.deb"
dpkg-deb --build --root-owner-group -Zxz "$DEBROOT" "$DEB" >/dev/null
echo "$(du -h "$DEB" | cut -f1)  $DEB"
echo "$DEPS"

if [ "${SKIP_SMOKE:-}" = 1 ]; then exit 0; fi

step "Smoke test: the bundle"
smoke() {  # smoke <label> <command...>: run selftest --json, print a summary, fail unless every check passed
    local label="$1"; shift
    local out="$WORK/selftest-$label.json"
    if ! "$@" selftest --json >"$out" 2>"$WORK/selftest-$label.err"; then
        cat "$out" "$WORK/selftest-$label.err" >&2
        echo "FAILED: selftest ($label)" >&2
        return 1
    fi
    "$PY" - "$out" "$label" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["ok"] and report["frozen"], report
if sys.argv[2] == "secret-service":
    assert report["keyring_write"].startswith("saved"), report["keyring_write"]
print(f"{sys.argv[2]}: ok - {report['version']}, Qt {report['qt']['qt']} on {report['qt']['platform_plugin']}, "
      f"keyring {report['keyring']['name']}, database {report['database'] if isinstance(report['database'], str) else report['database']['revision']}, "
      f"window {report['window']}, keyring write: {report['keyring_write']}")
EOF
}
QT_QPA_PLATFORM=offscreen smoke offscreen "$BUNDLE/etims-desktop-cli"
if command -v xvfb-run >/dev/null; then  # the windowed executable on a real X server (xcb plugin)
    smoke xcb env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1280x800x24" "$BUNDLE/etims-desktop"
fi

if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    # a real Secret Service: GNOME Keyring in a private D-Bus session, with a new keyring in a throwaway home
    mkdir -p "$WORK/keyring-home"
    HOME="$WORK/keyring-home" QT_QPA_PLATFORM=offscreen smoke secret-service dbus-run-session -- sh -c \
        'echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@" --keyring-write' \
        sh "$BUNDLE/etims-desktop-cli"
fi

step "Smoke test: the .deb, unpacked, started through a symlink like /usr/bin/etims-desktop-cli"
rm -rf "$WORK/deb-unpacked"
dpkg-deb -x "$DEB" "$WORK/deb-unpacked"
ln -s "$WORK/deb-unpacked/opt/etims-desktop/etims-desktop-cli" "$WORK/etims-desktop-cli-link"
QT_QPA_PLATFORM=offscreen smoke deb "$WORK/etims-desktop-cli-link"

step "Done"
ls -la "$DIST"
