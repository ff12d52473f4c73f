#!/usr/bin/env python3
"""Build the desktop bundle with PyInstaller, then smoke-test it from outside the source tree.

    python3 tasks.py package                       (or: make package)
    .venv/bin/python packaging/build.py --no-build   test the bundle already in dist/

Builds dist/pmdesk/ (work files in build/pyinstaller/) and an archive of it beside it. The
smoke test copies the bundle into a temporary folder, runs it there with an environment that
holds no Python of ours (no PYTHON* variables, no virtual environment on PATH), and checks
that `pmdesk --version`, `list`, `export` (PDF), `lint` and the window
(`--exit-after-startup`, offscreen) work. It prints the bundle's size and its start-up time over a few runs, beside the time
of the same start from the source tree.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "pmdesk.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "pmdesk"
RUNS = 7


def fail(message: str) -> None:
    sys.exit(f"build: {message}")


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from pmdesk import __version__

    return __version__


def ensure_pyinstaller() -> None:
    """Install PyInstaller into this environment if missing, as pyproject.toml's extra says."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        wanted = project["project"]["optional-dependencies"]["package"]
        print(f"build: installing {' '.join(wanted)} …", flush=True)
        pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", "install"]
        subprocess.run([*pip, *wanted], check=True)


def build() -> None:
    print("build: running PyInstaller (a minute or two) …", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={DIST}",
            f"--workpath={WORK}",
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )
    print(f"build: PyInstaller took {time.perf_counter() - started:.0f} s")
    if sys.platform.startswith("linux"):
        # The desktop entry, metainfo and installer travel inside the bundle.
        shutil.copytree(ROOT / "packaging" / "linux", BUNDLE / "linux", dirs_exist_ok=True)


