"""What a newcomer sees before any device exists: add a real device, or try practice mode first."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from etims_desktop.ui.common.icons import icon


class EmptyState(QWidget):
    practice_requested = Signal()
    add_device_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("No eTIMS device yet"))
        title.setStyleSheet("font-size:20px; font-weight:bold;")
        text = QLabel(
            self.tr(
                "Add the device KRA approved for your shop, or try everything safely first in practice mode: "
                "it starts a practice KRA inside this app with one OSCU and one VSCU device, so you can record "
                "sales, press Sync and watch what happens. Nothing goes to the real KRA."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setFixedWidth(560)
        text.setMinimumHeight(text.heightForWidth(560))  # all lines, not a clipped middle
        self.practice_button = QPushButton(icon("practice"), self.tr("Try practice mode"))
        self.practice_button.setIconSize(QSize(22, 22))
        self.practice_button.setMinimumHeight(40)
        self.practice_button.clicked.connect(self.practice_requested)
        self.add_button = QPushButton(icon("device-add"), self.tr("Add my eTIMS device…"))
        self.add_button.setIconSize(QSize(22, 22))
        self.add_button.setMinimumHeight(40)
        self.add_button.clicked.connect(self.add_device_requested)
        self.practice_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.practice_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        logo = QLabel()
        logo.setPixmap(icon("devices").pixmap(64, 64))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(logo)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)
