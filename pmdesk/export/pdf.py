"""The postmortem as a PDF report: build the story of flowables, then render it with reportlab.

Every piece of user text reaches reportlab through pmdesk.export.fonts (escaped,
with a font for every glyph) or pmdesk.export.pdf_markup (Markdown, rebuilt from
a few safe tags). Tables may split inside a row, so no cell is ever too tall
for a page.
"""

from __future__ import annotations

import functools
import io
import os
from datetime import date, datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from pmdesk.errors import PmdeskError
from pmdesk.export import fonts
from pmdesk.export.pdf_markup import TextStyles, markdown_flowables, paragraph
from pmdesk.files import write_atomically
from pmdesk.models.postmortem import ActionStatus, Postmortem, Priority, Status

PAGE_SIZES = {"A4": A4, "Letter": LETTER}

INK = colors.HexColor("#1f2328")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#d5dce4")
TINT = colors.HexColor("#f3f6f9")
HEADER_BG = colors.HexColor("#e6ecf2")
ROOT_BG = colors.HexColor("#fff4e0")
ROOT_RULE = colors.HexColor("#e0a030")
DRAFT_RED = colors.HexColor("#b42318")
PRIORITY_COLOURS = {Priority.HIGH: "#b42318", Priority.MEDIUM: "#9a6700", Priority.LOW: "#5f6b7a"}
STATUS_COLOURS = {
    ActionStatus.DONE: "#1a7f37",
    ActionStatus.IN_PROGRESS: "#1f3a5f",
    ActionStatus.OPEN: "#5f6b7a",
}

MARGIN = 20 * mm
PUBLIC_NOTE = (
    "Public version: names, contact details, internal systems and internal sections have been "
    "replaced or left out."
)  # pmdesk.share.public says the same under the Markdown title


class PdfExportError(PmdeskError):
    """The PDF cannot be made as asked."""


def export_pdf(
    pm: Postmortem,
    path: str | os.PathLike[str],
    *,
    page_size: str | None = None,
    public: bool = False,
) -> int:
    """Write the PDF of `pm` to `path` in one piece; return its page count.

    `page_size` is "A4" or "Letter"; by default the one in the user's settings. `public`
    marks an already redacted copy (pmdesk.share.public) for readers outside the company.
    """
    if page_size is None:
        from pmdesk.settings import load_settings

        page_size = load_settings().page_size
    data, pages = render_pdf(pm, page_size=page_size, public=public)
    write_atomically(path, data)
    return pages


def render_pdf(pm: Postmortem, *, page_size: str = "A4", public: bool = False) -> tuple[bytes, int]:
    """The PDF of `pm` as bytes, and its page count; `public`: no authors in the metadata."""
    if page_size not in PAGE_SIZES:
        raise PdfExportError(f"unknown page size {page_size!r}: expected A4 or Letter")
    fonts.register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZES[page_size],
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 4 * mm,
        bottomMargin=MARGIN,
        title=fonts.clean(pm.title) or "Untitled postmortem",
        author="" if public else fonts.clean(", ".join(pm.authors)),
        subject=("Public version: " if public else "") + _subject(pm),
        creator="pmdesk",
        keywords=["postmortem", pm.severity.value],
    )
    furniture = _Furniture(pm, public=public)
    doc.build(
        _story(pm, doc.width, public=public),
        onFirstPage=furniture.draw_page,
        onLaterPages=furniture.draw_page,
        canvasmaker=functools.partial(_CountingCanvas, furniture=furniture),
    )
    return buffer.getvalue(), furniture.pages


def _subject(pm: Postmortem) -> str:
    day = pm.incident_date.isoformat() if pm.incident_date else "date not set"
    return f"Blameless postmortem, {pm.severity.value}, incident of {day}"


# --- styles ---------------------------------------------------------------------------


