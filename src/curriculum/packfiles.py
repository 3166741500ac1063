"""Read a pack's files without trusting them: regular files inside the pack, size-capped.

A pack comes from an untrusted author: a "lesson" may be a FIFO (reading blocks forever),
a link to /dev/zero or /dev/urandom (reading never ends), or a link to a file elsewhere on
the server. `read_pack_file` opens without blocking, refuses anything that is not a regular
file inside its pack, and never reads more than `limit` bytes, whatever `stat` says.
Pictures are checked by decoding them (`picture_problem`), once per file version.
"""

from __future__ import annotations

import io
import os
import stat
import warnings
from functools import lru_cache
from pathlib import Path

MAX_PIXELS = 25_000_000  # 5000 x 5000: larger pictures are too heavy to draw
MAX_FILE_BYTES = 5_000_000  # pictures and attachments


class PackFileError(Exception):
    "A pack file cannot be read as it is; the message says why, in plain words."


def outside(path: Path, root: Path) -> bool:
    "True when `path` (links followed) is not inside `root`."
    return not path.resolve().is_relative_to(root.resolve())


def read_pack_file(path: Path, root: Path, limit: int) -> bytes:
    """The bytes of a regular file inside `root`, at most `limit` of them.

    Raises PackFileError (outside the pack, not a regular file, too large, unreadable).
    """
    if outside(path, root):
        raise PackFileError("the file is a link to a file outside the pack: copy the file "
                            "into the pack folder instead")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise PackFileError(f"cannot read the file: {exc.strerror or exc}") from exc
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise PackFileError("this is not a regular file (a device, a pipe or a folder): "
                                "replace it with a plain file")
        if info.st_size > limit:
            raise TooLarge(info.st_size, limit)
        data = f.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(len(data), limit)
    return data


class TooLarge(PackFileError):
    "The file holds more than the limit (`size` is what was seen, at least limit + 1)."

    def __init__(self, size: int, limit: int) -> None:
        self.size, self.limit = size, limit
        super().__init__(f"the file is too large ({size // 1000} kB; at most "
                         f"{limit // 1000} kB)")


def picture_problem(path: Path, root: Path, max_bytes: int = MAX_FILE_BYTES) -> str | None:
    "Why a picture cannot be drawn (unreadable, too large, does not decode), or None."
    try:
        info = path.stat()
    except OSError:
        return "cannot be read"
    return _picture_problem(str(path), str(root), info.st_mtime_ns, info.st_size, max_bytes)


@lru_cache(maxsize=2048)
def _picture_problem(path: str, root: str, _mtime: int, _size: int,
                     max_bytes: int) -> str | None:
    try:
        data = read_pack_file(Path(path), Path(root), max_bytes)
    except TooLarge:
        return f"is larger than {max_bytes // 1_000_000} MB: make it smaller"
    except PackFileError as exc:
        return f"cannot be used: {exc}"
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        return f"is too large (at most {MAX_PIXELS // 1_000_000} million pixels): make it smaller"
    except Exception:  # Pillow raises many kinds for a broken file
        return _UNDRAWABLE
    try:
        with im:
            width, height = im.size
            if width * height > MAX_PIXELS:
                return (f"is too large ({width} x {height} pixels; at most "
                        f"{MAX_PIXELS // 1_000_000} million): make it smaller")
            im.load()
    except Exception:  # Pillow raises many kinds for a broken file
        return _UNDRAWABLE
    return None


_UNDRAWABLE = ("is not a picture this app can draw (the file is damaged or in another format "
               "than its name says): save it again as PNG or JPEG")
