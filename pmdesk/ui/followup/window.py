"""The follow-through window: dashboard, overdue actions, weekly review and metrics in tabs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from pmdesk.errors import PmdeskError
from pmdesk.models import Store
from pmdesk.ui import colours
from pmdesk.ui.followup.dashboard import ScheduleDashboard
from pmdesk.ui.followup.metrics_view import MetricsView
from pmdesk.ui.followup.overdue_view import OverdueActionsView
from pmdesk.ui.followup.weekly_review import WeeklyReviewView

STYLE = """
QFrame#card { background: palette(base); border: 1px solid palette(midlight); border-radius: 8px; }
QLabel#cardTitle { font-weight: 600; font-size: 11pt; }
QLabel#sectionHeading { font-weight: 600; font-size: 11pt; padding: 4px 0; }
QLabel#muted { color: palette(placeholder-text); }
QLabel#metricValue { font-size: 20pt; font-weight: 600; }
QLabel#tileNumber { font-size: 22pt; font-weight: 600; }
QLabel#tileNumber[state="bad"] { color: %(bad)s; }
QLabel#tileNumber[state="warn"] { color: %(warn)s; }
QLabel#tileNumber[state="good"] { color: %(good)s; }
QLabel#verdict { border-radius: 9px; padding: 2px 10px; font-weight: 600; }
QLabel#verdict[state="met"] { background: #dcefe3; color: #1f5e3a; }
QLabel#verdict[state="missed"] { background: #f8dcd8; color: #8c1d13; }
QLabel#verdict[state="no_data"] { background: palette(midlight); color: palette(text); }
"""


def _settings_holidays() -> list[date]:
    from pmdesk.settings import load_settings

    try:
        return load_settings().holidays
    except PmdeskError:
        return []  # a broken settings file is reported where settings are edited


class FollowThroughWindow(QWidget):
    """Everything after the meeting: is the follow-through happening?"""

    def __init__(
        self,
        store: Store,
        today: Callable[[], date] = date.today,
        holidays: Callable[[], list[date]] = _settings_holidays,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Follow-through — pmdesk")
        self.setObjectName("followThrough")
        # tile numbers in their hue, made readable on the cards (palette base) of this theme
        self.setStyleSheet(
            STYLE
            % {
                state: colours.readable(hue, self.palette().base().color()).name()
                for state, hue in (("bad", "#b3261e"), ("warn", "#9a5b00"), ("good", "#2e7d4f"))
            }
        )
        self.resize(1180, 760)
        self.dashboard = ScheduleDashboard(store, today, holidays)
        self.overdue = OverdueActionsView(store, today)
        self.weekly = WeeklyReviewView(store, today)
        self.metrics = MetricsView(store, today, holidays)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.dashboard, "Dashboard")
        self.tabs.addTab(self.overdue, "Overdue actions")
        self.tabs.addTab(self.weekly, "Weekly review")
        self.tabs.addTab(self.metrics, "Practice metrics")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

        self.overdue.actions_changed.connect(self._actions_changed)
        self.tabs.currentChanged.connect(lambda _: self.tabs.currentWidget().refresh())
        QShortcut(QKeySequence.StandardKey.Refresh, self, activated=self.refresh)

    def refresh(self) -> None:
        """Read the store again in every view (edits may come from the editor or another process)."""
        self.overdue.refresh()
        self._actions_changed()

    def _actions_changed(self) -> None:
        # The overdue list already removed exactly the rows it marked done.
        for view in (self.dashboard, self.weekly, self.metrics):
            view.refresh()
