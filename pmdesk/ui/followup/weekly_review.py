"""The weekly review: open action items grouped by owner, and what became overdue this week."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import Store
from pmdesk.models.followup import ActionRow, weekly_review
from pmdesk.ui import colours
from pmdesk.ui.followup.trees import report_tree
from pmdesk.ui.plain_text import plain_tip

LATE = QColor("#b3261e")
COLUMNS = ("Action", "Priority", "Due", "Overdue", "Status", "Postmortem")


def _row_item(row: ActionRow) -> QTreeWidgetItem:
    item = row.item
    due = item.due_date.isoformat() if item.due_date else "no date"
    late = f"{row.days_overdue} d" if row.overdue else ""
    widget_item = QTreeWidgetItem(
        [
            item.action,
            item.priority.label,
            due,
            late,
            item.status.label,
            row.record.postmortem_title,
        ]
    )
    widget_item.setData(0, Qt.ItemDataRole.UserRole, item.id)
    widget_item.setToolTip(0, plain_tip(item.action))
    if row.overdue:
        widget_item.setForeground(3, QBrush(colours.on_base(LATE)))
    return widget_item


class WeeklyReviewView(QWidget):
    """What the weekly follow-up meeting goes through, owner by owner."""

    def __init__(
        self, store: Store, today: Callable[[], date] = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.by_owner = report_tree(COLUMNS, 0)
        self.by_owner.setAccessibleName("Open items by owner")
        self.newly_heading = QLabel()
        self.newly_heading.setObjectName("sectionHeading")
        self.newly_overdue = report_tree(COLUMNS, 0, decorated=False)
        self.newly_overdue.setAccessibleName("Became overdue this week")

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.heading)
        top_layout.addWidget(self.by_owner)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.newly_heading)
        bottom_layout.addWidget(self.newly_overdue)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.refresh()

    def refresh(self) -> None:
        review = weekly_review(self.store.actions(), self.today())
        self.by_owner.clear()
        bold = QFont()
        bold.setBold(True)
        total = 0
        for owner, rows in review.by_owner.items():
            late = sum(1 for r in rows if r.overdue)
            label = f"{owner} — {len(rows)} open" + (f", {late} overdue" if late else "")
            group = QTreeWidgetItem([label])
            group.setFirstColumnSpanned(True)
            group.setFont(0, bold)
            group.addChildren([_row_item(r) for r in rows])
            self.by_owner.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            group.setExpanded(True)
            total += len(rows)
        people = len(review.by_owner)
        self.heading.setText(f"Open action items: {total}, {people} owner{'s' * (people != 1)}")
        self.newly_overdue.clear()
        self.newly_overdue.addTopLevelItems([_row_item(r) for r in review.newly_overdue])
        count = len(review.newly_overdue)
        self.newly_heading.setText(
            f"Became overdue in the last 7 days: {count}"
            if count
            else "Nothing became overdue in the last 7 days"
        )

    def owners(self) -> list[str]:
        """The owner group labels as shown (for tests and accessibility checks)."""
        return [
            self.by_owner.topLevelItem(i).text(0) for i in range(self.by_owner.topLevelItemCount())
        ]
