"""How the desktop knows pmdesk: its icon (resources/icons, see packaging/render_icons.py) and id."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

from pmdesk.resource_files import resource

#: the desktop entry's name without ".desktop", and the AppStream id (packaging/linux)
DESKTOP_ID = "org.pmdesk.pmdesk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """Every size, so Qt never has to scale a small one up for a task bar or a dock."""
    icon = QIcon()
    for size in ICON_SIZES:
        png = resource("icons", f"pmdesk-{size}.png")
        if isinstance(png, Path):
            # A file: Qt reads only its header now, and decodes the sizes a window shows when
            # it shows them (all eight decoded took 10-15 ms of every start).
            icon.addFile(str(png), QSize(size, size))
            continue
        pixmap = QPixmap()  # in a zip (no path): from its bytes
        if pixmap.loadFromData(png.read_bytes()):
            icon.addPixmap(pixmap)
    return icon
