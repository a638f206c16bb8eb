"""Small shared widgets: the PRACTICE badge, messages under fields, notice banners."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QWidget

from etims_desktop.ui.common.icons import icon

PRACTICE_COLOR = "#6A1B9A"
FRAME_ROOM = QSize(16, 48)  # the window manager's title bar and borders around a window
STYLES = {
    "info": ("#E3F2FD", "#1565C0", "status-busy"),
    "ok": ("#E8F5E9", "#2E7D32", "status-online"),
    "warn": ("#FFF3E0", "#E65100", "status-warning"),
    "error": ("#FFEBEE", "#B71C1C", "status-offline"),
}


class PracticeBadge(QLabel):
    """The purple PRACTICE mark on everything that belongs to the built-in practice KRA."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("PRACTICE"), parent)
        self.setToolTip(
            self.tr("Practice device: it talks to the built-in practice KRA, never to the real one.")
        )
        self.setStyleSheet(
            f"background:{PRACTICE_COLOR}; color:white; font-weight:bold; border-radius:4px; padding:1px 6px;"
        )


class FieldMessage(QLabel):
    """The plain message under an input; empty (and hidden) while the input is fine."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color:#B71C1C;")
        self.hide()

    def say(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))


class Banner(QFrame):
    """A coloured box with an icon and a few sentences: info, ok, warn or error."""

    def __init__(self, kind: str = "info", text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon_label = QLabel()
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setOpenExternalLinks(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.label, 1)
        self.kind = kind
        self.show_message(kind, text)

    def show_message(self, kind: str, text: str) -> None:
        self.kind = kind
        background, border, icon_name = STYLES[kind]
        self.setStyleSheet(
            f"Banner {{ background:{background}; border:1px solid {border}; border-radius:4px; }}"
            f" QLabel {{ color:#212121; background:transparent; border:none; }}"
        )
        self.icon_label.setPixmap(icon(icon_name).pixmap(20, 20))
        self.label.setText(text)
        self.setVisible(bool(text))

    def text(self) -> str:
        return self.label.text()

    def clear(self) -> None:
        self.label.clear()
        self.hide()


def screen_room(widget: QWidget) -> QSize:
    """The largest window size that fits the screen's free area (1366x768 is 683x384 at 200 %)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry().size()
    return QSize(max(200, area.width() - FRAME_ROOM.width()), max(150, area.height() - FRAME_ROOM.height()))


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Open `window` at the size it wants, but never bigger than the screen: its buttons must stay
    in view on a 1366x768 laptop and at 200 % scaling."""
    room = screen_room(window)
    window.setMinimumSize(window.minimumSize().boundedTo(room))
    window.resize(QSize(width, height).boundedTo(room))


def scrollable(content: QWidget) -> QScrollArea:
    """`content` in a frameless scroll area: on a small screen it scrolls instead of being squashed."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area
