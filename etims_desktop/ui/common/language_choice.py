"""Settings > Language: English, Kiswahili, or as this computer is set (takes effect at the next start)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from etims_desktop.app.language import SYSTEM, DisplaySettings


class LanguageChoice(QGroupBox):
    """The language group of the Settings dialog; `save()` writes it to settings.json."""

    def __init__(self, settings_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Language"), parent)
        self.settings_path = settings_path
        self.current = DisplaySettings.load(settings_path)
        self.language = QComboBox()
        self.language.setObjectName("language")
        # Each language names itself, so a person who cannot read the other one still finds theirs.
        self.language.addItem(self.tr("As my computer"), SYSTEM)
        self.language.addItem("English", "en")
        self.language.addItem("Kiswahili", "sw")
        self.language.setCurrentIndex(max(0, self.language.findData(self.current.language)))
        note = QLabel(self.tr("A new language shows after you close the app and open it again."))
        note.setWordWrap(True)
        note.setStyleSheet("color:#616161;")
        form = QFormLayout(self)
        form.addRow(self.tr("Words in the window"), self.language)
        form.addRow(note)

    def chosen(self) -> DisplaySettings:
        return DisplaySettings(language=str(self.language.currentData()))

    def save(self) -> bool:
        """Write the choice; True when it changed (the app shows it after a restart)."""
        chosen = self.chosen()
        if chosen == self.current:
            return False
        chosen.save(self.settings_path)
        self.current = chosen
        return True
