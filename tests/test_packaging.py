"""The desktop packaging files agree with each other and with what ships.

PyInstaller itself is not run here (minutes, not milliseconds): `python3 tasks.py package`
builds the bundle and smoke-tests it.
"""

import ast
import configparser
import os
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pmdesk import __version__

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "resources" / "icons"
APP_ID = "org.pmdesk.pmdesk"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def installer_sizes() -> list[int]:
    line = next(
        x for x in (LINUX / "install.sh").read_text().splitlines() if x.startswith("sizes=")
    )
    return [int(s) for s in line.split("=", 1)[1].strip('"').split()]


def test_desktop_entry_starts_pmdesk_with_an_icon_that_ships():
    entry = desktop_entry()
    assert entry["Type"] == "Application" and entry["Name"] == "pmdesk"
    assert entry["Exec"].split()[0] == "pmdesk" and entry["Terminal"] == "false"
    icon = entry["Icon"]
    assert (ICONS / f"{icon}.svg").is_file()
    for size in installer_sizes():
        assert png_size(ICONS / f"{icon}-{size}.png") == (size, size)
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")


def test_every_rendered_icon_is_installed():
    rendered = sorted(int(p.stem.rsplit("-", 1)[1]) for p in ICONS.glob("pmdesk-*.png"))
    assert rendered == installer_sizes()
    assert {16, 32, 48, 256} <= set(rendered)


def test_metainfo_names_the_desktop_entry_the_icon_and_this_release():
    root = metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.find("launchable").get("type") == "desktop-id"
    assert root.findtext("icon") == desktop_entry()["Icon"]
    assert root.findtext("provides/binary") == "pmdesk"
    newest = root.find("releases/release")
    assert newest.get("version") == __version__, "add a <release> for the new version"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert root.findtext("project_license") == project["license"]
    assert root.findtext("summary") and root.find("description/p") is not None


def test_the_app_uses_the_same_desktop_id():
    source = (ROOT / "pmdesk" / "ui" / "app_icon.py").read_text()
    assert f'DESKTOP_ID = "{APP_ID}"' in source


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_entry_passes_desktop_file_validate():
    result = subprocess.run(
        ["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_metainfo_passes_appstreamcli_validate():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def spec_strings() -> set[str]:
    tree = ast.parse((ROOT / "packaging" / "pmdesk.spec").read_text())
    return {
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def test_spec_ships_resources_and_rule_files_where_the_code_reads_them():
    strings = spec_strings()
    # resources/ is the package pmdesk.resources (pyproject's package-dir); rules are pmdesk.lint's
    assert {"resources", "pmdesk/resources"} <= strings
    assert {"lint", "rules", "pmdesk/lint/rules"} <= strings
    package_dir = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert package_dir["package-dir"]["pmdesk.resources"] == "resources"
    for folder in ("fonts", "help", "icons"):
        assert any((ROOT / "resources" / folder).iterdir()), f"resources/{folder} is empty"
    assert list((ROOT / "pmdesk" / "lint" / "rules").glob("*.toml"))
    assert "pmdesk" in strings and "launcher.py" in strings
    assert (ROOT / "packaging" / "launcher.py").is_file()


def test_spec_leaves_test_tools_out_of_the_bundle():
    assert {"pytest", "hypothesis", "ruff"} <= spec_strings()


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script")
def test_install_script_installs_a_menu_entry_that_runs_and_uninstalls_cleanly(tmp_path):
    # A stand-in bundle: the real one takes minutes to build (tasks.py package tests that).
    bundle = tmp_path / "pmdesk"
    shutil.copytree(LINUX, bundle / "linux")
    shutil.copytree(ICONS, bundle / "_internal" / "pmdesk" / "resources" / "icons")
    program = bundle / "pmdesk"
    program.write_text("#!/bin/sh\necho pmdesk from the bundle\n")
    program.chmod(0o755)
    prefix = tmp_path / "home with space" / ".local"
    env = {**os.environ, "PREFIX": str(prefix)}
    script = ["sh", str(bundle / "linux" / "install.sh")]
    subprocess.run(script, env=env, check=True, capture_output=True)

    entry = prefix / "share" / "applications" / f"{APP_ID}.desktop"
    exec_line = next(x for x in entry.read_text().splitlines() if x.startswith("Exec="))
    installed = exec_line.removeprefix("Exec=").strip('"')
    assert installed == str(prefix / "lib" / "pmdesk" / "pmdesk")
    assert subprocess.run([installed], capture_output=True, text=True).stdout == (
        "pmdesk from the bundle\n"
    )
    icon = desktop_entry()["Icon"]
    for size in installer_sizes():
        assert (prefix / f"share/icons/hicolor/{size}x{size}/apps/{icon}.png").is_file()
    assert (prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (prefix / "bin" / "pmdesk").resolve() == Path(installed)

    subprocess.run([*script, "--uninstall"], env=env, check=True, capture_output=True)
    left = [p for p in prefix.rglob("*") if p.is_file() or p.is_symlink()]
    # the desktop's own caches (icon-theme.cache, mimeinfo.cache) may stay; they are shared
    assert [p for p in left if p.suffix != ".cache"] == []


def test_install_script_refuses_without_a_bundle(tmp_path):
    if sys.platform == "win32":
        pytest.skip("a POSIX shell script")
    lone = tmp_path / "somewhere" / "linux"
    shutil.copytree(LINUX, lone)
    result = subprocess.run(
        ["sh", str(lone / "install.sh")],
        env={**os.environ, "PREFIX": str(tmp_path / "prefix")},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "no pmdesk bundle" in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / "prefix").exists()
