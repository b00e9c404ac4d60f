"""Atomic file writes: a temporary file in the same folder, then os.replace.

A reader (an editor, a concurrent `reviewlint check`) sees the old bytes or the new,
never half a file; the file keeps its permission bits, owner and group; a symbolic link
stays a link and its target is what changes; on any failure the temporary file is removed.

A rewrite replaces only the bytes it was computed from: given what was read (`expected`),
the file's identity (device, inode, size, modification and change times) is compared just
before the rename, and a file saved meanwhile by an editor or another run is left as it is
(ChangedOnDisk). Runs of reviewlint also lock each file they rewrite (`locked`), so two
of them take turns instead of racing. A file with other hard links is refused: replacing
it would leave its other names with the old text.

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
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# (device, inode, size, mtime_ns, ctime_ns): what changes when anyone writes or replaces a file.
Identity = tuple[int, int, int, int, int]
# How long a run waits for another run that is rewriting the same file.
LOCK_WAIT_SECONDS = 30.0

# O_TMPFILE is refused by some file systems and kernels; fall back to a named file then.
_NO_UNNAMED = {errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT}


def _temporary_name(directory: str, base: str) -> str:
    return os.path.join(directory, f".{base}.{secrets.token_hex(4)}.tmp")


class ChangedOnDisk(OSError):
    """The file is no longer the one that was read: another program wrote it meanwhile."""

    def __init__(self, path: str) -> None:
        super().__init__(errno.EAGAIN, "it changed on disk after reviewlint read it (saved by an editor or another "
                         "run?), and its new contents were kept: run again", path)


class NotRegularFile(OSError):
    """A named pipe, socket or device: opening it for reading could wait forever."""

    def __init__(self, path: str) -> None:
        super().__init__(errno.EINVAL, "not a regular file (a named pipe, socket or device)", path)


def identity(info: os.stat_result) -> Identity:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A file's bytes and its identity when they were read."""

    data: bytes
    identity: Identity


def read_snapshot(handle: int, limit: int, path: str) -> Snapshot:
    """At most `limit` bytes of the open file `handle` (named `path`), read whole and
    unchanged: a file written while it was being read is read again."""
    for _attempt in range(10):
        before = os.fstat(handle)
        os.lseek(handle, 0, os.SEEK_SET)
        chunks: list[bytes] = []
        size = 0
        while size < limit:
            chunk = os.read(handle, min(1 << 20, limit - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        after = os.fstat(handle)
        if identity(before) == identity(after):
            return Snapshot(b"".join(chunks), identity(after))
    raise ChangedOnDisk(path)


@contextlib.contextmanager
def locked(path: str) -> Iterator[int]:
    """`path` open for reading (a named pipe or device is refused, never waited on) and
    locked against other reviewlint runs that rewrite it, until the block ends.

    The lock is advisory (editors do not take it; `expected` in write_atomic covers
    them); where the system has none, the file is simply opened."""
    for _attempt in range(10):
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
                         | getattr(os, "O_BINARY", 0))
        try:
            info = os.fstat(handle)
            if not stat.S_ISREG(info.st_mode):
                raise NotRegularFile(path)
            _lock(handle, path)
            current = os.stat(path)
            if (current.st_dev, current.st_ino) != (info.st_dev, info.st_ino):
                continue  # replaced while this run waited for the lock: open the new file
            yield handle
            return
        finally:
            os.close(handle)
    raise ChangedOnDisk(path)


def _lock(handle: int, path: str) -> None:
    try:
        import fcntl
    except ImportError:  # not POSIX
        return
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise OSError(errno.EWOULDBLOCK, "another reviewlint run has been rewriting it for "
                              f"{LOCK_WAIT_SECONDS:.0f} s", path) from None
            time.sleep(0.02)
        except OSError:  # no locks here (some network file systems): the identity check remains
            return


def _write_all(handle: int, data: bytes, mode: int, owner: tuple[int, int], path: str) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]
    os.fsync(handle)
    _keep_owner(handle, owner, path)
    os.fchmod(handle, mode)


