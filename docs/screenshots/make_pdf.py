"""Draw docs/screenshots/pdf-*.png: every page of the example's PDF on A4 and on Letter.

pdf-page1.png is the README's picture (A4, page 1). Needs `pdftoppm` (Debian and Ubuntu:
poppler-utils; macOS: brew install poppler).

Run: .venv/bin/python docs/screenshots/make_pdf.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pmdesk.export.pdf import export_pdf
from pmdesk.models import load_example

OUT = Path(__file__).resolve().parent


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("make_pdf: pdftoppm not found (install poppler-utils); no pictures drawn")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        for size in ("A4", "Letter"):
            pdf = Path(tmp) / f"example-{size}.pdf"
            pages = export_pdf(load_example(), pdf, page_size=size)
            prefix = OUT / f"pdf-{size.lower()}"
            for old in OUT.glob(f"pdf-{size.lower()}-*.png"):
                old.unlink()
            subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(prefix)], check=True)
            print(f"make_pdf: {size}, {pages} pages")
            if size == "A4":
                subprocess.run(
                    ["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile"]
                    + [str(pdf), str(OUT / "pdf-page1")],
                    check=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
