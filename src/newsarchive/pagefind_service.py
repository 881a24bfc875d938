"""Pagefind's indexing service, fed pages over its pipe: no work folder, no bundle on disk.

`pagefind --service` (the binary of the `pagefind[bin]` wheel) reads requests on stdin and
answers on stdout, each a base64-encoded JSON message followed by a comma: `NewIndex`, then an
`AddFile` per page, then `GetFiles`, which returns the whole bundle. This is the protocol the
`pagefind` package's own Python client speaks; that client polls for each answer on a
timer (a wait a page), so this module speaks it directly: one thread writes the pages
while the caller reads the answers, so neither pipe fills up.

Compared with running the binary over a folder of linked pages and reading its bundle back,
this writes and removes no files: on a busy disk, creating a part's links and removing its
work folder and bundle (a few thousand files and folders) cost several times what indexing did.
"""

from __future__ import annotations

import base64
import json
import subprocess
import threading
from collections.abc import Iterator, Sequence
from contextlib import suppress
from pathlib import Path
from typing import IO, Any

from .errors import BuildError

CONFIG = {"keep_index_url": True}
"""Result URLs name files ("…/index.html"), as file:// needs."""


def index_pages(binary: Path, pages: Sequence[tuple[str, bytes]]) -> dict[str, bytes]:
    """Return the bundle Pagefind makes of (url, HTML) pages: file name -> bytes."""
    command = [str(binary), "--service"]
    try:
        service = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
    except OSError as error:
        raise BuildError(f"cannot run Pagefind ({command[0]}): {error.strerror}") from None
    assert service.stdin is not None and service.stdout is not None
    writer: threading.Thread | None = None
    try:
        answers = _answers(service.stdout)
        _send(service.stdin, 1, {"type": "NewIndex", "config": CONFIG})
        index = _expect(answers, "NewIndex", service)["index_id"]
        writer = threading.Thread(target=_add_all, args=(service.stdin, index, pages))
        writer.start()
        for _ in pages:
            _expect(answers, "IndexedFile", service)
        writer.join()
        _send(service.stdin, len(pages) + 2, {"type": "GetFiles", "index_id": index})
        files = _expect(answers, "GetFiles", service)["files"]
        return {str(f["path"]): base64.b64decode(f["content"]) for f in files}
    finally:
        service.kill()
        service.wait()
        if writer is not None:
            writer.join()  # its writes fail at once now (broken pipe)
        with suppress(BrokenPipeError):  # what is left in its buffer has nowhere to go
            service.stdin.close()
        service.stdout.close()


def _add_all(pipe: IO[bytes], index: int, pages: Sequence[tuple[str, bytes]]) -> None:
    """Send every page to the service."""
    for number, (url, html) in enumerate(pages, start=2):
        payload = {"type": "AddFile", "index_id": index, "url": url, "file_path": None}
        payload["file_contents"] = html.decode("utf-8", "replace")
        _send(pipe, number, payload)


def _send(pipe: IO[bytes], number: int, payload: dict[str, Any]) -> None:
    """Write one request (if the service has stopped, the reader says so: nothing here)."""
    message = json.dumps({"message_id": number, "payload": payload}).encode()
    with suppress(BrokenPipeError):
        pipe.write(base64.b64encode(message) + b",")
        pipe.flush()


def _answers(pipe: IO[bytes]) -> Iterator[dict[str, Any]]:
    """Yield the service's answers' payloads, in order."""
    pending = b""
    while chunk := pipe.read1(1 << 20):  # type: ignore[attr-defined]
        pending += chunk
        *whole, pending = pending.split(b",")
        for item in whole:
            yield json.loads(base64.b64decode(item))["payload"]


def _expect(answers: Iterator[dict[str, Any]], kind: str, service: subprocess.Popen[bytes]) -> Any:
    """Return the next answer, which must be of this kind; raise BuildError saying why not."""
    answer = next(answers, None)
    if answer is None:
        try:
            code: int | str = service.wait(timeout=10)
        except subprocess.TimeoutExpired:
            code = "still running"
        binary = service.args[0] if isinstance(service.args, list) else ""
        raise BuildError(
            f"Pagefind's indexing service stopped (exit {code}) before {kind}; check that "
            f"`{binary} --version` runs, or reinstall it: pip install 'pagefind[bin]~=1.5.2'"
        )
    if answer.get("type") != kind:
        detail = answer.get("message", answer.get("type"))
        raise BuildError(f"Pagefind failed while indexing ({kind}): {detail}")
    return answer
