"""Reading exported PDFs back, as a reader's tools would."""

from __future__ import annotations

import io

import pypdf


def pdf_text(data: bytes) -> str:
    """All text of a PDF, whitespace collapsed, so wrapped lines read as one."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def page_texts(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def open_pdf(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))
