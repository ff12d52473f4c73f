"""Property-based: whatever bytes arrive, an importer returns events or raises TimelineImportError."""

import io
import json
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmdesk.importers import (
    TimelineImportError,
    detect_format,
    read_alertmanager,
    read_csv,
    read_json_list,
    read_pagerduty,
    read_slack,
)
from pmdesk.models import TimelineEvent

READERS = [read_alertmanager, read_pagerduty, read_json_list, read_csv, read_slack]

#: keys every format looks for, so generated JSON reaches deep into each reader
KEYS = [
    "alerts", "status", "labels", "annotations", "summary", "alertname", "startsAt", "endsAt",
    "fingerprint", "log_entries", "type", "created_at", "channel", "content", "notes", "agent",
    "event_details", "description", "incident", "id", "ts", "user", "text", "subtype", "bot_id",
    "user_profile", "real_name", "profile", "files", "name", "title", "time", "at", "source",
]  # fmt: skip
TYPES = [
    "trigger_log_entry",
    "annotate_log_entry",
    "resolve_log_entry",
    "message",
    "firing",
    "resolved",
]
TIMES = [
    "2026-03-10T14:22:00Z", "2026-03-10 14:22", "0001-01-01T00:00:00Z", "1773152520.000100",
    "1773152520", "Tue, 10 Mar 2026 14:22:00 +0000", "2026-13-45T99:99:99Z", "", "9" * 30,
]  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(TIMES + TYPES + ["<@U1>", "<!here>", "<http://x|y>", "&amp;"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5), inner, max_size=6),
    ),
    max_leaves=30,
)


def shaped(keys: list[str]) -> st.SearchStrategy:
    """Objects with the keys a format uses, holding anything: reaches each reader's inner code."""
    return st.fixed_dictionaries({}, optional={k: json_values for k in keys})


alert = shaped(["status", "labels", "annotations", "startsAt", "endsAt", "fingerprint"])
payload = st.one_of(shaped(["status"]), st.builds(dict, alerts=st.lists(alert, max_size=3)))
log_entry = st.builds(
    dict,
    type=st.sampled_from([*TYPES, "notify_log_entry", "escalate_log_entry_reference"]),
    created_at=st.sampled_from(TIMES) | json_values,
    extra=shaped(["summary", "channel", "agent", "event_details", "incident", "id", "note"]),
).map(lambda d: {**d.pop("extra"), **d})
message = shaped(["type", "subtype", "ts", "user", "text", "bot_id", "user_profile", "files"])
shaped_documents = st.one_of(
    payload,
    st.lists(payload, max_size=3),
    st.builds(dict, log_entries=st.lists(log_entry, max_size=4)),
    st.lists(message, max_size=4),
    st.lists(shaped(["time", "at", "text", "source"]), max_size=4),
)

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _only_import_errors(reader, data):
    try:
        events = reader(data)
    except TimelineImportError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert all(isinstance(e, TimelineEvent) for e in events)


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes(data):
    for reader in READERS:
        _only_import_errors(reader, data)


@FUZZ
@given(json_values)
def test_any_json(value):
    data = json.dumps(value).encode()
    for reader in READERS:
        _only_import_errors(reader, data)


@FUZZ
@given(shaped_documents)
def test_any_document_shaped_like_a_format(value):
    data = json.dumps(value).encode()
    for reader in READERS:
        _only_import_errors(reader, data)


@FUZZ
@given(st.lists(json_values, min_size=1, max_size=4))
def test_any_json_lines(values):
    data = "\n".join(json.dumps(v) for v in values).encode()
    _only_import_errors(read_alertmanager, data)


@FUZZ
@given(
    st.lists(
        st.lists(st.one_of(st.sampled_from(TIMES), st.text(max_size=12)), min_size=1, max_size=4),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from([",", ";", "\t", "|"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_any_csv(rows, delimiter, encoding):
    text = "\n".join(delimiter.join(row) for row in rows)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    _only_import_errors(read_csv, data)
    _only_import_errors(lambda d: read_csv(d, time_column="1", text_column="2"), data)


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(["users.json", "c/2026-03-10.json", "x/c/2026-03-11.json", "a.json"]),
        st.one_of(
            st.one_of(json_values, st.lists(message, max_size=3)).map(
                lambda v: json.dumps(v).encode()
            ),
            st.binary(max_size=50),
        ),
        max_size=4,
    )
)
def test_any_slack_zip(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    _only_import_errors(read_slack, buffer.getvalue())


@FUZZ
@given(st.binary(max_size=300))
def test_detection_of_any_bytes(tmp_path_factory, data):
    path = tmp_path_factory.getbasetemp() / "fuzz.bin"
    try:
        detect_format(path, data)
    except TimelineImportError:
        pass
