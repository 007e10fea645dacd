#!/usr/bin/env python3
"""Set-up and the two everyday jobs, with nothing but Python on the machine.

    python3 run.py crawl   # the main job: crawl the bundled sample site, write JSON-lines feeds
    python3 run.py test    # the test suite

Both create ./.venv and install the project into it on first use (and again whenever
pyproject.toml changes). Extra arguments after the job name go to the crawl or to pytest.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".newsbot-installed"


def ensure_env() -> None:
    wanted = hashlib.sha1((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted and PY.exists():
        return
    if not PY.exists():
        print("run.py: creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("run.py: installing newsbot and its dependencies into .venv", flush=True)
    subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "--upgrade", "pip"])
    subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "-e", f"{ROOT}[test,redis]"])
    STAMP.write_text(wanted)


def ensure_chromium() -> None:
    """The report test opens the report page in Debian's headless chromium: installed with
    apt-get when missing and we may (root on Debian, as CI runs); else the test says so."""
    import shutil

    if shutil.which("chromium") or os.name != "posix" or not shutil.which("apt-get") or os.geteuid() != 0:
        return
    print("run.py: installing chromium (apt-get) for the report test", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.call(["apt-get", "update", "-qq"], env=env)
    subprocess.call(["apt-get", "install", "-y", "-qq", "chromium"], env=env)


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help", "help"):
        print(__doc__)
        return 0
    if not argv or argv[0] not in ("crawl", "test", "setup"):
        print(f"run.py: expected crawl, test or setup, got {' '.join(argv) or 'nothing'} (see run.py --help)",
              file=sys.stderr)
        return 2
    ensure_env()
    job, rest = argv[0], argv[1:]
    if job in ("setup", "test"):
        ensure_chromium()
    if job == "setup":
        return 0
    if job == "test":
        return subprocess.call([str(PY), "-m", "pytest", "-n", "2", *rest], cwd=ROOT)
    return subprocess.call([str(BIN / "newsbot"), "crawl-sample", *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
