import os
import stat
import sys

import pytest

from pmdesk.files import WriteError, write_atomically


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_new_file_gets_the_permissions_a_plain_write_would_give(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "report.pdf", b"%PDF")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.pdf").stat().st_mode) == 0o644


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_replacing_a_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "review.ics"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomically(path, b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_failed_write_is_one_clear_error_and_leaves_no_litter(tmp_path):
    with pytest.raises(WriteError, match="cannot write"):
        write_atomically(tmp_path / "missing-folder" / "x.md", b"text")
    assert list(tmp_path.iterdir()) == []
