"""An install sized to its use: the core install crawls and extracts; the store, the
report, Scrapyd and Redis are extras, and a command that needs a missing one says which
in one line (exit 2). `[test]` brings everything the tests and the package import, so CI's
`python3 run.py test` on a clean clone has it all. run.py shows pip's progress and installs
chromium without upgrading what is installed, saying what it installs first."""

from __future__ import annotations

import ast
import importlib.metadata as md
import importlib.util
import json
import re
import subprocess
import sys
import tomllib

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .crawling import FAST, ROOT, read_jsonl, serve

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
EXTRA_MODULES = ("plotly", "sqlalchemy", "alembic", "psycopg", "scrapyd", "scrapyd_client", "scrapy_redis", "redis",
                 "boto3", "boto", "sentry_sdk", "slack_sdk", "jinja2", "premailer", "scrapinghub")
"""What the core install must do without: the extras' modules and spidermon[monitoring]'s."""


def _names(reqs: list[str]) -> set[str]:
    return {canonicalize_name(Requirement(r).name) for r in reqs}


def test_core_dependencies_leave_the_servers_store_report_and_monitoring_tools_to_extras():
    core = _names(PYPROJECT["dependencies"])
    for tool in ("plotly", "sqlalchemy", "alembic", "psycopg", "scrapyd", "scrapyd-client", "scrapy-redis", "redis"):
        assert tool not in core, tool
    assert not any(Requirement(r).extras for r in PYPROJECT["dependencies"] if Requirement(r).name == "spidermon")
    extras = PYPROJECT["optional-dependencies"]
    assert {"sqlalchemy", "alembic", "psycopg"} <= _names(extras["store"])
    assert "plotly" in _names(extras["report"])
    assert {"scrapyd", "scrapyd-client"} <= _names(extras["deploy"])
    assert {"scrapy-redis", "redis"} <= _names(extras["redis"])


def _closure(name: str, extras: set[str], seen: dict[str, set[str]]) -> None:
    """Every distribution installing `name[extras]` brings, from the installed metadata."""
    key = canonicalize_name(name)
    if key in seen and extras <= seen[key]:
        return
    seen.setdefault(key, set()).update(extras)
    try:
        requires = md.requires(name) or []
    except md.PackageNotFoundError:
        return
    for line in requires:
        req = Requirement(line)
        wanted = [{**default_environment(), "extra": e} for e in (extras or {""})]
        if req.marker is None or any(req.marker.evaluate(env) for env in wanted):
            _closure(req.name, set(req.extras), seen)


def _third_party_imports() -> dict[str, str]:
    """Top-level module -> a file importing it, over newsbot/ and tests/ (not our own, not the stdlib)."""
    # our own top-level modules: the package, the tests, the sample-site generator and the benches
    ours = {"newsbot", "tests", *(p.stem for d in ("samples", "bench") for p in (ROOT / d).glob("*.py"))}
    out: dict[str, str] = {}
    for path in sorted([*(ROOT / "newsbot").rglob("*.py"), *(ROOT / "tests").glob("*.py")]):
        tree = ast.parse(path.read_text("utf-8"))
        # An import inside `try:` is optional (used when there, e.g. zstandard): not a dependency.
        optional = {id(n) for t in ast.walk(tree) if isinstance(t, ast.Try) for b in t.body for n in ast.walk(b)}
        for node in ast.walk(tree):
            if id(node) in optional:
                continue
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            for n in names:
                top = n.split(".")[0]
                if top not in sys.stdlib_module_names and top not in ours:
                    out.setdefault(top, str(path.relative_to(ROOT)))
    return out


def test_the_test_extra_installs_everything_the_tests_and_the_package_import():
    seen: dict[str, set[str]] = {}
    _closure("newsbot", {"test"}, seen)
    providers = md.packages_distributions()
    missing = []
    for module, where in _third_party_imports().items():
        dists = {canonicalize_name(d) for d in providers.get(module, [])}
        if not dists & set(seen):
            missing.append(f"{module} (imported in {where}; from {sorted(dists) or 'nothing installed'})")
    assert not missing, missing