@functools.cache
def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName=fonts.SANS,
        fontSize=9.5,
        leading=13.5,
        textColor=INK,
        spaceAfter=5,
        bulletFontName=fonts.SANS,
        # a 10,000-character "word" is broken where the line ends
        splitLongWords=True,
    )

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **kw)

    return {
        "body": body,
        "code": derive("code", fontName=fonts.MONO, fontSize=8.5, leading=11.5, backColor=TINT),
        "kicker": derive("kicker", fontName=fonts.SANS_BOLD, fontSize=8, textColor=ACCENT),
        "title": derive("title", fontName=fonts.SANS_BOLD, fontSize=21, leading=26, spaceAfter=4),
        "draft": derive("draft", fontName=fonts.SANS_BOLD, fontSize=8.5, textColor=DRAFT_RED),
        "h1": derive(
            "h1",
            fontName=fonts.SANS_BOLD,
            fontSize=13.5,
            leading=17,
            textColor=ACCENT,
            spaceBefore=14,
            spaceAfter=6,
        ),
        "h2": derive(
            "h2",
            fontName=fonts.SANS_BOLD,
            fontSize=10,
            leading=14,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=True,
        ),
        "label": derive("label", fontName=fonts.SANS, fontSize=7.5, leading=10, textColor=MUTED),
        "cell": derive("cell", fontSize=8.5, leading=11.5, spaceAfter=0),
        "cell_bold": derive("cell_bold", fontName=fonts.SANS_BOLD, fontSize=8.5, leading=11.5),
        "small": derive("small", fontSize=7.5, leading=10, textColor=MUTED, spaceAfter=0),
        "empty": derive("empty", fontName=fonts.SANS_ITALIC, textColor=MUTED),
        # the body's size and leading, so the box sits on the text's baseline
        "check": derive("check", spaceAfter=0),
        "arrow": derive("arrow", fontSize=11, leading=13, alignment=TA_CENTER, textColor=MUTED),
    }


def _text_styles() -> TextStyles:
    s = _styles()
    return TextStyles(body=s["body"], code=s["code"])


def _plain(text: str, *, bold: bool = False, italic: bool = False) -> str:
    """Plain user text as markup: escaped, fonts per glyph, line breaks kept."""
    font = fonts.font_for(bold=bold, italic=italic)
    return "<br/>".join(fonts.markup(line, font) for line in text.split("\n"))


def _para(text: str, style: str, **kw: Any) -> Paragraph:
    s = _styles()[style]
    return paragraph(_plain(text, bold=s.fontName == fonts.SANS_BOLD), s, **kw)


# --- the story ------------------------------------------------------------------------


def _story(pm: Postmortem, width: float, *, public: bool = False) -> list[Flowable]:
    story: list[Flowable] = [*_title_block(pm, width, public=public)]

    story += _section("Impact")
    story += _field("User impact", pm.user_impact)
    if not public or pm.revenue_impact.strip():  # a public copy leaves internal sections out
        story += _field("Revenue impact", pm.revenue_impact)

    story += _section("Timeline")
    story += _timeline(pm, width)

    story += _section("Root-cause analysis")
    story += _field("What happened", pm.what_happened)
    story += _field("Why it happened", pm.why_it_happened)
    story += _field("Why it was not caught earlier", pm.why_not_caught)

    # The chain reads as one argument: heading, whys and root cause on one page when they fit
    # (KeepTogether still splits a chain longer than a page), never a lone arrow or root cause.
    story.append(KeepTogether([*_section("Five Whys"), *_five_whys(pm, width)]))

    story += _section("Contributing factors")
    story += _factors(pm, width)

    story += _section("What went well")
    story += _markdown(pm.went_well)
    story += _section("What could be improved")
    story += _markdown(pm.could_improve)

    story += _section("Action items")
    story += _actions(pm, width)
    if pm.meeting_notes.strip():
        story += _section("Meeting notes")
        story += _markdown(pm.meeting_notes)
    return story


