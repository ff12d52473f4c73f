"""The postmortem editor: every section of the template in one scrolling page, with an outline."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from functools import partial

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPaintEvent, QResizeEvent, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pmdesk.document_lint import DocumentFinding, lint_postmortem
from pmdesk.models import Store
from pmdesk.ui.editor.actions_editor import ActionsEditor
from pmdesk.ui.editor.factors_editor import FactorsEditor
from pmdesk.ui.editor.findings_panel import FindingsPanel
from pmdesk.ui.editor.fitted_table import FittedTableView
from pmdesk.ui.editor.header_section import HeaderSection
from pmdesk.ui.editor.highlighter import utf16_offsets
from pmdesk.ui.editor.opening import Opening
from pmdesk.ui.editor.session import EditorSession
from pmdesk.ui.editor.text_field import TextField
from pmdesk.ui.editor.timeline_editor import TimelineEditor
from pmdesk.ui.editor.whys_editor import WhysEditor
from pmdesk.ui.lint_worker import lint_worker

FINDINGS_DELAY_MS = 300
#: the document column's widest, about 100 characters of body text
PAGE_WIDTH = 860
#: below this width the outline makes way for the document (Ctrl+1…9 still jump)
OUTLINE_ROOM = 1000
#: rounds of layout requests delivered before a paint that must show the page laid out:
#: more than the page's levels of nesting (field, section, page, scroll area, window)
LAYOUT_ROUNDS = 8
#: table rows measured per turn of the event loop while an editor is laid out in steps
#: (~0.15 ms a row of a timeline here)
ROWS_PER_STEP = 60

#: the free-text fields of each text section, with the prompt each one shows
TEXT_SECTIONS: dict[str, list[tuple[str, str]]] = {
    "impact": [
        ("user_impact", "Who was affected, how, and for how long?"),
        ("revenue_impact", "Revenue or other business impact, with how it was estimated"),
    ],
    "root_cause_analysis": [
        ("what_happened", "What happened?"),
        ("why_it_happened", "Why did it happen? What did the system allow, encourage or require?"),
        ("why_not_caught", "Why was it not caught earlier?"),
    ],
    "went_well": [("went_well", "What went well? Which safeguards and habits helped?")],
    "could_improve": [("could_improve", "What could be improved in detection, response, tools?")],
    "meeting_notes": [("meeting_notes", "Notes from the review meeting (meeting mode adds here)")],
}


class EditorWidget(QWidget):
    """Edits one postmortem; everything typed reaches the store within a second."""

    #: the library row of this postmortem may need repainting (title, status ...)
    summary_changed = Signal(int)

    def __init__(
        self, store: Store, pm_id: int, parent: QWidget | None = None, *, in_steps: bool = False
    ) -> None:
        """The editor of postmortem `pm_id`. With `in_steps`, only its session is made here:
        iterate over `steps` to build the rest, a part at a time (each ~5-15 ms), before the
        editor is used or shown; the window does so in turns of the event loop."""
        super().__init__(parent)
        self.session = EditorSession(store, pm_id, self)
        self.text_fields: dict[str, TextField] = {}
        self.sections: dict[str, QWidget] = {}
        self._texts: list[tuple[TextField, str]] = []  # loaded by the opening, in page order
        #: set while the window has yet to put this editor on the screen, laid out (a turn
        #: after it opened it): what needs the page laid out calls it first
        self.bring_forward: Callable[[], None] | None = None
        #: the editor has painted once: what the first frame does not need has been asked for
        self._painted = False
        #: what is left to build (see in_steps)
        self.steps = self._build()
        if not in_steps:
            for _ in self.steps:
                pass

    def _build(self) -> Iterator[None]:
        page = QWidget(objectName="editorPage")
        column = QVBoxLayout(page)
        column.setContentsMargins(16, 12, 16, 32)
        column.setSpacing(6)
        self.header = HeaderSection(self.session)
        self.text_fields["title"] = self.header.title
        self._add_section(column, "header", "Header", self.header)
        yield
        self._add_text_section(column, "impact", "Impact")
        self.timeline = TimelineEditor(self.session)
        self._add_section(column, "timeline", "Timeline (UTC)", self.timeline)
        yield
        self._add_text_section(column, "root_cause_analysis", "Root cause analysis")
        self.whys = WhysEditor(self.session)
        self.text_fields["root_cause"] = self.whys.root_cause
        self._add_section(column, "whys", "Five Whys", self.whys)
        yield
        self.factors = FactorsEditor(self.session)
        self._add_section(column, "contributing_factors", "Contributing factors", self.factors)
        self._add_text_section(column, "went_well", "What went well")
        self._add_text_section(column, "could_improve", "What could be improved")
        self.actions = ActionsEditor(self.session)
        self._add_section(column, "action_items", "Action items", self.actions)
        self._add_text_section(column, "meeting_notes", "Meeting notes")
        column.addStretch(1)
        #: the page's tables, which measure their rows as the page is laid out (found once:
        #: findChildren over the page's hundreds of widgets took ~5 ms here)
        self.tables: list[FittedTableView] = [
            self.timeline.table,
            self.factors.list,
            self.actions.table,
        ]
        yield
        self.opening = Opening(self._texts, self.lay_out_now, self)

        # A readable line length: the page is a centred column, however wide the window.
        page.setMaximumWidth(PAGE_WIDTH)
        centring = QWidget(objectName="editorPageHolder")
        holder = QHBoxLayout(centring)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(page)
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroll.setWidget(centring)
        # scrolling down while the text still arrives: all of it now, so nothing moves later
        self.scroll.verticalScrollBar().valueChanged.connect(self.opening.finish)
        self.outline = QListWidget(objectName="outline")
        self.outline.setAccessibleName("Outline")
        for key, widget in self.sections.items():
            item = QListWidgetItem(widget.property("sectionTitle"))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.outline.addItem(item)
        self.outline.setFixedWidth(170)
        self.outline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outline.setStyleSheet(
            "QListWidget#outline { border: none; padding-top: 12px; } "
            "QListWidget#outline::item { padding: 5px 10px; }"
        )
        self.outline.itemActivated.connect(self._outline_activated)
        self.outline.itemClicked.connect(self._outline_activated)
        self.findings = FindingsPanel()
        self.findings.finding_activated.connect(self.show_finding)

        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="editorSplitter")
        splitter.addWidget(self.scroll)
        splitter.addWidget(self.findings)
        splitter.setStretchFactor(0, 1)
        splitter.setCollapsible(0, False)  # the findings fold away; the document never does
        splitter.setSizes([820, 260])
        self.splitter = splitter
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.outline)
        layout.addWidget(splitter, 1)

        for number, key in enumerate(self.sections, start=1):
            if number <= 9:
                shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
                shortcut.activated.connect(lambda k=key: self.jump_to(k, focus=True))

        self._findings_timer = QTimer(self, singleShot=True, interval=FINDINGS_DELAY_MS)
        self._findings_timer.timeout.connect(self.refresh_findings)
        self.session.part_changed.connect(self._part_changed)
        self._worker = lint_worker()
        self._worker.finished.connect(self._findings_arrived)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted and hasattr(self, "opening"):
            # What the first frame does not need starts once it is on the screen, each in
            # turns of its own: the rest of the text, and the findings (copying a long
            # postmortem for the worker takes a while). Before, both ran between the parts of
            # an editor being built or laid out, and put its first paint off.
            self._painted = True
            self.opening.start()
            QTimer.singleShot(0, self, self.refresh_findings)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.outline.setVisible(self.width() >= OUTLINE_ROOM)

    # --- building --------------------------------------------------------------------

    def _add_section(self, column: QVBoxLayout, key: str, title: str, body: QWidget) -> None:
        box = QWidget(objectName=f"section_{key}")
        box.setProperty("sectionTitle", title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 14, 0, 4)
        if key != "header":
            heading = QLabel(title, objectName="sectionHeading")
            heading.setStyleSheet("font-size: 13pt; font-weight: 600; padding-bottom: 2px;")
            layout.addWidget(heading)
        layout.addWidget(body)
        column.addWidget(box)
        self.sections[key] = box

    def _add_text_section(self, column: QVBoxLayout, key: str, title: str) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        several = len(TEXT_SECTIONS[key]) > 1
        for name, prompt in TEXT_SECTIONS[key]:
            field = TextField(name, placeholder=prompt, people=self.session.pm.people)
            self._texts.append((field, getattr(self.session.pm, name)))
            field.text_edited.connect(lambda text, n=name: self.session.edit_text(n, text))
            field.focus_left.connect(self.session.flush)
            if several:
                label = QLabel(prompt, objectName="fieldLabel")
                label.setBuddy(field)
                bold = label.font()
                bold.setBold(True)
                label.setFont(bold)  # the palette's text colour: readable in any theme
                layout.addWidget(label)
            layout.addWidget(field)
            self.text_fields[name] = field
        self._add_section(column, key, title, body)

    # --- navigation ------------------------------------------------------------------

    def _outline_activated(self, item: QListWidgetItem) -> None:
        self.jump_to(item.data(Qt.ItemDataRole.UserRole))

    def jump_to(self, key: str, *, focus: bool = False) -> None:
        if self.bring_forward is not None:
            self.bring_forward()
        self.opening.finish()  # the sections above it at their full height
        section = self.sections[key]
        self.scroll.verticalScrollBar().setValue(section.y())
        if focus:
            _first_focusable(section)

    def show_finding(self, found: DocumentFinding) -> None:
        """Scroll to a finding and select its words (text fields) or its row (lists)."""
        if self.bring_forward is not None:
            self.bring_forward()
        self.opening.finish()
        field = self.text_fields.get(found.field)
        if field is None:
            key = found.field if found.field in self.sections else "header"
            self.jump_to(key)
            focus_row: Callable[[int], None] | None = getattr(
                self.sections_editor(found.field), "focus_row", None
            )
            if focus_row is not None and found.index is not None:
                focus_row(found.index)
            return
        to_qt = utf16_offsets(field.text())
        cursor = QTextCursor(field.document())
        cursor.setPosition(to_qt(found.finding.start))
        cursor.setPosition(to_qt(found.finding.end), QTextCursor.MoveMode.KeepAnchor)
        field.setTextCursor(cursor)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll.ensureWidgetVisible(field, 0, 80)

    def sections_editor(self, name: str) -> QWidget | None:
        return {
            "timeline": self.timeline,
            "whys": self.whys,
            "contributing_factors": self.factors,
            "action_items": self.actions,
        }.get(name)

    def hold_tables(self) -> None:
        """Until lay_out_now, the tables measure their rows once, not on each width the page
        passes through while it is laid out (call before the editor first takes its place)."""
        for table in self.tables:
            table.held = True

    def lay_out_in_steps(self) -> Iterator[None]:
        """Lay the page out as lay_out_now does, in steps (a generator) for turns of the event
        loop of their own, for an editor that paints nothing meanwhile: the layout settles and
        the fields take the height of their text, its tables held; then the tables measure
        their rows, ROWS_PER_STEP a step. lay_out_now, after the last step, finishes the work
        (the page laid out again at the tables' heights) and whatever the steps left."""
        for table in self.tables:
            table.held = True  # measured below, at the width the layout settles on
        for _ in range(LAYOUT_ROUNDS):
            _lay_out_pending()
            if not any([field.fit_height_now() for field in self.text_fields.values()]):
                break
        yield
        for table in self.tables:
            yield from table.fit_in_parts(ROWS_PER_STEP)

    def lay_out_now(self) -> None:
        """Lay the page out before the next paint: the fields at the height of their text.

        Qt lays out on the next turns of the event loop, and a field measures its text on a
        zero-delay timer; a paint in between (the first one of an opening) would show a page
        half laid out, fields overlapping the labels below them. This settles both now,
        again while a field's new height changes a width (a scroll bar comes or goes).
        """
        for table in self.tables:
            table.held = True  # measured once, below, at the width the layout settles on
        try:
            for _ in range(LAYOUT_ROUNDS):
                _lay_out_pending()
                measured = [field.fit_height_now() for field in self.text_fields.values()]
                refitted = [table.fit_if_held() for table in self.tables]
                if not any(measured) and not any(refitted):
                    return
        finally:
            for table in self.tables:
                table.held = False

    # --- keeping up ------------------------------------------------------------------

    def _part_changed(self, part: str) -> None:
        field = self.text_fields.get(part)
        if field is not None and not field.hasFocus():
            field.set_text(getattr(self.session.pm, part))
        if part in ("title", "status", "severity", "incident_date"):
            self.summary_changed.emit(self.session.pm_id)
        if part in ("authors", "action_items"):
            for f in self.text_fields.values():
                f.highlighter.rehighlight()  # the names known to the linter changed
        self._findings_timer.start()

    def refresh_findings(self) -> None:
        """Ask the lint worker for the whole document's findings; the panel shows them on arrival."""
        pm = copy.deepcopy(self.session.pm)  # the worker reads a copy the UI will not change
        self._linted = pm  # the panel quotes phrases from the text that was linted
        self._worker.request((id(self), "document"), partial(lint_postmortem, pm))

    def _findings_arrived(self, batch: list[tuple[object, object]]) -> None:
        for key, result in batch:
            if key == (id(self), "document") and isinstance(result, list):
                self.findings.show_findings(result, getattr(self, "_linted", self.session.pm))

    def flush(self) -> bool:
        """Write everything typed; call before closing or switching postmortems."""
        return self.session.flush()


def _lay_out_pending() -> None:
    """Deliver the layout requests waiting, and those they make in turn.

    A request posted while one is delivered waits for the next delivery, and a change in
    a field climbs one level of nesting per request (the section, the page, the scroll
    area that sizes the page), so a few rounds; a round with nothing waiting costs nothing.
    """
    for _ in range(LAYOUT_ROUNDS):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def _first_focusable(section: QWidget) -> None:
    for child in section.findChildren(QWidget):
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isVisible():
            child.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
