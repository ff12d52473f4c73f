"""The redaction test set in tests/data/redaction: postmortems with their planted identifiers."""

from __future__ import annotations

import json
from pathlib import Path

from pmdesk.models import Postmortem

SET = Path(__file__).resolve().parents[1] / "data" / "redaction"


def cases() -> list[tuple[str, Postmortem, dict[str, list[str]], list[str]]]:
    """(name, postmortem, planted identifiers by kind, strings that must survive) per file."""
    out = []
    for path in sorted(SET.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        pm = Postmortem.from_dict(data["postmortem"])
        out.append((path.stem, pm, data["planted"], data["keep"]))
    return out