def _run_without_extras(argv: list[str], cwd, block=EXTRA_MODULES) -> subprocess.CompletedProcess:
    """`newsbot ARGV` in a process where the extras' modules cannot be imported."""
    code = ("import sys\n"
            f"for m in {list(block)!r}: sys.modules[m] = None\n"
            "from newsbot.cli import main\n"
            f"sys.exit(main({argv!r}))\n")
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_core_install_crawls_and_extracts_without_the_extras(tmp_path):
    server, base_url = serve()
    try:
        args = ["crawl", "business_standard", "-a", f"base_url={base_url}", "-s", f"NEWSBOT_OUTPUT_DIR={tmp_path}/out",
                "-s", f"NEWSBOT_STATE={tmp_path}/state.sqlite3"] + [x for k, v in FAST.items() for x in ("-s", f"{k}={v}")]
        proc = _run_without_extras(args, tmp_path)
    finally:
        server.shutdown()
    assert proc.returncode == 0, proc.stderr[-3000:]
    feed = next(p for p in (tmp_path / "out" / "business_standard").glob("*.jsonl")
                if not p.name.endswith((".failures.jsonl", ".offers.jsonl")))
    assert len(read_jsonl(feed)) > 50
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Dam gates opened</title></head><body><article><h1>Dam gates opened</h1>"
                    "<p>Pune, Nov 2 (PTI) The irrigation department opened four gates of the dam on Sunday after "
                    "heavy rain in the catchment, officials said.</p></article></body></html>", "utf-8")
    proc = _run_without_extras(["extract", str(page)], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["headline"] == "Dam gates opened"


def test_a_command_needing_a_missing_extra_names_it_in_one_line(tmp_path):
    cases = [
        (["report", "--store", f"sqlite:///{tmp_path}/s.db"], ("plotly",), "[report]"),
        (["load", "--store", f"sqlite:///{tmp_path}/s.db", "feed.jsonl"], ("sqlalchemy", "alembic"), "[store]"),
        (["load", "--store", "postgresql://u@127.0.0.1:9/db", "feed.jsonl"], ("psycopg",), "[store]"),
        (["crawl", "business_standard", "-s", f"NEWSBOT_STORE=sqlite:///{tmp_path}/s.db"], ("sqlalchemy",), "[store]"),
        (["crawl", "business_standard", "-s", "NEWSBOT_STATE=redis://127.0.0.1:9/0"], ("redis", "scrapy_redis"),
         "[redis]"),
    ]
    for argv, block, extra in cases:
        proc = _run_without_extras(argv, tmp_path, block=block)
        assert proc.returncode == 2, (argv, proc.stderr[-2000:])
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and extra in lines[0] and f"pip install 'newsbot{extra}'" in lines[0], (argv, lines)
        assert "Traceback" not in proc.stderr


def _run_py():
    spec = importlib.util.spec_from_file_location("newsbot_run_py", ROOT / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_run_py_shows_pip_progress_and_installs_what_each_job_needs():
    run = _run_py()
    for extras in ((), ("test",)):
        for cmd in run.pip_commands(extras):
            assert not any(re.fullmatch(r"-q+|--quiet", a) for a in cmd), cmd
    assert run.pip_commands(())[-1][-1] == str(ROOT)
    assert run.pip_commands(("test",))[-1][-1] == f"{ROOT}[test]"
    assert run.EXTRAS["crawl"] == () and run.EXTRAS["test"] == ("test",)


SIMULATION = """NOTE: This is only a simulation!
Inst libxnvctrl0 (535.171.04-1 Debian:12/stable [amd64])
Inst libsystemd0 [252.30-1] (252.33-1 Debian:12/stable [amd64])
Inst chromium-common (156.0.8078.114-1~deb12u1 Debian-Security:12/oldstable-security [amd64])
Inst chromium (156.0.8078.114-1~deb12u1 Debian-Security:12/oldstable-security [amd64])
Conf chromium (156.0.8078.114-1~deb12u1 Debian-Security:12/oldstable-security [amd64])
"""


def test_run_py_says_what_apt_get_installs_first_and_upgrades_nothing_else(monkeypatch, capsys):
    run = _run_py()
    assert run.apt_plan(SIMULATION) == (["libxnvctrl0", "chromium-common", "chromium"], ["libsystemd0"])
    calls = []

    def fake_run(cmd, **kwargs):
        calls.append(("run", cmd))
        print("(simulated)")
        return subprocess.CompletedProcess(cmd, 0, stdout=SIMULATION, stderr="")

    def fake_call(cmd, **kwargs):
        calls.append(("call", cmd))
        print("(apt-get install ran)")
        return 0

    monkeypatch.setattr(run.shutil, "which", lambda name: None if name == "chromium" else f"/usr/bin/{name}")
    monkeypatch.setattr(run.os, "geteuid", lambda: 0)
    monkeypatch.setattr(run.subprocess, "run", fake_run)
    monkeypatch.setattr(run.subprocess, "call", fake_call)
    run.ensure_chromium()
    out = capsys.readouterr().out
    install = [cmd for kind, cmd in calls if kind == "call" and "install" in cmd]
    assert len(install) == 1
    assert {"--no-upgrade", "--no-install-recommends", "-y"} <= set(install[0]) and "upgrade" not in install[0]
    assert not any("update" in cmd for _, cmd in calls)  # the package lists were there: no apt-get update
    said = out.index("run.py: installing chromium")
    assert said < out.index("(apt-get install ran)")
    assert "3 new packages (libxnvctrl0, chromium-common, chromium)" in out and "libsystemd0" in out


def test_scrapy_cfg_names_a_deploy_target_that_exists_and_git_ignores_the_archive():
    import configparser

    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "scrapy.cfg")
    targets = {s.split(":", 1)[1] if ":" in s else "default" for s in cfg.sections() if s.startswith("deploy")}
    text = (ROOT / "scrapy.cfg").read_text("utf-8")
    for named in re.findall(r"scrapyd-deploy ([a-z][\w-]*)", text):
        assert named in targets, named
    assert "default" in targets
    ignored = subprocess.run(["git", "check-ignore", "-q", "archive/2026-12-01T06-15-00Z.warc.gz"], cwd=ROOT)
    assert ignored.returncode == 0
