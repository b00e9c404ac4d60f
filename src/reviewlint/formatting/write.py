"""Atomic file writes: a temporary file in the same folder, then os.replace.

A reader (an editor, a concurrent `reviewlint check`) sees the old bytes or the new,
never half a file; the file keeps its permission bits; a symbolic link stays a link
and its target is what changes; on any failure the temporary file is removed.

Where the system allows it (Linux, O_TMPFILE) the new bytes are written to a file with
no name and only given one just before the rename, so a process killed (SIGKILL, power
loss) while writing leaves nothing behind in the user's folder; elsewhere a named
temporary file is used, which a kill at the wrong moment can leave behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import tempfile

# O_TMPFILE is refused by some file systems and kernels; fall back to a named file then.
_NO_UNNAMED = {errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT}


def _temporary_name(directory: str, base: str) -> str:
    return os.path.join(directory, f".{base}.{secrets.token_hex(4)}.tmp")


def _write_all(handle: int, data: bytes, mode: int) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]
    os.fsync(handle)
    os.fchmod(handle, mode)


def _link_unnamed(handle: int, name: str) -> None:
    """Give the unnamed file open as `handle` the name `name` (linkat, following the
    /proc link: passing a dir_fd makes Python call linkat rather than link)."""
    folder = os.open(os.path.dirname(name), os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(f"/proc/self/fd/{handle}", os.path.basename(name), dst_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)


def _open_unnamed(directory: str) -> int | None:
    """A new file with no name in `directory`, open for writing; None if unsupported."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None:
        return None
    try:
        return os.open(directory, flag | os.O_WRONLY, 0o600)
    except OSError as error:
        if error.errno in _NO_UNNAMED:
            return None
        raise


def create_new(path: str, data: bytes, mode: int) -> bool:
    """Create `path` with `data` and permission bits `mode`, complete or not at all: the
    bytes are written unnamed, then linked in. Raises FileExistsError if the name is taken
    (never overwrites); returns False, having done nothing, where the system cannot."""
    handle = _open_unnamed(os.path.dirname(os.path.abspath(path)))
    if handle is None:
        return False
    try:
        _write_all(handle, data, mode)
        try:
            _link_unnamed(handle, os.path.abspath(path))
        except FileNotFoundError:  # no /proc
            return False
        return True
    finally:
        os.close(handle)


def _replace_unnamed(target: str, data: bytes, mode: int) -> bool:
    """Write via an unnamed file; False when the system cannot (nothing was done)."""
    directory = os.path.dirname(target)
    handle = _open_unnamed(directory)
    if handle is None:
        return False
    try:
        _write_all(handle, data, mode)
        for _attempt in range(100):
            temporary = _temporary_name(directory, os.path.basename(target))
            try:
                _link_unnamed(handle, temporary)
                break
            except FileExistsError:
                continue
            except FileNotFoundError:  # no /proc: give the file a name another way
                return False
        else:
            raise FileExistsError(errno.EEXIST, "no free temporary name", directory)
        try:
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        return True
    finally:
        os.close(handle)


def _refuse_read_only(path: str, mode: int, directory: str) -> None:
    """A rename needs only the folder's permission, and root needs none: so a file or folder
    that nobody may write (chmod a-w, the user's way of saying "leave this alone") is
    refused by its mode bits, and a file this user may not write as open() would refuse it."""
    if not mode & 0o222:
        raise PermissionError(errno.EACCES, "the file is read-only", path)
    if not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
    refuse_read_only_folder(directory)


def refuse_read_only_folder(directory: str) -> None:
    """Raise PermissionError for a folder nobody may write, whoever we are (root too)."""
    if not stat.S_IMODE(os.stat(directory).st_mode) & 0o222:
        raise PermissionError(errno.EACCES, "its folder is read-only", directory)


def write_atomic(path: str, data: bytes) -> None:
    """Replace the file at `path` with `data`. Raises OSError when that is impossible."""
    target = os.path.realpath(path)
    directory = os.path.dirname(target)
    mode = stat.S_IMODE(os.stat(target).st_mode)
    _refuse_read_only(path, mode, directory)
    if _replace_unnamed(target, data, mode):
        return
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
