import json
import os
import subprocess
import sys

import pytest

from pmdesk import __version__
from pmdesk.cli import main


def run(capsys, *argv):
    """main() as the shell sees it: the exit status, stdout and stderr."""
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own exits (usage mistakes, --help)
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_shows_the_example_on_a_new_store(example_db, capsys):
    code, out, _ = run(capsys, "--db", example_db, "list", "--json")
    assert code == 0
    [row] = json.loads(out)
    assert row["is_example"] is True and row["severity"] == "P2"


def test_db_is_accepted_after_the_command_and_from_the_environment(
    example_db, tmp_path, capsys, monkeypatch
):
    code, out, _ = run(capsys, "list", "--db", example_db)
    assert code == 0 and "EXAMPLE" in out
    monkeypatch.setenv("PMDESK_DB", str(tmp_path / "b.db"))
    assert run(capsys, "list")[0] == 2  # the variable is read: b.db does not exist
    monkeypatch.setenv("PMDESK_DB", example_db)
    assert run(capsys, "list")[0] == 0


def test_list_filters(example_db, capsys):
    db = example_db
    assert "no postmortems" in run(capsys, "--db", db, "list", "--severity", "P1")[1]
    assert "EXAMPLE" in run(capsys, "--db", db, "list", "--search", "canary")[1]


def test_show_prints_every_field(example_db, capsys):
    db = example_db
    code, out, _ = run(capsys, "--db", db, "show", "1", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["duration_minutes"] == 47
    assert len(data["timeline"]) == 9 and len(data["action_items"]) == 5
    assert data["contributing_factors"][4] == {
        "text": "Runbook for payment errors did not mention the connection pool",
        "checked": False,
        "id": 5,
    }
    code, text, _ = run(capsys, "--db", db, "show", "1")
    for expected in ("Duration:      47 minutes", "Five Whys", "[ ] Runbook", "PLAT-88"):
        assert expected in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "99"], "pmdesk: no postmortem with id 99"),
        (["show", "x"], "invalid id"),
        (["list", "--severity", "P9"], "unknown severity 'P9'"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_mistakes_are_one_line_and_exit_2(example_db, capsys, argv, message):
    code, _, err = run(capsys, "--db", example_db, *argv)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_a_file_that_is_not_a_store_is_refused_and_kept(tmp_path, capsys):
    path = tmp_path / "notes.txt"
    path.write_text("not a database")
    code, _, err = run(capsys, "--db", str(path), "list")
    assert code == 2 and "is not a pmdesk store" in err
    assert path.read_text() == "not a database"


def _pmdesk(*argv, env=None, **kw):
    return subprocess.run(
        [sys.executable, "-m", "pmdesk", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        **kw,
    )


def test_version_and_module_entry_point():
    result = _pmdesk("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"pmdesk {__version__}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux display check")
def test_no_display_is_one_clear_line_and_exit_2(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = _pmdesk("--db", str(tmp_path / "s.db"), env=env)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "no display" in result.stderr and "QT_QPA_PLATFORM=offscreen" in result.stderr


@pytest.mark.slow
def test_exit_after_startup_opens_the_window_offscreen(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = _pmdesk("--db", str(tmp_path / "s.db"), "--exit-after-startup", env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "s.db").exists()
    # nothing a user has to wonder about (the offscreen plugin's size-hint notice included)
    assert result.stderr == "" and result.stdout == ""


def test_the_gate_fails_on_a_store_that_does_not_exist(tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path / "typo.db"), "gate")
    assert code == 2 and "no store at" in err
    assert not (tmp_path / "typo.db").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["show", "1"],
        ["schedule", "1"],
        ["export", "1"],
        ["calendar", "1", "-o", "x.ics"],
        ["actions"],
        ["metrics"],
    ],
)
def test_commands_that_only_read_refuse_a_missing_store_and_create_nothing(tmp_path, capsys, argv):
    typo = tmp_path / "no" / "such" / "store.db"
    code, out, err = run(capsys, "--db", str(typo), *argv)
    assert code == 2 and out == ""
    assert err == f"pmdesk: no store at {typo} (check --db or PMDESK_DB)\n"
    assert not (tmp_path / "no").exists()
    # ...so the deploy gate cannot then pass on a store a typo made
    assert run(capsys, "--db", str(typo), "gate")[0] == 2


def test_adding_content_creates_a_missing_store_and_says_so(tmp_path, capsys):
    doc = tmp_path / "hand.md"
    doc.write_text("# Postmortem: Hand\n", encoding="utf-8")
    db = tmp_path / "new" / "s.db"
    code, out, err = run(capsys, "--db", str(db), "import", str(doc))
    assert code == 0 and out.strip().isdigit()
    assert err.splitlines()[0] == f"pmdesk: created a new store at {db}"
    code, out, err = run(capsys, "--db", str(db), "list")
    assert code == 0 and "Hand" in out and err == ""


def test_export_to_a_folder_says_it_is_a_folder(example_db, tmp_path, capsys):
    folder = tmp_path / "out"
    folder.mkdir()
    code, _, err = run(capsys, "--db", example_db, "export", "1", "-o", str(folder))
    assert code == 2 and f"{folder} is a folder" in err
    assert list(folder.iterdir()) == []


def test_a_huge_id_is_a_one_line_mistake(tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path / "s.db"), "show", "9" * 30)
    assert code == 2 and "invalid id" in err and len(err.strip().splitlines()) == 1


def test_output_that_the_console_cannot_encode_is_replaced_not_a_crash(example_db):
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = _pmdesk("--db", example_db, "list", env=env)
    assert result.returncode == 0, result.stderr
    assert "EXAMPLE ? Checkout errors" in result.stdout
