from datetime import date

from PySide6.QtCore import QTimer

from pmdesk.settings import load_settings, save_settings, settings_path
from pmdesk.ui.preferences_dialog import PreferencesDialog


def test_choices_are_saved_and_only_differences_are_written(qtbot):
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.page_size.setCurrentText("Letter")
    dialog.holidays.setPlainText("2026-12-25\n\n2026-12-24\n")
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.flags_on_projector.setChecked(True)
    dialog.accept()
    assert dialog.result() == PreferencesDialog.DialogCode.Accepted
    saved = load_settings()
    assert saved.page_size == "Letter"
    assert saved.holidays == [date(2026, 12, 24), date(2026, 12, 25)]
    assert (saved.meeting_theme, saved.show_flags_on_projector) == ("dark", True)
    assert "open_pdf_after_export" not in settings_path().read_text()


def test_a_bad_holiday_is_said_and_nothing_is_saved(qtbot):
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.holidays.setPlainText("2026-12-25\nChristmas")
    dialog.accept()
    assert "is not a date" in dialog.error.text()
    assert dialog.result() != PreferencesDialog.DialogCode.Accepted
    assert not settings_path().exists()


def test_keeps_what_the_dialog_does_not_show(qtbot):
    from pmdesk.settings import Settings

    save_settings(Settings(first_run_tip_shown=True))
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.accept()
    assert load_settings().first_run_tip_shown is True


def test_an_unreadable_settings_file_opens_on_the_defaults_and_says_so(qtbot):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("{broken")
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert "not valid" in dialog.error.text()
    assert dialog.page_size.currentText() == "A4"


def test_the_main_window_opens_preferences_from_the_edit_menu(qtbot, window):
    def accept_when_shown():
        dialog = window.findChild(PreferencesDialog)
        dialog.page_size.setCurrentText("Letter")
        dialog.accept()

    QTimer.singleShot(0, accept_when_shown)
    assert window.show_preferences() is True
    assert load_settings().page_size == "Letter"
