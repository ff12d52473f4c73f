"""The fast JSON of long lists is the same text the standard encoder writes."""

import json

from pmdesk.cli import _print_json_rows


def test_rows_are_printed_exactly_as_json_dumps_with_indent_prints_them(capsys):
    rows = [
        {"id": 1, "title": "Pool — “exhausted” 🔥", "incident_date": None, "is_example": False},
        {"id": 2, "title": 'a "quoted" \\ back\nslash', "days": 3.5, "ok": True},
    ]
    for value in (rows, []):
        _print_json_rows(value)
        assert capsys.readouterr().out == json.dumps(value, ensure_ascii=False, indent=2) + "\n"
