"""``coach serve``: the same app in a browser (textual-serve), on this machine only by default.

The page and its WebSocket need a token printed once at start (see ``coach/tui/web_server.py``);
an address other than loopback needs ``--allow-remote`` because anyone who can reach it and learns
the URL gets the owner's journal.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import shlex
import socket
import sys

from coach.cli.main import command_parser
from coach.errors import CoachError

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def register(sub) -> None:
    parser = command_parser(sub, "serve", "the app in a browser, bound to 127.0.0.1 by default")
    parser.add_argument("--port", type=str, default="8000", help="port (default 8000)")
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)"
    )
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a --host other than loopback (other machines can then reach the page)",
    )
    parser.set_defaults(func=run)


def serve_command(args: argparse.Namespace) -> str:
    """The command textual-serve runs for each browser tab: this coach, same options."""
    from coach.compose import Flags

    return shlex.join([sys.executable, "-m", "coach", *Flags.from_args(args).argv()])


def check_port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 1 <= port <= 65535:
        raise CoachError(f"--port must be a number from 1 to 65535 (got {value!r}).")
    return port


def check_host(host: str, allow_remote: bool) -> bool:
    """True when ``host`` is loopback; refuse others without ``--allow-remote`` and wildcards."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is not None and address.is_loopback:
        return True
    if not allow_remote:
        raise CoachError(
            f"--host {host} lets other machines reach your journal; "
            "add --allow-remote if that is what you want."
        )
    if address is not None and address.is_unspecified:
        raise CoachError(
            f"--host {host} listens everywhere; give the address people will open "
            "(for example --host 192.168.1.5) so requests for other names can be refused."
        )
    return False


def check_free(host: str, port: int) -> None:
    """Bind once before starting, so a busy port is one line before anything else is printed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise CoachError(f"{host} is not an address of this machine.") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp does
        try:
            probe.bind(address)
        except OSError as error:
            raise _listen_error(error, host, port) from None


def _listen_error(error: OSError, host: str, port: int) -> CoachError:
    if error.errno == errno.EADDRINUSE:
        return CoachError(f"Port {port} is already in use on {host}; choose another with --port.")
    if error.errno in (errno.EACCES, errno.EPERM):
        return CoachError(f"Not allowed to listen on port {port}; choose one above 1023.")
    if error.errno == errno.EADDRNOTAVAIL:
        return CoachError(f"{host} is not an address of this machine.")
    return CoachError(f"Could not listen on {host}:{port}: {error.strerror}.")


def make_server(args: argparse.Namespace, port: int):
    from coach.tui.web_server import GuardedServer

    return GuardedServer(serve_command(args), host=args.host, port=port, title="coach")


def run(args: argparse.Namespace) -> int:
    port = check_port(args.port)
    local = check_host(args.host, args.allow_remote)
    check_free(args.host, port)
    if local:
        print(
            f"coach: serving on this machine only (port {port}); Ctrl+C to stop.", file=sys.stderr
        )
    else:
        print(
            f"coach: WARNING: serving on {args.host}:{port}, reachable from other machines; "
            "anyone with the URL below can read your journal. Ctrl+C to stop.",
            file=sys.stderr,
        )
    server = make_server(args, port)
    try:
        server.serve()
    except OSError as error:  # lost a race for the port since check_free
        raise _listen_error(error, args.host, port) from None
    return 0
