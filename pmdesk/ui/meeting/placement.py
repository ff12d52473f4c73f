"""Where the two meeting windows go: the audience view on a screen the console is not on.

With two or more screens (a laptop and a projector in "extend" mode) the audience
view goes full screen on the biggest screen other than the console's. With one
screen (or a mirrored projector) it is a normal window next to the console, to be
dragged to the projector and made full screen with F11.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


def console_screen_index(screens: Sequence[QRect], point: QPoint) -> int:
    """The screen that holds `point` (the main window's centre); the first one otherwise."""
    for i, geometry in enumerate(screens):
        if geometry.contains(point):
            return i
    return 0


def audience_screen_index(screens: Sequence[QRect], console: int) -> int | None:
    """The screen for the audience view, or None when there is no other screen."""
    others = [i for i in range(len(screens)) if i != console]
    if not others:
        return None
    # A projector is usually the bigger picture; ties go to the screen listed first.
    return max(others, key=lambda i: (screens[i].width() * screens[i].height(), -i))


def place_windows(console: QWidget, audience: QWidget, anchor: QPoint) -> QScreen | None:
    """Show both windows; returns the screen the audience view went full screen on, if any."""
    screens = QGuiApplication.screens()
    geometries = [s.geometry() for s in screens]
    home = screens[console_screen_index(geometries, anchor)] if screens else None
    target = audience_screen_index(geometries, screens.index(home)) if home else None

    if home is not None:
        space = home.availableGeometry()
        console.resize(min(1280, space.width() - 40), min(800, space.height() - 60))
        console.move(space.center() - console.rect().center())
    if target is not None:
        screen = screens[target]
        audience.setGeometry(screen.geometry())
        audience.show()
        audience.windowHandle().setScreen(screen)
        audience.showFullScreen()
    else:
        if home is not None:
            space = home.availableGeometry()
            audience.resize(min(1280, space.width() * 2 // 3), min(720, space.height() * 2 // 3))
            audience.move(space.topLeft() + QPoint(24, 24))
        audience.show()
    console.show()
    console.raise_()
    console.activateWindow()
    return screens[target] if target is not None else None
