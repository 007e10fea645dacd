"""`newsbot extract` reads at most its 20 MB page limit plus one byte of an input: a huge file
or an endless one (/dev/zero, a pipe) is refused as `too_large` under a hard memory limit."""

from __future__ import annotations

import subprocess
import sys

# `newsbot extract` under an address-space limit (RLIMIT_AS): reading a 2 GB input whole
# fails with MemoryError there.
LIMITED = ("import resource, sys\nresource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))\n"
           "from newsbot.cli import main\nsys.exit(main(['extract', *sys.argv[1:]]))")


def extract_limited(*args, stdin=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", LIMITED, *map(str, args)], capture_output=True, text=True,
                          timeout=120, stdin=stdin)


def test_a_2gb_file_is_refused_without_reading_it_whole(tmp_path):
    huge = tmp_path / "huge.html"
    with huge.open("wb") as f:
        f.write(b"<html><body><p>")
        f.truncate(2 << 30)  # sparse: 2 GB to read, nothing on disk
    small = tmp_path / "small.html"
    small.write_text("<html><body><h1>Small story</h1><p>New Delhi, Nov 3 (PTI) A small story with some "
                     "words in it, enough of them to be read as a paragraph.</p></body></html>")
    proc = extract_limited(huge, small)
    assert proc.returncode == 1
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith(f"newsbot extract: {huge}: too_large:"), line
    assert '"Small story"' in proc.stdout  # the next input is still read


def test_dev_zero_and_an_endless_pipe_are_refused(tmp_path):
    proc = extract_limited("/dev/zero")
    assert proc.returncode == 1 and "too_large" in proc.stderr and "MemoryError" not in proc.stderr
    with open("/dev/zero", "rb") as zero:
        proc = extract_limited("-", stdin=zero)
    assert proc.returncode == 1 and "newsbot extract: -: too_large" in proc.stderr
