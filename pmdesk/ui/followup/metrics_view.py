"""Practice metrics for a chosen period: each beside its target, met or missed, with a chart by month."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import Store
from pmdesk.models.metrics import (
    TARGETS,
    Metric,
    Verdict,
    metric_detail,
    monthly_metrics,
    practice_metrics,
)
from pmdesk.ui.followup.chart import ChartPoint, TrendChart
from pmdesk.words import counted

DEFAULT_PERIOD_DAYS = 180


class MetricCard(QFrame):
    """One metric: its value, its target, met or missed, what it is made of, and its trend."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("card")
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.value = QLabel()
        self.value.setObjectName("metricValue")
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.target = QLabel()
        self.target.setObjectName("muted")
        self.detail = QLabel()
        self.detail.setObjectName("muted")
        self.detail.setWordWrap(True)
        self.chart = TrendChart()
        top = QHBoxLayout()
        top.addWidget(self.value)
        top.addStretch(1)
        top.addWidget(self.verdict)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.target)
        layout.addWidget(self.chart)
        layout.addWidget(self.detail)

    def show_metric(self, metric: Metric, trend: list[ChartPoint]) -> None:
        self.title.setText(metric.label)
        self.value.setText(metric.formatted())
        self.target.setText(f"Target {metric.target}")
        self.verdict.setText(metric.verdict.label)
        self.verdict.setProperty("state", metric.verdict.value)
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.detail.setText(metric_detail(metric))
        self.chart.set_series(trend, TARGETS[metric.key].bounds)


class MetricsView(QWidget):
    """The practice metrics over [from, to] by incident date."""

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
        until = today()
        self.since_edit = self._date_edit(until - timedelta(days=DEFAULT_PERIOD_DAYS), "From")
        self.until_edit = self._date_edit(until, "To")
        self.summary = QLabel()
        self.summary.setObjectName("muted")

        period = QHBoxLayout()
        period.addWidget(QLabel("Incidents from"))
        period.addWidget(self.since_edit)
        period.addWidget(QLabel("to"))
        period.addWidget(self.until_edit)
        period.addSpacing(12)
        period.addWidget(self.summary, 1)
        # when the period misses every postmortem, one click to the range that has them
        self.data_range_button = QPushButton(objectName="dataRange")
        self.data_range_button.hide()
        self.data_range_button.clicked.connect(self._show_data_range)
        self._data_range: tuple[date, date] | None = None
        period.addWidget(self.data_range_button)

        self.cards = {key: MetricCard(key) for key in TARGETS}
        grid = QGridLayout()
        grid.setSpacing(12)
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 3, i % 3)
        self.categories = QTreeWidget()
        self.categories.setHeaderLabels(["Root-cause category", "Count", "First", "Last"])
        self.categories.setRootIsDecorated(False)
        self.categories.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.categories.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.categories.setAccessibleName("Recurring root-cause categories")
        recurring = QFrame()
        recurring.setObjectName("card")
        recurring_layout = QVBoxLayout(recurring)
        heading = QLabel("Recurring categories")
        heading.setObjectName("cardTitle")
        recurring_layout.addWidget(heading)
        recurring_layout.addWidget(self.categories)
        grid.addWidget(recurring, 1, 2)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(period)
        body_layout.addLayout(grid)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self.since_edit.dateChanged.connect(self.refresh)
        self.until_edit.dateChanged.connect(self.refresh)
        self.refresh()

    @staticmethod
    def _date_edit(day: date, name: str) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setAccessibleName(name)
        return edit

    def period(self) -> tuple[date, date]:
        return self.since_edit.date().toPython(), self.until_edit.date().toPython()  # type: ignore[return-value]

    def set_period(self, since: date, until: date) -> None:
        self.since_edit.setDate(QDate(since.year, since.month, since.day))
        self.until_edit.setDate(QDate(until.year, until.month, until.day))

    def _show_data_range(self) -> None:
        if self._data_range is not None:
            self.set_period(*self._data_range)

    def refresh(self) -> None:
        since, until = self.period()
        if since > until:
            self.summary.setText("The start of the period comes after its end.")
            return
        postmortems = self.store.metric_facts()
        today, holidays = self.today(), self.holidays()
        result = practice_metrics(postmortems, since, until, today, holidays)
        months = monthly_metrics(postmortems, since, until, today, holidays)
        self.result = result
        undated = (
            f"; {result.undated} without an incident date not counted" if result.undated else ""
        )
        self.summary.setText(f"{counted(result.postmortems, 'postmortem')} in the period{undated}")
        dated = sorted(
            pm.incident_date for pm in postmortems if pm.incident_date and not pm.is_example
        )
        self._data_range = (dated[0], dated[-1]) if dated else None
        outside = result.postmortems == 0 and self._data_range is not None
        if outside:
            first, last = self._data_range  # type: ignore[misc]
            self.summary.setText(
                f"No postmortem in this period: their incidents run from {first} to {last}."
            )
            self.data_range_button.setText(f"Show {first} to {last}")
        self.data_range_button.setVisible(outside)
        for metric in result.metrics:
            trend = []
            for start, monthly in months:
                m = monthly.metric(metric.key)
                met = None if m.verdict is Verdict.NO_DATA else m.verdict is Verdict.MET
                trend.append(ChartPoint(start.strftime("%b"), m.value, met))
            self.cards[metric.key].show_metric(metric, trend[-12:])
        self.categories.clear()
        for c in result.recurring_categories:
            self.categories.addTopLevelItem(
                QTreeWidgetItem([c.category, str(c.count), c.first.isoformat(), c.last.isoformat()])
            )
