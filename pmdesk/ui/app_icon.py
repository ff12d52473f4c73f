"""How the desktop knows pmdesk: its icon (resources/icons, see packaging/render_icons.py) and id."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QPixmap

from pmdesk.resource_files import resource

#: the desktop entry's name without ".desktop", and the AppStream id (packaging/linux)
DESKTOP_ID = "org.pmdesk.pmdesk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """Every size, so Qt never has to scale a small one up for a task bar or a dock."""
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap()
        # From bytes, not a path: the resources may sit in a zip or a bundle.
        if pixmap.loadFromData(resource("icons", f"pmdesk-{size}.png").read_bytes()):
            icon.addPixmap(pixmap)
    return icon