def check_contents(bundle: Path) -> None:
    """Every file that pmdesk reads through importlib.resources, and Qt's platform plugins."""
    internal = bundle / "_internal"
    wanted = [
        internal / "pmdesk" / "resources" / p.relative_to(ROOT / "resources")
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    wanted += [
        internal / "pmdesk" / "lint" / "rules" / p.name
        for p in (ROOT / "pmdesk" / "lint" / "rules").glob("*.toml")
    ]
    missing = [str(p.relative_to(bundle)) for p in wanted if not p.is_file()]
    if missing:
        fail(f"the bundle lacks {len(missing)} data file(s), e.g. {', '.join(missing[:3])}")
    plugins = {p.name for p in internal.rglob("platforms/*") if p.is_file()}
    needed = ["qoffscreen"] + (["qxcb", "qwayland"] if sys.platform.startswith("linux") else [])
    for name in needed:
        if not any(name in p for p in plugins):
            fail(f"the bundle lacks Qt's {name} platform plugin")
    print(f"build: bundle holds all {len(wanted)} data files and the Qt platform plugins")


def clean_env(home: Path) -> dict[str, str]:
    """The environment of a user who never installed Python: nothing of ours on PATH."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "PMDESK_", "QT_", "VIRTUAL_ENV", "CONDA"))
    }
    path = [p for p in env.get("PATH", "").split(os.pathsep) if p and str(ROOT) not in p]
    env["PATH"] = os.pathsep.join(path)
    env["HOME"] = str(home)
    env["PMDESK_CONFIG_DIR"] = str(home / "config")
    env["PMDESK_DB"] = str(home / "data" / "pmdesk.db")
    env["XDG_DATA_HOME"] = str(home / "xdg-data")
    env["XDG_CONFIG_HOME"] = str(home / "xdg-config")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run(cmd: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        fail(f"{' '.join(cmd[1:])} exited {result.returncode}:\n{result.stderr.strip()}")
    return result


def startup_seconds(
    commands: list[tuple[list[str], dict[str, str], Path]],
) -> list[list[float]]:
    """Wall-clock seconds of each command, RUNS times, taking turns so load hits all alike."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(RUNS):
        for i, (cmd, env, cwd) in enumerate(commands):
            started = time.perf_counter()
            run(cmd, env, cwd)
            times[i].append(time.perf_counter() - started)
    return times


def smoke_test(bundle: Path, expected_version: str) -> tuple[list[float], list[float]]:
    with tempfile.TemporaryDirectory(prefix="pmdesk-smoke-") as tmp:
        outside = Path(tmp)
        if outside.resolve().is_relative_to(ROOT):
            fail(f"the temporary folder {outside} is inside the source tree")
        copy = outside / "pmdesk"
        shutil.copytree(bundle, copy, symlinks=True)
        exe = copy / ("pmdesk.exe" if sys.platform == "win32" else "pmdesk")
        env = clean_env(outside / "home")
        db = outside / "smoke.db"

        out = run([str(exe), "--version"], env, outside).stdout.strip()
        if out != f"pmdesk {expected_version}":
            fail(f"the bundled pmdesk --version said {out!r}")
        print(f"build: bundled `pmdesk --version` from {outside}: {out}")
        listing = run([str(exe), "--db", str(db), "list"], env, outside).stdout
        if "EXAMPLE" not in listing:
            fail(f"the bundled store has no example postmortem:\n{listing}")
        print("build: bundled `pmdesk list` shows the example postmortem")
        check_export_and_lint(exe, db, env, outside)
        window = [str(exe), "--exit-after-startup", "--db", str(db)]
        run(window, env, outside)
        print("build: bundled `pmdesk --exit-after-startup` (offscreen) succeeded")
        if (outside / "home" / "config" / "settings.json").exists():
            fail("a smoke-test start used up the first-run tip")

        if sys.platform.startswith("linux"):
            check_linux_install(copy, outside, env)

        source_env = {**env, "PATH": os.environ.get("PATH", "")}
        from_source = [sys.executable, "-m", "pmdesk", *window[1:]]
        bundled, source = startup_seconds([(window, env, outside), (from_source, source_env, ROOT)])
    return bundled, source


def check_export_and_lint(exe: Path, db: Path, env: dict[str, str], outside: Path) -> None:
    """The PDF needs the bundled fonts and reportlab; lint needs the bundled rule files."""
    listed = json.loads(run([str(exe), "--db", str(db), "list", "--json"], env, outside).stdout)
    pdf = outside / "smoke.pdf"
    run([str(exe), "--db", str(db), "export", str(listed[0]["id"]), "-o", str(pdf)], env, outside)
    if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
        fail("the bundled `pmdesk export` wrote no PDF")
    print(f"build: bundled `pmdesk export` wrote a {pdf.stat().st_size // 1024} KiB PDF")
    lint = subprocess.run(
        [str(exe), "lint", "-"],
        input="Sam should have checked the dashboard.\n",
        env=env,
        cwd=outside,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if lint.returncode != 1 or "counterfactual" not in lint.stdout:
        fail(f"the bundled `pmdesk lint` missed a counterfactual:\n{lint.stdout}{lint.stderr}")
    print("build: bundled `pmdesk lint` flags blame language with the bundled rules")


def check_linux_install(bundle: Path, outside: Path, env: dict[str, str]) -> None:
    """linux/install.sh from the bundle installs a working menu entry, and uninstalls it."""
    prefix = outside / "prefix"
    install = ["sh", str(bundle / "linux" / "install.sh")]
    run(install, {**env, "PREFIX": str(prefix)}, outside)
    entry = prefix / "share" / "applications" / "org.pmdesk.pmdesk.desktop"
    exec_line = next(x for x in entry.read_text().splitlines() if x.startswith("Exec="))
    program = exec_line.removeprefix("Exec=").strip('"')
    if run([program, "--version"], env, outside).stdout.strip() != f"pmdesk {version()}":
        fail(f"the installed menu entry's program {program} does not run")
    if not (prefix / "share/icons/hicolor/48x48/apps/pmdesk.png").is_file():
        fail("install.sh installed no 48x48 icon")
    validator = shutil.which("desktop-file-validate")
    if validator:
        run([validator, str(entry)], env, outside)
    run([*install, "--uninstall"], {**env, "PREFIX": str(prefix)}, outside)
    if entry.exists() or (prefix / "lib" / "pmdesk").exists():
        fail("install.sh --uninstall left pmdesk behind")
    checked = " (desktop-file-validate: clean)" if validator else ""
    print(f"build: linux/install.sh installs a menu entry that starts pmdesk{checked}")


def size_of(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def archive(bundle: Path, tag: str) -> Path:
    base = DIST / f"pmdesk-{tag}-{sys.platform}-{platform.machine().lower()}"
    fmt = "zip" if sys.platform == "win32" else "gztar"
    return Path(shutil.make_archive(str(base), fmt, bundle.parent, bundle.name))


def describe(label: str, times: list[float]) -> str:
    return (
        f"{label}: median {statistics.median(times):.2f} s, fastest {min(times):.2f} s "
        f"over {len(times)} runs"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="test the bundle in dist/")
    args = parser.parse_args()
    tag = version()
    if not args.no_build:
        ensure_pyinstaller()
        build()
    if not BUNDLE.is_dir():
        fail(f"no bundle at {BUNDLE}; run without --no-build")
    check_contents(BUNDLE)
    bundled, source = smoke_test(BUNDLE, tag)
    packed = archive(BUNDLE, tag)
    size, count = size_of(BUNDLE)
    print()
    print(f"bundle     {BUNDLE.relative_to(ROOT)}/: {size / 2**20:.0f} MiB in {count} files")
    print(f"archive    {packed.relative_to(ROOT)}: {packed.stat().st_size / 2**20:.0f} MiB")
    print("start-up   (process start to painted window and exit; includes a fixed 60 ms wait)")
    print("  " + describe("bundle", bundled))
    print("  " + describe("source", source))
    return 0


if __name__ == "__main__":
    sys.exit(main())
