"""Markdown to safe HTML: what a help page or a preview may show, and what it never shows."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmdesk.safe_html import markdown_to_safe_html, safe_href, sanitise_html

ALLOWED = set(
    "a blockquote br code del em h1 h2 h3 h4 h5 h6 hr kbd li ol p pre strong "
    "table tbody td th thead tr ul".split()
)
TAG = re.compile(r"<\s*/?\s*([a-zA-Z][\w:-]*)([^>]*)>")


def test_script_and_style_go_with_their_content():
    html = markdown_to_safe_html("Hi <script>steal()</script><style>p{}</style> there")
    assert "steal" not in html and "p{}" not in html and "<script" not in html
    assert "Hi" in html and "there" in html


def test_images_frames_and_event_handlers_are_dropped():
    html = markdown_to_safe_html(
        '<img src="file:///etc/passwd"> ![x](file:///etc/passwd)\n\n'
        '<iframe src="https://example.org"></iframe>\n\n'
        '<p onclick="go()" style="color:red">words</p>'
    )
    assert "<img" not in html and "<iframe" not in html
    assert "onclick" not in html and "style" not in html and "passwd" not in html
    assert "<p>words</p>" in html


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "&#106;avascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html;base64,PHNjcmlwdD4=",
        "qrc:/x.png",
        "//example.org/x",
        "../secrets.md",
        "other.html",
    ],
)
def test_links_that_could_reach_files_or_run_code_lose_their_target(href):
    html = markdown_to_safe_html(f'[here]({href}) and <a href="{href}">there</a>')
    assert "href" not in html
    assert "here" in html and "there" in html


@pytest.mark.parametrize(
    "href", ["https://example.org/a?b=1", "http://example.org", "#the-five-whys", "shortcuts.md"]
)
def test_web_links_anchors_and_help_pages_keep_their_target(href):
    assert f'href="{href}"' in markdown_to_safe_html(f"[x]({href})").replace("&amp;", "&")
    assert safe_href(href) == href


def test_markdown_structure_survives():
    html = markdown_to_safe_html(
        "# Title\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- one\n- two\n\n`<b>` and **bold**\n"
    )
    assert '<h1 id="title">Title</h1>' in html
    assert '<td align="left">1</td>' in html and '<td align="right">2</td>' in html
    assert "<li>one</li>" in html
    assert "<code>&lt;b&gt;</code>" in html and "<strong>bold</strong>" in html


def test_output_is_always_well_nested():
    assert sanitise_html("<p><em>open <strong>never closed") == (
        "<p><em>open <strong>never closed</strong></em></p>"
    )
    assert sanitise_html("stray </em></p> end") == "stray  end"


@given(
    st.lists(
        st.sampled_from(
            [
                "<",
                ">",
                "/",
                '"',
                "'",
                "=",
                " ",
                "script",
                "img",
                "a",
                "p",
                "href",
                "src",
                "onerror",
                "javascript:",
                "file:",
                "<!--",
                "-->",
                "&lt;",
                "&#60;",
                "text",
                "\n",
                "`",
                "[x](",
                ")",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_no_input_produces_a_tag_or_attribute_outside_the_allow_list(text):
    html = markdown_to_safe_html(text)
    for m in TAG.finditer(html):
        assert m.group(1).lower() in ALLOWED, html
        for name in re.findall(r"([a-zA-Z-]+)=", m.group(2)):
            assert name in {"href", "title", "id", "name", "align", "start"}, html
        for href in re.findall(r'href="([^"]*)"', m.group(2)):
            assert safe_href(href.replace("&amp;", "&")) is not None, html