class _Heading(Paragraph):
    """A section heading that leaves a bookmark in the PDF outline where it is drawn."""

    def __init__(self, title: str, key: str) -> None:
        super().__init__(_plain(title, bold=True), _styles()["h1"])
        self.title = title
        self.key = key

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, self.height + 4)
        self.canv.addOutlineEntry(self.title, self.key, level=0, closed=False)
        super().draw()


def _section(title: str) -> list[Flowable]:
    # start on a new page rather than leave a heading and one line at the bottom
    return [CondPageBreak(40 * mm), _Heading(title, f"section-{title}")]


def _field(label: str, text: str) -> list[Flowable]:
    return [_para(label, "h2"), *_markdown(text)]


def _markdown(text: str) -> list[Flowable]:
    flowables = markdown_flowables(text, _text_styles()) if text.strip() else []
    return flowables or [_para("Not recorded.", "empty")]


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "—"


def _day(value: date | None) -> str:
    return value.strftime("%-d %B %Y") if value else "—"


def _title_block(pm: Postmortem, width: float, *, public: bool = False) -> list[Flowable]:
    s = _styles()
    kind = "PUBLIC VERSION" if public else "POSTMORTEM"
    kicker = f"{kind}  ·  {pm.severity.value}  ·  {pm.status.label.upper()}"
    out: list[Flowable] = [
        _para(kicker, "kicker"),
        Spacer(1, 3),
        _para(pm.title or "Untitled postmortem", "title"),
    ]
    if public:
        out.append(_para(PUBLIC_NOTE, "empty"))
    if pm.status is not Status.COMPLETE:
        out.append(_para("DRAFT — this postmortem is not complete and may still change.", "draft"))
    duration = pm.duration_minutes
    rows = [
        ("Incident date", _day(pm.incident_date), "Severity", pm.severity.value),
        ("Authors", ", ".join(pm.authors) or "—", "Status", pm.status.label),
        ("Started", _when(pm.started_at), "Ended", _when(pm.ended_at)),
        (
            "Duration",
            _duration(duration),
            "Review meeting",
            _when(pm.meeting_at),
        ),
    ]
    if pm.draft_shared_at:
        rows.append(("Draft shared", _when(pm.draft_shared_at), "", ""))
    cells = [
        [paragraph(_plain(a), s["label"]), paragraph(_plain(b), s["cell"])]
        + [paragraph(_plain(c), s["label"]), paragraph(_plain(d), s["cell"])]
        for a, b, c, d in rows
    ]
    label_w = 26 * mm
    value_w = width / 2 - label_w
    table = Table(cells, colWidths=[label_w, value_w, label_w, value_w], splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, 0), 8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
            ]
        )
    )
    out += [Spacer(1, 8), table, Spacer(1, 4)]
    return out


def _duration(minutes: int | None) -> str:
    if minutes is None:
        return "—"
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{minutes} minutes"
    return f"{hours} h {rest} min ({minutes} minutes)"


