#!/usr/bin/env python3
"""Set-up and the two everyday jobs, with nothing but Python on the machine.

    python3 run.py crawl   # the main job: crawl the bundled sample site, write JSON-lines feeds
    python3 run.py test    # the test suite
    python3 run.py setup   # only install (what `test` needs)

Both create ./.venv and install the project into it on first use (and again whenever
pyproject.toml changes), showing pip's progress: `crawl` the core install (a crawl and
`newsbot extract`), `test` the [test] extra too (every extra, and what the tests run).
`test` also installs Debian's chromium for the report test when it is missing and this
runs as root on Debian: it says which packages apt-get will install first, and upgrades
none that are installed. Extra arguments after the job name go to the crawl or to pytest.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".newsbot-installed"
EXTRAS = {"crawl": (), "test": ("test",), "setup": ("test",)}
"""The extras each job installs (pyproject.toml's [project.optional-dependencies])."""
APT_PACKAGES = ("chromium",)
APT_OPTIONS = ("-y", "-q", "--no-install-recommends", "--no-upgrade")
"""Only what chromium needs, and nothing already installed is upgraded."""


def say(message: str) -> None:
    print(f"run.py: {message}", flush=True)


def _stamp(extras: tuple[str, ...]) -> str:
    digest = hashlib.sha1((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return " ".join([digest, *sorted(extras)])


def installed_extras() -> tuple[str, ...] | None:
    """The extras of the install the stamp records, or None when pyproject.toml changed since."""
    if not (STAMP.exists() and PY.exists()):
        return None
    digest, *extras = STAMP.read_text().split() or [""]
    return tuple(extras) if digest == _stamp(()).split()[0] else None


def pip_commands(extras: tuple[str, ...]) -> list[list[str]]:
    """pip without -q: its progress (what it collects, downloads and installs) is shown."""
    target = f"{ROOT}[{','.join(extras)}]" if extras else str(ROOT)
    return [[str(PY), "-m", "pip", "install", "--upgrade", "pip"],
            [str(PY), "-m", "pip", "install", "-e", target]]


def ensure_env(extras: tuple[str, ...]) -> None:
    have = installed_extras()
    if have is not None and set(extras) <= set(have):
        return
    if not PY.exists():
        say("creating .venv")
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = tuple(sorted(set(extras) | set(have or ())))
    say(f"installing newsbot{'[' + ','.join(wanted) + ']' if wanted else ''} and its dependencies into .venv "
        "(a minute or two the first time)")
    for cmd in pip_commands(wanted):
        subprocess.check_call(cmd)
    STAMP.write_text(_stamp(wanted))


def apt_plan(simulation: str) -> tuple[list[str], list[str]]:
    """(packages apt-get would newly install, packages it would upgrade) from the output of
    `apt-get install -s`: `Inst NAME (VERSION ...)` is new, `Inst NAME [OLD] (NEW ...)` an upgrade."""
    new, upgraded = [], []
    for line in simulation.splitlines():
        if line.startswith("Inst "):
            parts = line.split()
            (upgraded if len(parts) > 2 and parts[2].startswith("[") else new).append(parts[1])
    return new, upgraded


def ensure_chromium() -> None:
    """The report test opens the report page in Debian's headless chromium: installed with
    apt-get when missing and we may (root on Debian, as CI runs); else the test says so."""
    if shutil.which("chromium") or os.name != "posix" or not shutil.which("apt-get") or os.geteuid() != 0:
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    simulate = ["apt-get", "install", "-s", *APT_OPTIONS, *APT_PACKAGES]
    proc = subprocess.run(simulate, capture_output=True, text=True, env=env)
    if proc.returncode != 0:  # no package lists yet (a fresh container): read them first
        say("reading the package lists (apt-get update) to install chromium for the report test")
        subprocess.call(["apt-get", "update", "-q"], env=env)
        proc = subprocess.run(simulate, capture_output=True, text=True, env=env)
    new, upgraded = apt_plan(proc.stdout)
    if proc.returncode != 0 or not new:
        say(f"cannot install chromium with apt-get ({proc.stderr.strip().splitlines()[-1:] or 'no candidate'}); "
            "the report test will say so")
        return
    say(f"installing chromium for the report test with apt-get: {len(new)} new packages "
        f"({', '.join(new)})" + (f"; upgraded because chromium needs them: {', '.join(upgraded)}" if upgraded
                                 else "; nothing installed is upgraded"))
    subprocess.call(["apt-get", "install", *APT_OPTIONS, *APT_PACKAGES], env=env)


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help", "help"):
        print(__doc__)
        return 0
    if not argv or argv[0] not in EXTRAS:
        print(f"run.py: expected crawl, test or setup, got {' '.join(argv) or 'nothing'} (see run.py --help)",
              file=sys.stderr)
        return 2
    job, rest = argv[0], argv[1:]
    ensure_env(EXTRAS[job])
    if job in ("setup", "test"):
        ensure_chromium()
    if job == "setup":
        return 0
    if job == "test":
        return subprocess.call([str(PY), "-m", "pytest", "-n", "2", *rest], cwd=ROOT)
    return subprocess.call([str(BIN / "newsbot"), "crawl-sample", *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
