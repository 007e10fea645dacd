"""The `newsbot` command: `newsbot extract` runs the record extraction on saved pages.

    newsbot extract FILE... [--url URL] [--profile NAME] [--pretty]

One JSON line per input, in order; `-` is standard input; `.gz` is read transparently.
A file that cannot be read or parsed is named on stderr, the rest still run, and the exit
code is 1 at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .extract import PageError, extract


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def cmd_extract(args: argparse.Namespace) -> int:
    if args.url and len(args.files) > 1:
        print("newsbot extract: --url takes one file only", file=sys.stderr)
        return 2
    failed = 0
    out = sys.stdout
    for name in args.files:
        try:
            data = _read(name)
            record = extract(data, url=args.url, profile=args.profile)
        except (OSError, PageError) as exc:
            failed += 1
            print(f"newsbot extract: {name}: {exc}", file=sys.stderr)
            continue
        except Exception as exc:  # one bad page must not stop the others
            failed += 1
            print(f"newsbot extract: {name}: cannot parse: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        indent = 1 if args.pretty else None
        out.write(json.dumps(record.to_dict(), ensure_ascii=False, indent=indent) + "\n")
        out.flush()
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsbot", description="News pages with wire copy -> JSON records")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="print one JSON record per saved page (HTML or text, .gz ok, - for stdin)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--url", help="the page's URL (one file only); picks the publisher profile")
    p.add_argument("--profile", help="force a publisher profile (e.g. business_standard)")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.set_defaults(func=cmd_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyError as exc:
        print(f"newsbot: {exc.args[0]}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
