"""The PDF export read back with pypdf: what a reader of the report would look for."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from pmdesk.errors import PmdeskError
from pmdesk.export.pdf import export_pdf, render_pdf
from pmdesk.models import ActionItem, Postmortem, Status, TimelineEvent

from .readback import open_pdf, page_texts, pdf_text

SECTIONS = [
    "Impact",
    "Timeline",
    "Root-cause analysis",
    "Five Whys",
    "Contributing factors",
    "What went well",
    "What could be improved",
    "Action items",
]


@pytest.fixture(scope="module")
def example_pdf() -> tuple[bytes, int]:
    from pmdesk.models import load_example

    return render_pdf(load_example(), page_size="A4")


def test_example_has_title_sections_timeline_and_actions(example_pdf, example):
    text = pdf_text(example_pdf[0])
    assert " ".join(example.title.split()) in text
    for heading in SECTIONS:
        assert heading in text
    for event in example.timeline:
        assert event.text in text
        assert event.at.strftime("%H:%M") in text
    for item in example.action_items:
        assert item.action in text
        assert item.owner in text
    assert example.root_cause in text
    for answer in example.whys:
        assert answer in text


def test_every_page_says_page_x_of_y(example_pdf):
    data, pages = example_pdf
    texts = page_texts(data)
    assert len(texts) == pages >= 2
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {pages}" in text


def test_metadata_names_title_authors_and_subject(example_pdf, example):
    meta = open_pdf(example_pdf[0]).metadata
    assert meta.title == example.title
    assert meta.author == "Dana Okafor, Luis Ferreira"
    assert "P2" in meta.subject and "2026-03-10" in meta.subject


def test_a_bookmark_per_section(example_pdf):
    outline = [item.title for item in open_pdf(example_pdf[0]).outline]
    assert outline == [*SECTIONS, "Meeting notes"]


def test_running_header_carries_the_title_from_page_two(example_pdf):
    texts = page_texts(example_pdf[0])
    assert all("EXAMPLE — Checkout errors" in t.split("Page")[0] for t in texts[1:])


def test_draft_marking_until_complete(example):
    draft = pdf_text(render_pdf(example)[0])
    assert "DRAFT" in draft
    example.status = Status.COMPLETE
    final = pdf_text(render_pdf(example)[0])
    assert "DRAFT" not in final


@pytest.mark.parametrize(("size", "width"), [("A4", 595), ("Letter", 612)])
def test_paper_size(example, size, width):
    page = open_pdf(render_pdf(example, page_size=size)[0]).pages[0]
    assert round(float(page.mediabox.width)) == width


def test_unknown_paper_size_is_a_clear_error(example):
    with pytest.raises(PmdeskError, match="page size"):
        render_pdf(example, page_size="A3")


def test_tracker_links_and_markdown_links_are_clickable(example):
    example.went_well = "See [the dashboard](https://grafana.example.com/d/1?a=1&b=2) and **bold**."
    reader = open_pdf(render_pdf(example)[0])
    uris = {
        annot.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if "/A" in annot.get_object()
    }
    assert "https://grafana.example.com/d/1?a=1&b=2" in uris
    assert "https://tracker.example.com/PAY-412" in uris


def test_markdown_is_rendered_not_shown(example):
    example.went_well = "- first point\n- **second** point with `code`\n\n1. one\n2. two"
    text = pdf_text(render_pdf(example)[0])
    assert "• first point" in text
    assert "second point with code" in text
    assert "**" not in text and "`" not in text


def test_export_pdf_writes_the_file_and_uses_the_settings_size(tmp_path, example):
    target = tmp_path / "report.pdf"
    pages = export_pdf(example, target)
    assert target.read_bytes().startswith(b"%PDF")
    assert len(open_pdf(target.read_bytes()).pages) == pages
    assert round(float(open_pdf(target.read_bytes()).pages[0].mediabox.width)) == 595


def test_unwritable_target_is_one_line_error_and_leaves_nothing(tmp_path, example):
    folder = tmp_path / "missing"
    with pytest.raises(PmdeskError, match="cannot write"):
        export_pdf(example, folder / "x.pdf", page_size="A4")
    assert not folder.exists()
    # a target that cannot be replaced (a folder): the error, and no temporary file left
    (tmp_path / "report.pdf").mkdir()
    with pytest.raises(PmdeskError, match="cannot write"):
        export_pdf(example, tmp_path / "report.pdf", page_size="A4")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


# --- any script -------------------------------------------------------------------------


def test_cjk_emoji_and_european_text_come_out_as_text_in_embedded_fonts():
    pm = Postmortem(
        title="支付网关故障 — 決済エラー 🚀",
        authors=["王小明", "Zoë Ångström", "Дмитрий"],
        what_happened="Ελληνικά, čeština, 日本語のテキスト, 한국어, and 😀 ✅ in one line.",
    )
    data, _ = render_pdf(pm)
    text = pdf_text(data)
    for word in (
        "支付网关故障",
        "決済エラー",
        "王小明",
        "Zoë Ångström",
        "Дмитрий",
        "Ελληνικά",
        "日本語",
    ):
        assert word in text
    fonts = set()
    for page in open_pdf(data).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    # the CJK and emoji runs were set in the shipped fallback fonts, embedded as subsets
    assert any("DroidSansFallback" in f for f in fonts)
    assert any("Symbola" in f for f in fonts)


# --- hostile text -----------------------------------------------------------------------

NASTY = 'a<b c>d & <font name="x"> <b>open <i> </para> <img src="/etc/passwd"/> &amp; ]]>'


def test_markup_in_every_field_comes_out_literally():
    pm = Postmortem(
        title=NASTY,
        authors=["<Zoë & Co>"],
        user_impact=NASTY,
        what_happened=f"text with {NASTY}",
        whys=[NASTY],
        root_cause=NASTY,
        timeline=[TimelineEvent(at="2026-03-10T14:00:00Z", text=NASTY, source="<src>")],
        action_items=[ActionItem(action=NASTY, owner="<owner>", tracker_url="javascript:alert(1)")],
    )
    data, _ = render_pdf(pm)
    text = pdf_text(data)
    assert text.count('<font name="x">') >= 7
    assert '<img src="/etc/passwd"/>' in text
    assert "&amp;" in text and "<Zoë & Co>" in text and "<owner>" in text
    reader = open_pdf(data)
    for page in reader.pages:
        assert "/XObject" not in page["/Resources"]  # no image was embedded
        for annot in page.get("/Annots", []):
            assert "javascript" not in str(annot.get_object())


@pytest.fixture(scope="module")
def huge_pdf() -> tuple[bytes, int]:
    start = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
    pm = Postmortem(
        title="Huge",
        user_impact="long" + "x" * 10_000 + " end-of-word",
        what_happened=("A sentence that goes on. " * 2_000)[:50_000],
        timeline=[
            TimelineEvent(
                at=start + timedelta(minutes=i),
                text=f"row {i} <b>{'y' * (10_000 if i == 7 else 3)}",
            )
            for i in range(2_000)
        ],
        action_items=[ActionItem(action=f"act {i} & <i>", owner=f"owner {i}") for i in range(300)],
        whys=["w" * 10_000],
    )
    return render_pdf(pm)


def test_huge_document_exports_with_every_row(huge_pdf):
    data, pages = huge_pdf
    text = pdf_text(data)
    assert pages > 40
    for i in range(0, 2_000, 97):
        assert f"row {i} <b>" in text
    for i in range(0, 300, 13):
        assert f"act {i} & <i>" in text
    assert "end-of-word" in text
    assert "A sentence that goes on." in text


def test_long_tables_repeat_their_header_row_on_every_page(huge_pdf):
    texts = page_texts(huge_pdf[0])
    timeline_pages = [t for t in texts if "row 1" in t or "row 5" in t]
    assert len(timeline_pages) > 10
    assert all("Time (UTC) Event" in t for t in timeline_pages)
    action_pages = [t for t in texts if re.search(r"act \d+ &", t)]
    assert len(action_pages) >= 2
    assert all("# Action Owner Priority Due Status" in t for t in action_pages)


def test_meeting_notes_get_their_own_section_only_when_there_are_any(example):
    example.meeting_notes = ""
    assert [item.title for item in open_pdf(render_pdf(example)[0]).outline] == SECTIONS
    example.meeting_notes = "Agreed: canary for config by **April**."
    data, _ = render_pdf(example)
    assert [item.title for item in open_pdf(data).outline] == [*SECTIONS, "Meeting notes"]
    assert "Agreed: canary for config by April." in pdf_text(data)


def test_allow_directives_are_not_printed():
    pm = Postmortem(
        title="t", went_well="<!-- pmdesk: allow human-error-cause --> We quote human error here."
    )
    text = pdf_text(render_pdf(pm, page_size="A4")[0])
    assert "We quote human error here." in text
    assert "pmdesk: allow" not in text


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_the_five_whys_chain_stays_with_its_heading_and_root_cause(example, page_size):
    pages = page_texts(render_pdf(example, page_size=page_size)[0])
    [chain] = [p for p in pages if "Root cause" in p]
    assert "Five Whys" in chain and "Why 1" in chain and "Why 5" in chain
    # no page ends on an arrow pointing at nothing
    assert not any(p.split("Blameless postmortem")[0].rstrip().endswith("↓") for p in pages)


def test_the_running_header_of_a_draft_does_not_say_draft_twice(example):
    example.status = Status.DRAFT
    pages = page_texts(render_pdf(example)[0])
    assert "DRAFT · Draft" not in " ".join(pages)
    assert "DRAFT" in pages[1]
    example.status = Status.IN_REVIEW
    assert "DRAFT · In review" in page_texts(render_pdf(example)[0])[1]
