"""`newsbot crawl-sample` after a plain (non-editable) `pip install .`: the sample site ships
as package data.

The project is copied to a temporary folder (so nothing of the working tree can be reached),
installed with pip --no-deps into a fresh virtual environment whose dependencies come from
this environment's site-packages (a .pth file; this environment's editable newsbot is not
visible there), and crawl-sample is run from another empty folder.
"""

from __future__ import annotations

import shutil
import subprocess
import sysconfig
import urllib.request
import venv
from pathlib import Path

import pytest

from .crawling import ROOT, SITES


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("install")
    src = base / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "newsbot", src / "newsbot", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.check_output([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   text=True).strip()
    # Dependencies (and pip itself) from this environment; newsbot itself only from the install.
    Path(site, "newsbot-test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    proc = subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", str(src)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    shutil.rmtree(src)  # nothing may be read from the source copy any more
    return env_dir


def test_installed_package_is_not_the_working_tree(installed):
    python = installed / "bin" / "python"
    where = subprocess.check_output([python, "-c", "import newsbot; print(newsbot.__file__)"], text=True,
                                    cwd=installed).strip()
    assert where.startswith(str(installed))
    assert Path(where).parent.joinpath("samples", "sites.json").is_file()


def test_crawl_sample_works_from_a_plain_install(installed, tmp_path):
    proc = subprocess.run([installed / "bin" / "newsbot", "crawl-sample", "--port", "0"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "FileNotFoundError" not in proc.stderr
    for site in SITES["sites"]:
        line = next(ln for ln in proc.stdout.splitlines() if ln.strip().startswith(site["profile"] + " "))
        assert f"records: {site['records']:>3}" in line, line
    assert f"total                records: {sum(s['records'] for s in SITES['sites']):>3}" in proc.stdout
    assert (tmp_path / "output" / "ndtv").is_dir() and (tmp_path / "state" / "newsbot.sqlite3").is_file()


def test_sample_site_command_serves_the_installed_copy(installed):
    proc = subprocess.Popen([installed / "bin" / "newsbot", "sample-site", "--port", "0"], cwd=installed,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert "serving" in line and str(installed) in line, line
        url = line.split(" at ")[1].split()[0]
        with urllib.request.urlopen(url + "/robots.txt", timeout=10) as resp:
            assert b"Sitemap:" in resp.read()
    finally:
        proc.terminate()
        proc.wait(timeout=10)

