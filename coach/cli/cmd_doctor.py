"""``coach doctor``: check the model server (endpoint, model, context, streaming, usage, JSON).

With nothing configured, it looks for local servers on their default loopback ports instead and
says how to use what it finds. Exit 0 when a session can run, 1 when something essential fails.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from coach.cli.main import command_parser

MARK = {"ok": "ok  ", "warn": "warn", "fail": "FAIL", "skip": "skip"}


def register(sub) -> None:
    parser = command_parser(
        sub, "doctor", "check the model server: endpoint, model, context, streaming, JSON"
    )
    parser.set_defaults(func=run)


def _clean(text: str) -> str:
    """Server-supplied names reach the terminal: no control characters."""
    return "".join(c if c.isprintable() else "?" for c in text)


def run(args: argparse.Namespace) -> int:
    from coach.settings import Settings

    settings = Settings.load(offline=True if args.offline else None)
    if settings.offline:
        print("Guided mode (offline is set): no model server to check.")
        return 0
    if settings.mode == "guided":
        return _offer_local(settings)
    from coach.llm.doctor import run_checks

    print(_clean(settings.describe()))
    checks = asyncio.run(run_checks(settings))
    width = max(len(c.name) for c in checks)
    for check in checks:
        print(f"  {MARK[check.status]}  {check.name:<{width}}  {_clean(check.detail)}")
    failed = [c.name for c in checks if c.status == "fail"]
    if failed:
        print(f"Not ready: {', '.join(failed)}.", file=sys.stderr)
        return 1
    print("Ready for model mode.")
    return 0


def _offer_local(settings) -> int:
    from coach.llm.discover import find_local

    print(_clean(settings.describe()))
    found = asyncio.run(find_local())
    if not found:
        print(
            "No local model server found on 127.0.0.1 (Ollama 11434, llama.cpp 8080, LM Studio 1234)."
        )
        return 0
    print("Local model servers found (no key is sent to them):")
    for server in found:
        print(f"  {_clean(server.describe())}")
    first = found[0]
    model = first.info.models[0]
    print(
        "To use the first one: "
        f"COACH_BASE_URL={first.base_url} COACH_MODEL={_clean(model)} coach doctor"
    )
    return 0
