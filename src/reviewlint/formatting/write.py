"""Atomic file writes: a temporary file in the same folder, then os.replace.

A reader (an editor, a concurrent `reviewlint check`) sees the old bytes or the new,
never half a file; the file keeps its permission bits; a symbolic link stays a link
and its target is what changes; on any failure the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile


def write_atomic(path: str, data: bytes) -> None:
    """Replace the file at `path` with `data`. Raises OSError when that is impossible."""
    target = os.path.realpath(path)
    directory = os.path.dirname(target)
    mode = stat.S_IMODE(os.stat(target).st_mode)
    handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".", suffix=".tmp",
                                         dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
