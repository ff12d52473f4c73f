"""The window draws CJK text and signs such as ⓘ with the fonts pmdesk ships."""

from PySide6.QtGui import QFont, QFontMetrics

from pmdesk.ui.app import application


def test_the_window_font_falls_back_to_fonts_that_have_cjk_and_symbols(qtbot):
    app = application()
    family = app.font().family()
    chain = [family, *QFont.substitutes(family)]  # Qt keeps substitutes in lower case
    assert {"droid sans fallback", "symbola"} <= {f.lower() for f in chain}
    for char in "ⓘ王小明✓":
        assert any(QFontMetrics(QFont(f)).inFontUcs4(ord(char)) for f in chain), char


def test_latin_text_keeps_the_desktop_font(qtbot):
    from PySide6.QtGui import QFontInfo

    app = application()
    # the fallbacks fill gaps only: Symbola would draw every Latin letter with serifs
    assert QFontInfo(app.font()).family() not in ("Symbola", "Droid Sans Fallback")