def _grid(cells: list[list[Any]], widths: list[float], *, header: bool = True) -> Table:
    """A report table: tinted header repeated on every page, hairlines, rows that may split."""
    table = LongTable(cells, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    if header:
        style += [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ]
    table.setStyle(TableStyle(style))
    return table


def _header_row(*titles: str) -> list[Paragraph]:
    return [paragraph(_plain(t, bold=True), _styles()["cell_bold"]) for t in titles]


def _timeline(pm: Postmortem, width: float) -> list[Flowable]:
    if not pm.timeline:
        return [_para("No events recorded.", "empty")]
    s = _styles()
    events = sorted(pm.timeline, key=lambda e: e.at)
    rows: list[list[Any]] = [_header_row("Time (UTC)", "Event")]
    for event in events:
        stamp = (
            event.at.strftime("%H:%M")
            if event.at.date() == pm.incident_date
            else event.at.strftime("%Y-%m-%d %H:%M")
        )
        if event.at.second:
            stamp = stamp + event.at.strftime(":%S")
        text = _plain(event.text)
        if event.source and event.source != "manual":
            source = fonts.markup(event.source, fonts.SANS)
            text += f'<br/><font size="7" color="#5f6b7a">{source}</font>'
        rows.append([paragraph(_plain(stamp), s["cell"]), paragraph(text, s["cell"])])
    time_w = 26 * mm if all(e.at.date() == pm.incident_date for e in events) else 36 * mm
    return [_grid(rows, [time_w, width - time_w])]


def _five_whys(pm: Postmortem, width: float) -> list[Flowable]:
    s = _styles()
    out: list[Flowable] = []
    label_w = 24 * mm
    for i, answer in enumerate(pm.whys, 1):
        box = Table(
            [[paragraph(_plain(f"Why {i}", bold=True), s["kicker"]), _markdown_cell(answer)]],
            colWidths=[label_w, width - label_w],
            splitInRow=1,
        )
        box.setStyle(_box_style(RULE, colors.white))
        out += [box, paragraph("↓", s["arrow"])]
    if pm.root_cause.strip() or pm.whys:
        root = Table(
            [
                [
                    paragraph(_plain("Root cause", bold=True), s["kicker"]),
                    _markdown_cell(pm.root_cause or "Not recorded."),
                ]
            ],
            colWidths=[label_w, width - label_w],
            splitInRow=1,
        )
        root.setStyle(_box_style(ROOT_RULE, ROOT_BG, weight=1.2))
        # a chain longer than a page still ends with its last why beside the root cause
        out[-2:] = [KeepTogether([*out[-2:], root])] if pm.whys else [root]
    else:
        out.append(_para("No Five Whys chain recorded.", "empty"))
    if pm.root_cause_category.strip():
        out += [Spacer(1, 6), _para(f"Root-cause category: {pm.root_cause_category}", "small")]
    return out


def _markdown_cell(text: str) -> list[Flowable]:
    flowables = markdown_flowables(text, _text_styles())
    return flowables or [_para("—", "body")]


def _box_style(edge: colors.Color, fill: colors.Color, weight: float = 0.6) -> TableStyle:
    return TableStyle(
        [
            ("BOX", (0, 0), (-1, -1), weight, edge),
            ("BACKGROUND", (0, 0), (-1, -1), fill),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ]
    )


def _factors(pm: Postmortem, width: float) -> list[Flowable]:
    if not pm.contributing_factors:
        return [_para("No contributing factors recorded.", "empty")]
    s = _styles()
    rows = [
        [
            paragraph("☑" if f.checked else "☐", s["check"]),
            paragraph(_plain(f.text), s["body"]),
        ]
        for f in pm.contributing_factors
    ]
    table = Table(rows, colWidths=[6 * mm, width - 6 * mm], splitInRow=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    legend = _para("☑ contributed to this incident   ☐ considered, did not contribute", "small")
    return [table, Spacer(1, 2), legend]


def _actions(pm: Postmortem, width: float) -> list[Flowable]:
    if not pm.action_items:
        return [_para("No action items recorded.", "empty")]
    s = _styles()
    rows: list[list[Any]] = [_header_row("#", "Action", "Owner", "Priority", "Due", "Status")]
    for i, item in enumerate(pm.action_items, 1):
        action = _plain(item.action)
        if item.tracker_url:
            link = fonts.markup(item.tracker_url, fonts.SANS)
            if item.tracker_url.startswith(("http://", "https://")):
                href = fonts.markup(item.tracker_url, fonts.SANS).replace('"', "&quot;")
                link = f'<a href="{href}" color="#1a5a96"><u>{link}</u></a>'
            action += f'<br/><font size="7">{link}</font>'
        status = f'<font color="{STATUS_COLOURS[item.status]}">{item.status.label}</font>'
        if item.completed_on:
            status += f'<br/><font size="7" color="#5f6b7a">{item.completed_on.isoformat()}</font>'
        priority = f'<font color="{PRIORITY_COLOURS[item.priority]}">{item.priority.label}</font>'
        due = item.due_date.isoformat() if item.due_date else "—"
        rows.append(
            [
                paragraph(str(i), s["cell"]),
                paragraph(action, s["cell"]),
                paragraph(_plain(item.owner or "—"), s["cell"]),
                paragraph(priority, s["cell"]),
                paragraph(due, s["cell"]),
                paragraph(status, s["cell"]),
            ]
        )
    fixed = [8 * mm, 0, 30 * mm, 17 * mm, 23 * mm, 22 * mm]
    fixed[1] = width - sum(fixed)
    return [_grid(rows, fixed)]


# --- page furniture -------------------------------------------------------------------


class _Furniture:
    """What every page carries: running header, DRAFT marking, 'page X of Y'."""

    def __init__(self, pm: Postmortem, *, public: bool = False) -> None:
        self.public = public
        self.title = fonts.clean(pm.title) or "Untitled postmortem"
        self.draft = pm.status is not Status.COMPLETE
        self.status = pm.status.label
        self.pages = 0

    def draw_page(self, canvas: Canvas, doc: SimpleDocTemplate) -> None:
        """Drawn under the page's content as each page is laid out."""
        width, height = doc.pagesize
        canvas.saveState()
        if self.draft:
            canvas.setFillColor(colors.Color(0.71, 0.14, 0.09, alpha=0.055))
            canvas.translate(width / 2, height / 2)
            canvas.rotate(50)
            canvas.setFont(fonts.SANS_BOLD, 120)
            canvas.drawCentredString(0, -40, "DRAFT")
            canvas.rotate(-50)
            canvas.translate(-width / 2, -height / 2)
        top = height - MARGIN + 6 * mm
        if doc.page > 1:
            canvas.setFillColor(MUTED)
            # "DRAFT · In review", but not "DRAFT · Draft"
            status = "" if self.status == Status.DRAFT.label else f" · {self.status}"
            right = f"DRAFT{status}" if self.draft else "Postmortem"
            right = f"Public version · {right}" if self.public else right
            right_w = fonts.text_width(right, fonts.SANS_BOLD, 7.5)
            room = width - 2 * MARGIN - right_w - 10 * mm
            fonts.draw_text(
                canvas,
                MARGIN,
                top,
                fonts.fit_text(self.title, fonts.SANS, 7.5, room),
                fonts.SANS,
                7.5,
            )
            canvas.setFillColor(DRAFT_RED if self.draft else MUTED)
            fonts.draw_text(canvas, width - MARGIN - right_w, top, right, fonts.SANS_BOLD, 7.5)
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.5)
            canvas.line(MARGIN, top - 2.5 * mm, width - MARGIN, top - 2.5 * mm)
        canvas.restoreState()

    def draw_footer(self, canvas: Canvas, page: int, total: int) -> None:
        """Drawn once the page count is known."""
        width, _ = canvas._pagesize
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        y = MARGIN - 8 * mm
        canvas.line(MARGIN, y + 4 * mm, width - MARGIN, y + 4 * mm)
        canvas.setFillColor(MUTED)
        canvas.setFont(fonts.SANS, 7.5)
        kind = "Public version of a blameless postmortem" if self.public else "Blameless postmortem"
        canvas.drawString(MARGIN, y, f"{kind} · all times UTC")
        canvas.drawRightString(width - MARGIN, y, f"Page {page} of {total}")
        canvas.restoreState()


class _CountingCanvas(Canvas):
    """Holds every page back until the end, so each footer can say 'page X of Y'."""

    def __init__(self, *args: Any, furniture: _Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        self._furniture.pages = total
        for number, state in enumerate(self._held, 1):
            self.__dict__.update(state)
            self._furniture.draw_footer(self, number, total)
            super().showPage()
        super().save()
