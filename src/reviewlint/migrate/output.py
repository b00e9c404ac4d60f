"""Where converted reviews go, and how they get there safely.

Output names come from the input file's name (or a Letterboxd row's title and year),
reduced to letters, digits, `-` and `_`, so that a crafted name such as `../../x` or
`/etc/passwd` can only ever name a file inside the output folder; the final path is
checked against the folder as well. Files are written to a temporary file in the same
folder and moved into place: a new file is linked into place only if the name is still
free (never overwriting), and an existing one is replaced only with `--force`.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path

MAX_STEM = 80
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                              *(f"lpt{n}" for n in range(1, 10))})


class OutputExists(FileExistsError):
    pass


class UnsafePath(OSError):
    pass


def safe_stem(text: str, fallback: str = "review") -> str:
    """A file-name stem made only of word characters and '-': no separators, no dots,
    no leading dash, never empty, never a reserved device name."""
    normal = unicodedata.normalize("NFKC", text).lower()
    stem = re.sub(r"[^\w]+", "-", normal).strip("-_")
    stem = re.sub(r"-{2,}", "-", stem)[:MAX_STEM].strip("-_")
    if not stem:
        return fallback
    if stem in WINDOWS_RESERVED:
        return f"{stem}-{fallback}"
    return stem


def output_path(root: Path, relative_dir: tuple[str, ...], hint: str, taken: set[Path]) -> Path:
    """`root/<dirs>/<stem>.yaml`, with `-2`, `-3`... when the batch already used the name."""
    folder = root.joinpath(*(safe_stem(part, "folder") for part in relative_dir))
    stem = safe_stem(hint)
    candidate = folder / f"{stem}.yaml"
    counter = 2
    while candidate in taken:
        candidate = folder / f"{stem}-{counter}.yaml"
        counter += 1
    taken.add(candidate)
    return candidate


def _inside(path: Path, root: Path) -> bool:
    real_root = os.path.realpath(root)
    real_parent = os.path.realpath(path.parent)
    return real_parent == real_root or real_parent.startswith(real_root + os.sep)


def make_folders(folder: Path, root: Path) -> None:
    """Create `folder` (below `root`) one level at a time, checking each level before the
    next is made: a symbolic link planted in the output tree (`out/escape -> /outside`) is
    refused before anything is created through it."""
    root.mkdir(parents=True, exist_ok=True)  # the folder the user named, wherever it is
    real_root = os.path.realpath(root)
    try:
        parts = folder.relative_to(root).parts
    except ValueError:
        raise UnsafePath(f"{folder} would be outside the output folder {root}") from None
    current = root
    for part in parts:
        current = current / part
        if current.is_symlink():
            raise UnsafePath(f"{current} is a symbolic link; reviewlint does not write through links")
        real = os.path.realpath(current)
        if not (real == real_root or real.startswith(real_root + os.sep)):
            raise UnsafePath(f"{current} would be outside the output folder {root}")
        if not current.is_dir():
            current.mkdir()


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_file(path: Path, text: str, *, root: Path | None, force: bool) -> str:
    """Write `text` to `path` atomically; returns "written" or "replaced".

    Raises OutputExists when the file exists and `force` is false, UnsafePath when the
    path would leave `root` or is a symbolic link, OSError for anything else."""
    if root is not None:
        make_folders(path.parent, root)
        if not _inside(path, root):
            raise UnsafePath(f"{path} would be outside the output folder {root}")
    if path.is_symlink():
        raise UnsafePath(f"{path} is a symbolic link; reviewlint does not write through links")
    exists = path.exists()
    if exists and not force:
        raise OutputExists(f"{path} already exists (use --force to replace it)")
    from reviewlint.formatting.write import create_new, refuse_read_only_folder, write_atomic

    # Unnamed temporary files where the system has them: a kill mid-write leaves nothing behind.
    if exists:
        write_atomic(str(path), text.encode("utf-8"))  # keeps the file's permission bits
        return "replaced"
    mode = _new_file_mode()
    refuse_read_only_folder(str(path.parent))
    try:
        if create_new(str(path), text.encode("utf-8"), mode):
            return "written"
    except FileExistsError:
        raise OutputExists(f"{path} already exists (use --force to replace it)") from None
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        try:
            os.link(temporary, path)  # fails if the name was taken meanwhile: never a silent overwrite
        except FileExistsError:
            raise OutputExists(f"{path} already exists (use --force to replace it)") from None
        except OSError:  # a file system without hard links
            if path.exists():
                raise OutputExists(f"{path} already exists (use --force to replace it)") from None
            os.replace(temporary, path)
        return "written"
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
