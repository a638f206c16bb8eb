#!/usr/bin/env python3
"""Render every app icon from the one SVG master, with QtSvg only (no extra tools).

    .venv/bin/python packaging/render_icons.py

Writes, next to the master etims_desktop/resources/icons/etims-desktop.svg:
  hicolor/<N>x<N>/apps/ke.etims.Desktop.png   for the freedesktop icon theme (Linux menus, .deb)
  etims-desktop.ico                           for the Windows executables and installer
  etims-desktop-256.png                       a plain PNG for window icons and docs
Run it again whenever the SVG changes and commit the results (a test checks they match).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "etims_desktop" / "resources" / "icons"
MASTER = ICONS / "etims-desktop.svg"
ICON_NAME = "ke.etims.Desktop"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def hicolor_path(size: int, root: Path = ICONS) -> Path:
    """Where the PNG of one size lives in the bundled freedesktop icon tree."""
    return root / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"


def render(size: int, master: Path = MASTER):
    """The master drawn into a transparent size x size QImage."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(master))
    if not renderer.isValid():
        raise SystemExit(f"{master} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG-compressed images (supported since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts and image plugins
    pngs = {size: png_bytes(render(size)) for size in sorted(set(HICOLOR_SIZES) | set(ICO_SIZES))}
    for size in HICOLOR_SIZES:
        target = hicolor_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    (ICONS / "etims-desktop.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "etims-desktop-256.png").write_bytes(pngs[256])
    print(f"Rendered {len(HICOLOR_SIZES)} hicolor PNGs and etims-desktop.ico from {MASTER.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
