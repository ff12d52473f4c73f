"""The command line of team libraries: init, index, sync, and --library on the checks."""

from __future__ import annotations

from pmdesk.cli import main
from pmdesk.library import LibraryIndex
from tests.library.conftest import incident, run_git


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_makes_a_git_repository_with_its_three_files_committed(tmp_path, capsys):
    code, out, _ = run(capsys, "library", "init", str(tmp_path / "team"))
    assert code == 0 and "team library ready" in out
    tracked = run_git(tmp_path / "team", "ls-files").split()
    assert tracked == [".gitattributes", ".gitignore", "README.md"]
    assert "*.md merge=pmdesk" in (tmp_path / "team" / ".gitattributes").read_text()
    assert "merge-file %O %A %B %P" in run_git(tmp_path / "team", "config", "merge.pmdesk.driver")


def test_sync_commits_with_a_message_naming_the_postmortem_and_sections(tmp_path, capsys):
    root = tmp_path / "team"
    run(capsys, "library", "init", str(root))
    with LibraryIndex(root) as index:
        index.store.add_many([incident()])
        index.write_changes()
    code, out, _ = run(capsys, "sync", "--library", str(root))
    assert code == 0
    assert out.startswith("sync: committed “Add postmortem: DNS resolvers dropped queries”")
    assert "no remote to sync with" in out
    assert run_git(root, "status", "--porcelain") == ""


def test_gate_on_a_library_reports_a_broken_file_and_counts_the_rest(tmp_path, capsys):
    root = tmp_path / "team"
    run(capsys, "library", "init", str(root))
    with LibraryIndex(root) as index:
        index.store.add_many([incident()])
        index.write_changes()
    (root / "broken.md").write_bytes(b"\x00\xff")
    code, out, err = run(capsys, "gate", "--library", str(root), "--today", "2026-03-21")
    assert code == 1
    assert out.startswith("gate closed: 1 action item ") and "Alert on resolver socket use" in out
    assert err == "pmdesk: skipped broken.md: not UTF-8 text, so not a postmortem\n"
    code, out, _ = run(capsys, "--library", str(root), "gate", "--today", "2026-03-19")
    assert code == 0 and out.startswith("gate open")


def test_index_rebuild_prints_what_it_read(tmp_path, capsys):
    root = tmp_path / "team"
    run(capsys, "library", "init", str(root))
    with LibraryIndex(root) as index:
        index.store.add_many([incident("One"), incident("Two")])
        index.write_changes()
    code, out, _ = run(capsys, "library", "index", str(root), "--rebuild")
    assert code == 0
    assert out.endswith("2 added, 0 updated, 0 removed, 0 unchanged, 0 skipped\n")


def test_sync_outside_a_git_repository_is_one_line(tmp_path, capsys):
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "a.md").write_text("# Postmortem: A\n", encoding="utf-8")
    code, _, err = run(capsys, "sync", "--library", str(tmp_path / "plain"))
    assert code == 2
    assert err.count("\n") == 1 and "is not in a git repository" in err
    assert not (tmp_path / "plain" / ".pmdesk").exists()  # nothing written to a plain folder


def test_the_readme_set_up_syncs_a_new_empty_library_to_its_remote(tmp_path, capsys):
    remote = tmp_path / "remote.git"
    run_git(tmp_path, "init", "-q", "--bare", str(remote))
    root = tmp_path / "postmortems"
    run(capsys, "library", "init", str(root))
    run_git(root, "remote", "add", "origin", str(remote))
    code, out, err = run(capsys, "sync", "--library", str(root))
    assert (code, err) == (0, "")
    assert out == "sync: nothing to commit; pushed\n"
    assert run_git(remote, "log", "--format=%s", "main") == "Start a pmdesk team library\n"
