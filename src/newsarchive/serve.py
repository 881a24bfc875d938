"""Serve the built site on localhost, so Pagefind search and absolute paths work."""

from __future__ import annotations

import functools
import http.server
import sys
from pathlib import Path


def serve(folder: Path, host: str, port: int) -> int:
    """Serve `folder` over HTTP until interrupted; return an exit code."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    try:
        server = http.server.ThreadingHTTPServer((host, port), handler)
    except OSError as error:
        print(
            f"error: cannot listen on {host}:{port}: {error.strerror}; try --port", file=sys.stderr
        )
        return 1
    print(f"Serving {folder}/ at http://{host}:{port}/ (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print()
    finally:
        server.server_close()
    return 0
