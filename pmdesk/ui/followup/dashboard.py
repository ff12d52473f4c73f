"""The schedule dashboard: overdue action items, late schedule steps, and what is due soon."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import Store
from pmdesk.models.followup import gate_blockers, overdue_actions
from pmdesk.models.schedule import (
    DUE_SOON_BUSINESS_DAYS,
    DueStep,
    business_days_between,
    schedule_dashboard,
)
from pmdesk.ui import colours
from pmdesk.ui.followup.action_model import ActionTableModel
from pmdesk.ui.followup.overdue_view import action_table
from pmdesk.ui.followup.trees import report_tree, say_empty
from pmdesk.ui.plain_text import plain_tip

LATE = QColor("#b3261e")
SOON = QColor("#9a5b00")


class Tile(QFrame):
    """One figure at a glance: a number and what it counts."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.number = QLabel("0")
        self.number.setObjectName("tileNumber")
        self.caption = QLabel(caption)
        self.caption.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def show_value(self, text: str, state: str) -> None:
        self.number.setText(text)
        self.number.setProperty("state", state)
        self.number.style().unpolish(self.number)
        self.number.style().polish(self.number)


def _section(title: str, body: QWidget) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setObjectName("card")
    heading = QLabel(title)
    heading.setObjectName("cardTitle")
    layout = QVBoxLayout(frame)
    layout.addWidget(heading)
    layout.addWidget(body)
    return frame, heading


STEP_COLUMNS = ("Due", "When", "Postmortem", "Sev.", "Step")


class ScheduleDashboard(QWidget):
    """What needs the facilitator's attention today."""

    def __init__(
        self,
        store: Store,
        today: Callable[[], date] = date.today,
        holidays: Callable[[], list[date]] = list,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.holidays = holidays
        self.overdue_tile = Tile("overdue action items")
        self.gate_tile = Tile("deploy gate (overdue high priority)")
        self.late_tile = Tile("late schedule steps")
        self.soon_tile = Tile(f"steps due in {DUE_SOON_BUSINESS_DAYS} business days")
        tiles = QHBoxLayout()
        for tile in (self.overdue_tile, self.gate_tile, self.late_tile, self.soon_tile):
            tiles.addWidget(tile)

        self.actions_model = ActionTableModel(self)
        self.actions = action_table(self.actions_model)
        self.actions.setAccessibleName("Overdue action items")
        # the postmortem's title and the step share the width and wrap, so neither is cut
        self.late = report_tree(STEP_COLUMNS, (2, 4), name="Late steps", decorated=False, wrap=True)
        self.soon = report_tree(STEP_COLUMNS, (2, 4), name="Due soon", decorated=False, wrap=True)
        actions_box, self.actions_heading = _section("Overdue action items", self.actions)
        late_box, self.late_heading = _section("Late", self.late)
        soon_box, self.soon_heading = _section("Due soon", self.soon)
        steps = QSplitter(Qt.Orientation.Horizontal)
        steps.addWidget(late_box)
        steps.addWidget(soon_box)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(actions_box)
        split.addWidget(steps)
        split.setChildrenCollapsible(False)
        split.setSizes([330, 420])
        self.date_label = QLabel()
        self.date_label.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.date_label)
        layout.addLayout(tiles)
        layout.addWidget(split, 1)
        self.refresh()

    def refresh(self) -> None:
        today, holidays = self.today(), self.holidays()
        records = self.store.actions()
        overdue = overdue_actions(records, today)
        blockers = gate_blockers(records, today)
        board = schedule_dashboard(self.store.postmortems(), today, holidays)
        self.date_label.setText(f"As of {today:%A %d %B %Y}")
        self.actions_model.set_rows(overdue)
        self.overdue_tile.show_value(str(len(overdue)), "bad" if overdue else "good")
        self.gate_tile.show_value(
            f"Blocked ({len(blockers)})" if blockers else "Open", "bad" if blockers else "good"
        )
        self.late_tile.show_value(str(len(board.late)), "bad" if board.late else "good")
        self.soon_tile.show_value(str(len(board.due_soon)), "warn" if board.due_soon else "good")
        self._fill(self.late, board.late, today, holidays, LATE)
        self._fill(self.soon, board.due_soon, today, holidays, SOON)
        if not board.late:
            say_empty(self.late, "No postmortem step is late.")
        if not board.due_soon:
            say_empty(self.soon, "Nothing is due in the next few business days.")
        self.actions_heading.setText(f"Overdue action items ({len(overdue)})")
        self.late_heading.setText(f"Late ({len(board.late)})")
        self.soon_heading.setText(f"Due soon ({len(board.due_soon)})")

    @staticmethod
    def _fill(
        tree: QTreeWidget, rows: list[DueStep], today: date, holidays: list[date], hue: QColor
    ) -> None:
        tree.clear()
        brush = QBrush(colours.on_base(hue))
        for row in rows:
            step = row.step
            gap = business_days_between(today, step.due, holidays)
            if gap < 0:
                when = f"{-gap} business day{'s' * (gap != -1)} late"
            elif step.due == today:
                when = "today"
            else:
                when = f"in {gap} business day{'s' * (gap != 1)}"
            item = QTreeWidgetItem(
                [
                    # the year only when it is not this one
                    step.due.strftime("%a %d %b" if step.due.year == today.year else "%a %d %b %Y"),
                    when,
                    row.schedule.title,
                    row.schedule.severity.value,
                    f"Day {step.last_day} · {step.label}",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, row.schedule.postmortem_id)
            item.setForeground(1, brush)
            item.setToolTip(2, plain_tip(row.schedule.title))
            tree.addTopLevelItem(item)
