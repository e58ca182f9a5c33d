"""Loaded by every Python process started with this folder on PYTHONPATH (tests/hostile/test_sandbox.py).

When DARS_SANDBOX_LOG names a file, it records to it, one JSON line each, every file the process
opens (with whether for writing), every folder it lists or makes, every file it renames, removes
or links, and every attempt at a network connection, which it also blocks: `socket.socket.connect`,
`socket.create_connection`, sends and name lookups raise. Local (AF_UNIX) sockets stay allowed: a
batch's worker processes talk to their parent over them. (Binding a socket is not a connection:
urllib3 binds one to ::1 at import to learn whether IPv6 works.)
Records go out with os.write on a descriptor opened before the hook, so recording opens nothing.
"""

import json
import os
import socket
import sys

LOG = os.environ.get("DARS_SANDBOX_LOG")

NETWORK_EVENTS = {
    "socket.connect",
    "socket.sendto",
    "socket.sendmsg",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
    "urllib.Request",
    "http.client.connect",
}
CHANGE_EVENTS = {"os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.symlink", "os.link", "os.truncate"}
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


class NetworkBlocked(OSError):
    """What a connection attempt meets in the sandbox."""


if LOG:
    _fd = os.open(LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def _record(kind, **detail):
        line = json.dumps({"pid": os.getpid(), "event": kind, **detail}, default=repr)
        os.write(_fd, line.encode("utf-8", "backslashreplace") + b"\n")

    def _is_local(args):
        sock = args[0] if args else None
        return isinstance(sock, socket.socket) and sock.family == getattr(socket, "AF_UNIX", None)

    def _hook(event, args):
        if event == "open":
            path, mode, flags = (list(args) + [None, None, None])[:3]
            if isinstance(path, int):
                return
            writing = bool(mode and any(c in str(mode) for c in "wax+")) or bool(
                isinstance(flags, int) and flags & WRITE_FLAGS
            )
            _record("open", path=os.fsdecode(path) if path is not None else None, write=writing)
        elif event in ("os.listdir", "os.scandir"):
            path = args[0] if args else None
            _record("list", path=os.fsdecode(path) if isinstance(path, (str, bytes)) else repr(path))
        elif event in CHANGE_EVENTS:
            paths = [os.fsdecode(a) for a in args if isinstance(a, (str, bytes))]
            _record("change", call=event, paths=paths)
        elif event in NETWORK_EVENTS:
            if _is_local(args):
                return
            _record("network", call=event, args=[repr(a)[:200] for a in args])
            raise NetworkBlocked(f"network blocked in the sandbox: {event}")

    sys.addaudithook(_hook)

    def _blocked(*args, **kwargs):
        _record("network", call="socket.create_connection/connect", args=[repr(a)[:200] for a in args])
        raise NetworkBlocked("network blocked in the sandbox")

    _connect = socket.socket.connect

    def _connect_unless_local(self, address):
        if self.family == getattr(socket, "AF_UNIX", None):
            return _connect(self, address)
        return _blocked(self, address)

    socket.socket.connect = _connect_unless_local
    socket.create_connection = _blocked
