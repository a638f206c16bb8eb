"""What the PyInstaller spec leaves out of the bundle, as plain functions the tests can check.

PyInstaller entries are (destination in the bundle, source path, kind) tuples; destinations use the
platform's separator, so every rule works on the "/"-normalised destination.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

# Files the Qt hooks collect that this app never loads: (regex on the bundle path, why).
UNWANTED = [
    (r"Qt/translations/|PySide6/translations/", "Qt's own UI translations (the app ships its own)"),
    (r"/plugins/platforms/(lib)?q(eglfs|linuxfb|minimalegl|vnc|vkkhrdisplay|direct2d)", "unused platforms"),
    (r"/plugins/platformthemes/", "GTK / portal themes: they drag in GTK and break the Fusion look"),
    (r"/plugins/(egldeviceintegrations|generic|qmltooling|designer|sqldrivers)/", "unused plugin types"),
    (r"/plugins/(networkinformation|tls)/", "QtNetwork plugins: httpx does our networking"),
    (
        r"/plugins/xcbglintegrations/|/plugins/wayland-graphics-integration-",
        "OpenGL glue: widgets draw in software",
    ),
    (r"/plugins/imageformats/(lib)?q(icns|pdf|tga|tiff|wbmp|webp|gif)", "image formats we never read"),
    (r"/plugins/platforminputcontexts/(lib)?qtvirtualkeyboard", "virtual keyboard (needs QtQuick)"),
    (
        r"(^|/)(lib)?Qt6(Quick|Qml|Pdf|VirtualKeyboard|WebEngine|3D|Multimedia|Sql|Test|Designer|EglFs)",
        "unused Qt",
    ),
    (r"(^|/)libgtk-3|(^|/)libgdk-3|(^|/)libatk|(^|/)libcairo|(^|/)libpango", "GTK, via the GTK theme"),
    (r"(^|/)(opengl32sw|d3dcompiler_\d+)\.dll$", "Windows software OpenGL and shader compiler (~25 MB)"),
]
UNWANTED_RE = re.compile("|".join(f"(?:{pattern})" for pattern, _why in UNWANTED))

# Left to the system on Linux: every desktop with a printer has libcups, and bundling it would pull in
# gnutls, Kerberos and avahi from the build machine.
SYSTEM_PROVIDED = {"libcups.so.2"}


def destination(entry) -> str:
    return entry[0].replace("\\", "/")


def is_unwanted(dest: str) -> bool:
    return bool(UNWANTED_RE.search(dest.replace("\\", "/")))


def wanted(entries: list) -> list:
    """The entries minus the UNWANTED files."""
    return [entry for entry in entries if not is_unwanted(entry[0])]


def needed(path: str) -> list[str]:
    """The DT_NEEDED names of one ELF file (ldd would list the whole transitive closure instead)."""
    dump = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=True).stdout
    return [line.split()[1] for line in dump.splitlines() if line.strip().startswith("NEEDED")]


def is_shared_library(dest: str, kind: str) -> bool:
    """A library that is only there because something links to it (not a module or a plugin we load)."""
    dest = dest.replace("\\", "/")
    in_library_dir = "/" not in dest or dest.startswith("PySide6/Qt/lib/")
    return kind == "BINARY" and in_library_dir and not Path(dest).name.startswith("libpython")


def linked_only(binaries: list, datas: list) -> tuple[list, list]:
    """Linux: keep a shared library only while something kept still links to it.

    Removing a plugin does not remove what it dragged in (GTK, pango, ...), so follow DT_NEEDED from
    everything that is loaded directly (Python extensions, Qt plugins, native helpers such as
    pycryptodome's) and drop the libraries nobody reaches. SYSTEM_PROVIDED ones are dropped too.
    """
    by_name = {Path(destination(e)).name: e[1] for e in binaries}
    roots = [e for e in binaries if not is_shared_library(e[0], e[2])]
    keep = {Path(destination(e)).name for e in roots}
    todo = [e[1] for e in roots]
    while todo:
        for name in needed(todo.pop()):
            if name in by_name and name not in keep and name not in SYSTEM_PROVIDED:
                keep.add(name)
                todo.append(by_name[name])
    kept = [e for e in binaries if Path(destination(e)).name in keep]
    # top-level symlinks (libQt6Core.so.6 -> PySide6/Qt/lib/...) must not outlive their targets
    datas = [e for e in datas if e[2] != "SYMLINK" or Path(e[1]).name in keep]
    return kept, datas
