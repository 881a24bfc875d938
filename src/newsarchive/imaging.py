"""Image files: check that one is what its name says, measure it, make its list thumbnail.

Pillow is optional (`pip install newsarchive[images]`). Without it an image is still checked by
its first bytes and copied, but has no size on the page and no thumbnail: lists show the
original, scaled by the browser. Pillow's guard against decompression bombs is kept, and its
warning (past MAX_IMAGE_PIXELS) counts as an error: such a file gets a warning, not a thumbnail.
Thumbnails are made from the pixels alone (no EXIF, no ICC profile, no time), so the same
file and the same Pillow give the same bytes.
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any, NamedTuple

from .errors import Problem
from .models import ImageFile

MAX_BYTES = 50 * 1024 * 1024
"""An image file larger than this is not copied: no page of an archive needs one."""
THUMB_BOX = (640, 640)
"""A thumbnail fits in this box (twice the widest card, for sharp phone screens)."""
WRITABLE: dict[str, dict[str, Any]] = {
    "JPEG": {"quality": 82, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {},
}
"""Formats a thumbnail is made in (its original's): others (GIF, AVIF) keep the original."""
_SIGNATURES: dict[str, Callable[[bytes], bool]] = {
    ".png": lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"),
    ".jpg": lambda head: head.startswith(b"\xff\xd8\xff"),
    ".jpeg": lambda head: head.startswith(b"\xff\xd8\xff"),
    ".gif": lambda head: head.startswith((b"GIF87a", b"GIF89a")),
    ".webp": lambda head: head.startswith(b"RIFF") and head[8:12] == b"WEBP",
    ".avif": lambda head: head[4:8] == b"ftyp",
}
_TURNED = (5, 6, 7, 8)  # EXIF orientations that turn the picture a quarter: width and height swap


class Probe(NamedTuple):
    """What looking at an image file found: its size as shown, its format, or what is wrong."""

    size: tuple[int, int] = (0, 0)
    format: str = ""  # Pillow's name for it ("JPEG"), "" without Pillow
    problem: str = ""
    hint: str = ""


def pillow() -> ModuleType | None:
    """Return Pillow's Image module, or None when Pillow is not installed."""
    try:
        from PIL import Image
    except ImportError:
        return None
    return Image


def version() -> str:
    """Return the Pillow version thumbnails are made with ("" without Pillow)."""
    image = pillow()
    return str(getattr(image, "__version__", "")) if image else ""


def probe(path: str, rel: str) -> Probe:
    """Look at an image file: its size, checked against its name's kind, and measured by
    Pillow when it is installed; say what is wrong with it if anything is."""
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as file:
            head = file.read(16)
    except OSError as error:
        return Probe(problem=f"cannot be read ({error.strerror})", hint="check its permissions")
    if size > MAX_BYTES:
        return too_big(size)
    suffix = os.path.splitext(rel)[1].lower()
    if not _SIGNATURES[suffix](head):
        return Probe(problem=f"is not a {suffix[1:].upper()} image", hint=_RESAVE)
    image = pillow()
    if image is None or (suffix == ".avif" and ".avif" not in image.registered_extensions()):
        return Probe()
    try:
        with _guarded(image), image.open(path) as opened:
            width, height = opened.size
            turned = opened.getexif().get(0x0112) in _TURNED
            return Probe((height, width) if turned else (width, height), opened.format or "")
    except (image.DecompressionBombError, image.DecompressionBombWarning):
        return Probe(
            problem=f"has more pixels than Pillow opens safely ({image.MAX_IMAGE_PIXELS:,})",
            hint="save it smaller",
        )
    except Exception as error:  # a damaged file: Pillow raises many kinds
        return Probe(problem=f"is not an image Pillow can read ({error})", hint=_RESAVE)


def too_big(size: int) -> Probe:
    """Return what is wrong with an image file of `size` bytes, over MAX_BYTES."""
    return Probe(
        problem=f"is {size // 1024 // 1024} MB, over the {MAX_BYTES // 1024 // 1024} MB limit"
        " for an image; it was not copied",
        hint="save it smaller",
    )


_RESAVE = "save it again from an image editor, or remove it"


def thumbnail_size(found: Probe) -> tuple[int, int] | None:
    """Return the size of a picture's thumbnail, or None when it needs none (small enough, of
    a format thumbnails are not made in, or unmeasured: no Pillow)."""
    width, height = found.size
    box_width, box_height = THUMB_BOX
    if found.format not in WRITABLE or (width <= box_width and height <= box_height):
        return None
    scale = min(box_width / width, box_height / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def read(path: str) -> bytes:
    """Return an image file's bytes, to copy (b"" if it can no longer be read)."""
    try:
        with open(path, "rb") as file:
            return file.read(MAX_BYTES + 1)
    except OSError:
        return b""


def thumbnail(image: ImageFile, problems: list[Problem]) -> bytes:
    """Return an image's thumbnail, made from its pixels only; if it cannot be made, the
    original's bytes (the page's link still works) and a warning."""
    pil = pillow()
    try:
        if pil is None:
            raise RuntimeError("Pillow is not installed")
        with _guarded(pil), pil.open(image.path) as opened:
            kind = opened.format or ""
            if kind == "JPEG":
                # Decoded at the smallest scale (1/2, 1/4, 1/8) still at least the thumbnail's
                # size: its short side, as the picture may be stored turned a quarter.
                opened.draft("RGB", (min(image.thumb_size),) * 2)
            from PIL import ImageOps

            upright = ImageOps.exif_transpose(opened)
            alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
            mode = "RGBA" if alpha and kind != "JPEG" else "RGB"
            small = upright.convert(mode).resize(
                image.thumb_size, pil.Resampling.LANCZOS, reducing_gap=3.0
            )  # a box filter first, to within 3 times the size: as sharp, far faster
            clean = pil.frombytes(mode, small.size, small.tobytes())  # no metadata carried over
            out = io.BytesIO()
            clean.save(out, kind, **WRITABLE[kind])
            return out.getvalue()
    except Exception as error:  # a damaged file: Pillow raises many kinds
        problems.append(
            Problem(
                image.rel,
                f"could not be made smaller for lists ({error}); lists show it as it is",
                hint=_RESAVE,
                kind="warning",
            )
        )
        return read(image.path)


@contextmanager
def _guarded(image: Any) -> Iterator[None]:
    """Within it, Pillow's decompression-bomb warning is an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", image.DecompressionBombWarning)
        yield