def _keep_owner(handle: int, owner: tuple[int, int], path: str) -> None:
    """Give the new file the old one's owner and group (root formatting a user's file must
    not leave it root's). A user who may not (only root may give a file away) is refused
    rather than silently taking the file over."""
    info = os.fstat(handle)
    if (info.st_uid, info.st_gid) == owner or not hasattr(os, "fchown"):
        return
    try:
        os.fchown(handle, *owner)
    except PermissionError:
        whose = "another user's" if info.st_uid != owner[0] else "another group's"
        raise PermissionError(errno.EPERM, f"it is {whose} file (uid {owner[0]}, gid {owner[1]}), and a "
                              "replacement written by this user could not keep its owner", path) from None


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
        _write_all(handle, data, mode, _own(handle), path)
        try:
            _link_unnamed(handle, os.path.abspath(path))
        except FileNotFoundError:  # no /proc
            return False
        return True
    finally:
        os.close(handle)


def _own(handle: int) -> tuple[int, int]:
    info = os.fstat(handle)
    return info.st_uid, info.st_gid


def _replace_unnamed(target: str, data: bytes, mode: int, owner: tuple[int, int],
                     unchanged: Callable[[], None]) -> bool:
    """Write via an unnamed file; False when the system cannot (nothing was done)."""
    directory = os.path.dirname(target)
    handle = _open_unnamed(directory)
    if handle is None:
        return False
    try:
        _write_all(handle, data, mode, owner, target)
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
            unchanged()
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


class _AlreadyWritten(Exception):
    """The file changed meanwhile, into exactly the bytes about to be written."""


def write_atomic(path: str, data: bytes, *, expected: Identity | bytes | None = None) -> None:
    """Replace the file at `path` with `data`. Raises OSError when that is impossible, and
    ChangedOnDisk (an OSError) when the file is not what was read: `expected` is its
    identity when read (see Snapshot), or the bytes read (then they are compared now).
    A file that another run has meanwhile rewritten to exactly `data` is left as it is."""
    target = os.path.realpath(path)
    directory = os.path.dirname(target)
    info = os.stat(target)
    mode = stat.S_IMODE(info.st_mode)
    _refuse_read_only(path, mode, directory)
    if info.st_nlink > 1:
        raise OSError(errno.EMLINK, f"it has {info.st_nlink} hard links, and replacing it would leave the "
                      "other names with the old text (break the link with cp, or edit it by hand)", path)
    wanted = identity(info)

    def unchanged() -> None:
        """Right before the rename: is the file still the one read?"""
        if identity(os.stat(target)) != wanted:
            if _holds(target, data):
                raise _AlreadyWritten
            raise ChangedOnDisk(path)

    owner = (info.st_uid, info.st_gid)
    try:
        if isinstance(expected, bytes):
            wanted = _identity_if_same(target, expected, data)
        elif expected is not None:
            wanted = expected
        unchanged()
        if _replace_unnamed(target, data, mode, owner, unchanged):
            return
        _replace_named(target, data, mode, owner, unchanged)
    except _AlreadyWritten:
        return


def _replace_named(target: str, data: bytes, mode: int, owner: tuple[int, int], unchanged: Callable[[], None]) -> None:
    """Write via a named temporary file (systems without unnamed files)."""
    handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".", suffix=".tmp",
                                         dir=os.path.dirname(target))
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            _keep_owner(stream.fileno(), owner, target)
        os.chmod(temporary, mode)
        unchanged()
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _holds(target: str, data: bytes) -> bool:
    try:
        with open(target, "rb") as handle:
            return handle.read(len(data) + 1) == data
    except OSError:
        return False


def _identity_if_same(target: str, expected: bytes, data: bytes) -> Identity:
    """The file's identity if it still holds `expected`; ChangedOnDisk otherwise."""
    with open(target, "rb") as handle:
        snapshot = read_snapshot(handle.fileno(), max(len(expected), len(data)) + 1, target)
    if snapshot.data == data:
        raise _AlreadyWritten
    if snapshot.data != expected:
        raise ChangedOnDisk(target)
    return snapshot.identity


def write_new_or_replace(path: str, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (a report file): replace it atomically
    if it exists, else create it the same way. A full disk leaves no empty or half file."""
    if os.path.lexists(path):
        write_atomic(path, data)
        return
    if create_new(path, data, 0o666 & ~_umask()):
        return
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.link(temporary, path)  # fails if the name was taken meanwhile: never overwrites
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
