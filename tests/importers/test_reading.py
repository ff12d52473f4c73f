"""Hostile and odd files: each ends in one TimelineImportError, with memory bounded."""

import codecs
import io
import zipfile

import pytest

from pmdesk.importers import TimelineImportError, read_timeline
from pmdesk.importers.reading import (
    MAX_FILE_BYTES,
    MAX_JSON_CONTAINERS,
    decode_text,
    load_json,
    unzip,
)


def test_a_file_over_100_mb_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "huge.csv"
    with big.open("wb") as f:  # sparse: costs no disk and no memory
        f.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(TimelineImportError, match="huge.csv is 100 MB, more than the 100 MB"):
        read_timeline(big)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(TimelineImportError, match="does not exist"):
        read_timeline(tmp_path / "gone.csv")


@pytest.mark.parametrize(
    "encoded",
    [
        "time,text\n2026-03-10T14:00:00Z,Ünïcode ✓\n".encode(),
        codecs.BOM_UTF8 + "time,text\n2026-03-10T14:00:00Z,Ünïcode ✓\n".encode(),
        "time,text\n2026-03-10T14:00:00Z,Ünïcode ✓\n".encode("utf-16"),
        "time,text\n2026-03-10T14:00:00Z,Ünïcode ✓\n".encode("utf-16-le"),
        "time,text\n2026-03-10T14:00:00Z,Ünïcode ✓\n".encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8 BOM", "utf-16 BOM", "utf-16-le", "utf-16-be"],
)
def test_utf8_and_utf16_text_read_the_same(encoded):
    assert decode_text(encoded, "f") == "time,text\n2026-03-10T14:00:00Z,Ünïcode ✓\n"


def test_a_wrong_encoding_says_so_and_where(tmp_path):
    latin = tmp_path / "deploys.csv"
    latin.write_bytes("time,text\n2026-03-10T14:00:00Z,Käse\n".encode("latin-1"))
    with pytest.raises(TimelineImportError, match=r"not UTF-8 or UTF-16 text .*offset 32"):
        read_timeline(latin)


def test_binary_data_is_not_text():
    with pytest.raises(TimelineImportError, match="binary"):
        decode_text(b"time\x00,text\x00\x00\x00\x00x", "blob")


def test_json_nested_10000_deep_is_refused_without_recursion(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 10_000 + "]" * 10_000)
    with pytest.raises(TimelineImportError, match="deep.json nests JSON too deeply"):
        read_timeline(deep, "json")


def test_unclosed_deep_json_is_refused_too():
    with pytest.raises(TimelineImportError, match="too deeply"):
        load_json('{"a":' * 50_000, "x")


def test_json_nested_as_deep_as_a_real_export_reads():
    assert load_json("[" * 50 + "]" * 50, "ok") == eval("[" * 50 + "]" * 50)


def test_json_of_millions_of_tiny_objects_is_refused_before_parsing():
    text = "[" + "{}," * MAX_JSON_CONTAINERS + "{}]"
    with pytest.raises(TimelineImportError, match="over 2,000,000 JSON objects"):
        load_json(text, "many.json")


def test_json_lines_give_a_list_and_a_bad_line_is_named():
    assert load_json('{"a": 1}\n{"a": 2}\n', "x", lines_ok=True) == [{"a": 1}, {"a": 2}]
    with pytest.raises(TimelineImportError, match="x line 2 is not valid JSON"):
        load_json('{"a": 1}\n{"a": \n', "x", lines_ok=True)


def test_malformed_json_names_line_and_column():
    with pytest.raises(TimelineImportError, match="not valid JSON: .* line 2 column"):
        load_json('{"a": 1,\n "b": }', "payload.json")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_declaring_more_than_200_mb_is_refused_before_unpacking(tmp_path):
    bomb = tmp_path / "export.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("general/2026-03-10.json", "w", force_zip64=True) as member:
            chunk = b" " * (1024 * 1024)
            for _ in range(201):
                member.write(chunk)
    assert bomb.stat().st_size < 1024 * 1024  # small on disk, huge unpacked
    with pytest.raises(TimelineImportError, match="would unpack to 201 MB, more than the 200 MB"):
        read_timeline(bomb)


def test_a_zip_that_lies_about_its_sizes_is_refused():
    data = bytearray(_zip({"general/2026-03-10.json": b"[" + b" " * 100_000 + b"]"}))
    # Rewrite the declared unpacked size (local header and central directory) to 10 bytes.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.index(signature)
        data[at + offset : at + offset + 4] = (10).to_bytes(4, "little")
    with pytest.raises(TimelineImportError, match="unpacks to more than it declares|damaged"):
        unzip(bytes(data), "export.zip")


def test_a_damaged_zip_is_named():
    with pytest.raises(TimelineImportError, match="not a readable zip"):
        unzip(b"PK\x03\x04 this is not really a zip", "export.zip")
