"""Preferences: the choices kept in settings.json, edited without opening the file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pmdesk.errors import PmdeskError
from pmdesk.settings import PAGE_SIZES, THEMES, Settings, load_settings, save_settings


class PreferencesDialog(QDialog):
    """Paper size, holidays, meeting-mode options; OK saves, Cancel keeps the file as it was."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(460)
        try:
            settings = load_settings()
            self.warning = ""
        except PmdeskError as exc:  # a hand-edited file with a mistake: start from the defaults
            settings = Settings()
            self.warning = f"{exc}. Saving replaces it with the values below."

        self.page_size = QComboBox(objectName="page_size")
        self.page_size.addItems(PAGE_SIZES)
        self.page_size.setCurrentText(settings.page_size)
        self.open_pdf = QCheckBox("Open the PDF after exporting it", objectName="open_pdf")
        self.open_pdf.setChecked(settings.open_pdf_after_export)
        self.holidays = QPlainTextEdit(objectName="holidays")
        self.holidays.setPlaceholderText("2026-12-25\n2026-12-26")
        self.holidays.setPlainText("\n".join(d.isoformat() for d in settings.holidays))
        self.holidays.setTabChangesFocus(True)
        self.holidays.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        self.theme = QComboBox(objectName="meeting_theme")
        for theme in THEMES:
            self.theme.addItem(theme.capitalize(), theme)
        self.theme.setCurrentIndex(self.theme.findData(settings.meeting_theme))
        self.flags_on_projector = QCheckBox(
            "Show blame flags on the projector too", objectName="flags_on_projector"
        )
        self.flags_on_projector.setChecked(settings.show_flags_on_projector)
        self._first_run_tip_shown = settings.first_run_tip_shown

        hint = QLabel(
            "Business days are Monday to Friday, minus these days (one date a line, "
            "YYYY-MM-DD). They move the schedule, the follow-ups and the metrics."
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        self.error = QLabel(objectName="preferencesError", wordWrap=True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setText(self.warning)

        form = QFormLayout()
        form.addRow("&Paper size (PDF)", self.page_size)
        form.addRow("", self.open_pdf)
        form.addRow("&Holidays", self.holidays)
        form.addRow("", hint)
        form.addRow("Meeting &theme", self.theme)
        form.addRow("", self.flags_on_projector)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def settings(self) -> Settings:
        """What the dialog shows; PmdeskError (one line) when a holiday is not a date."""
        lines = [line.strip() for line in self.holidays.toPlainText().splitlines()]
        return Settings(
            page_size=self.page_size.currentText(),
            holidays=[line for line in lines if line],  # type: ignore[misc]
            show_flags_on_projector=self.flags_on_projector.isChecked(),
            meeting_theme=self.theme.currentData(),
            open_pdf_after_export=self.open_pdf.isChecked(),
            first_run_tip_shown=self._first_run_tip_shown,
        )

    def accept(self) -> None:
        try:
            save_settings(self.settings())
        except PmdeskError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
