"""A content-addressed result cache, in the style of ruff's `.ruff_cache`.

An entry's key is a hash of the file's bytes together with the fingerprint of the
effective settings for that file, the schema versions and the tool's own code, so an
edit to any of them is a miss. Entries hold the file's diagnostics without its path.

Safety:
- JSON, never pickle: the cache folder may come from an untrusted checkout, and
  unpickling attacker-written bytes would run their code. Everything read is validated
  (types, ranges, nesting); a malformed file or entry is discarded, never an error.
- Never through a symbolic link: a cache folder that is a link is not used at all, and
  no file in it is opened or created through a link (a planted `.gitignore` link or a
  linked folder must not make reviewlint write or delete outside the tree).
- The stat index keys a file on size, mtime, ctime and inode: a file rewritten in place
  with its old size and a restored mtime (`touch -r`) still changes its ctime.
- Two runs sharing a cache at once: each writes a complete new file to a temporary name
  and renames it into place, so a reader sees an old or a new file, never a torn one;
  the last writer's entries win, which only costs a later run some misses.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import stat as stat_module
import tempfile
import time
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from reviewlint._version import __version__
from reviewlint.diagnostics import Diagnostic, Edit, Fix, FixSafety, Severity
from reviewlint.settings import Settings

DEFAULT_DIR = ".reviewlint_cache"
CACHE_FORMAT = 1
# Past this many entries a write keeps only the entries this run used.
MAX_ENTRIES = 200_000
# A cache file bigger than this was not written by reviewlint: it is ignored unread.
MAX_CACHE_BYTES = 1024 * 1024 * 1024


@cache
def code_fingerprint() -> str:
    """The tool version plus the size and mtime of the package's own files, so a cache
    never survives a change to reviewlint itself (even in a development checkout)."""
    package = Path(__file__).resolve().parent
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json"):
            stat = path.stat()
            digest.update(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()


def settings_fingerprint(settings: Settings) -> str:
    fields = {k: v for k, v in asdict(settings).items() if k != "source"}
    return hashlib.blake2b(repr(sorted(fields.items())).encode(), digest_size=16).hexdigest()


def entry_key(content: bytes, settings_key: str) -> str:
    digest = hashlib.blake2b(content, digest_size=20)
    digest.update(settings_key.encode())
    return digest.hexdigest()


def _encode(diagnostic: Diagnostic) -> dict[str, Any]:
    fix = diagnostic.fix
    return {
        "c": diagnostic.code, "m": diagnostic.message, "l": diagnostic.line, "o": diagnostic.col,
        "s": int(diagnostic.severity), "r": diagnostic.rule, "el": diagnostic.end_line, "eo": diagnostic.end_col,
        "p": list(diagnostic.json_path),
        "f": None if fix is None else {
            "d": fix.description, "s": fix.safety.value,
            "e": [[list(e.path), e.value, e.delete] for e in fix.edits],
        },
    }


class Malformed(ValueError):
    """A cache entry that is not what this version writes."""


def _position(value: Any, *, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if type(value) is not int or not 1 <= value < 1 << 31:
        raise Malformed(f"bad position {value!r:.40}")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise Malformed("expected a string")
    return value


def _json_value(value: Any, depth: int = 0) -> Any:
    """A fix's value as JSON holds it, bounded in depth and free of NaN and infinities."""
    if depth > 64:
        raise Malformed("value nested too deeply")
    if isinstance(value, float) and not math.isfinite(value):
        raise Malformed("non-finite number")
    if isinstance(value, list):
        return [_json_value(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return {_text(key): _json_value(item, depth + 1) for key, item in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise Malformed("unexpected value")


def _json_path(value: Any) -> tuple[str | int, ...]:
    if not isinstance(value, list) or not all(isinstance(step, (str, int)) and not isinstance(step, bool)
                                              for step in value):
        raise Malformed("bad JSON path")
    return tuple(value)


def _decode(raw: Any, path: str) -> Diagnostic:
    """A cached diagnostic, every field checked; Malformed (a ValueError) when one is off."""
    if not isinstance(raw, dict):
        raise Malformed("entry is not an object")
    fix = raw["f"]
    decoded_fix = None
    if fix is not None:
        if not isinstance(fix, dict) or not isinstance(fix.get("e"), list):
            raise Malformed("bad fix")
        edits = []
        for edit in fix["e"]:
            if not isinstance(edit, list) or len(edit) != 3:
                raise Malformed("bad edit")
            edits.append(Edit(_json_path(edit[0]), _json_value(edit[1]), bool(edit[2])))
        decoded_fix = Fix(_text(fix["d"]), FixSafety(fix["s"]), tuple(edits))
    severity = raw["s"]
    if type(severity) is not int:
        raise Malformed("bad severity")
    return Diagnostic(
        code=_text(raw["c"]), message=_text(raw["m"]), path=path, line=_position(raw["l"]) or 1,
        col=_position(raw["o"]) or 1, severity=Severity(severity), rule=_text(raw["r"]),
        end_line=_position(raw["el"], optional=True), end_col=_position(raw["eo"], optional=True),
        json_path=_json_path(raw["p"]), fix=decoded_fix,
    )


def _valid_stat(record: Any) -> bool:
    """[size, mtime_ns, ctime_ns, inode, settings key, entry key], as remember_stat writes."""
    return (isinstance(record, list) and len(record) == 6
            and all(type(number) is int for number in record[:4])
            and isinstance(record[4], str) and isinstance(record[5], str))


def _is_link(path: Path) -> bool:
    try:
        return stat_module.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


class ResultCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.file = directory / f"results-v{CACHE_FORMAT}-{code_fingerprint()}.json"
        self.entries: dict[str, list[dict[str, Any]]] = {}
        # The stat index, as git's: absolute path -> [size, mtime_ns, inode, entry key]. A
        # file whose stat still matches needs no read and no hash on a warm run.
        self.stats: dict[str, list[Any]] = {}
        self.new_stats: dict[str, list[Any]] = {}
        self.new: dict[str, list[dict[str, Any]]] = {}
        self.used: set[str] = set()
        self._settings_keys: dict[int, tuple[Settings, str]] = {}
        # A cache folder that is a symbolic link is neither read nor written.
        self.usable = not _is_link(directory)
        if self.usable:
            self._load()

    def _load(self) -> None:
        try:
            # O_NOFOLLOW: the cache file itself is never read through a link either.
            descriptor = os.open(self.file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(descriptor, encoding="utf-8") as handle:
                if os.fstat(descriptor).st_size > MAX_CACHE_BYTES:
                    return  # not one this version wrote (it keeps at most MAX_ENTRIES): not read at all
                data = json.load(handle)
        except (OSError, ValueError, RecursionError):  # RecursionError: "[[[[..." nested past the stack
            return
        if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT or \
                not isinstance(data.get("entries"), dict):
            return
        self.entries = {key: value for key, value in data["entries"].items() if isinstance(value, list)}
        stats = data.get("stats")
        if isinstance(stats, dict):
            # Records are checked one by one where they are used (key_from_stat) and before
            # a save: a warm run over 10,000 files reads each once, and needs no pass of its own.
            self.stats = stats

    def key_from_stat(self, path: str, info: os.stat_result, settings: Settings) -> str | None:
        """The entry key remembered for this file, if its stat has not changed since (and
        the record is one this version wrote: anything else is a miss)."""
        known = self.stats.get(path)
        if type(known) is not list or len(known) != 6:
            return None
        size, mtime, ctime, inode, settings_key, key = known
        # Compared, never hashed: a list where a number belongs is simply unequal.
        if (size, mtime, ctime, inode) != (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino) or \
                settings_key != self.settings_key(settings) or type(key) is not str:
            return None
        return key

    def remember_stat(self, path: str, info: os.stat_result, settings: Settings, key: str) -> None:
        # A file changed within the last two seconds could change again within the same
        # mtime tick without its stat changing ("racy git"): such files are not indexed.
        if time.time_ns() - info.st_mtime_ns > 2_000_000_000:
            record = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, self.settings_key(settings), key]
            if self.stats.get(path) != record:  # unchanged: no reason to rewrite the cache
                self.new_stats[path] = record

    def entry_key(self, content: bytes, settings: Settings) -> str:
        return entry_key(content, self.settings_key(settings))

    def settings_key(self, settings: Settings) -> str:
        known = self._settings_keys.get(id(settings))
        if known is None or known[0] is not settings:
            known = (settings, settings_fingerprint(settings))
            self._settings_keys[id(settings)] = known
        return known[1]

    def get(self, key: str, path: str) -> list[Diagnostic] | None:
        raw = self.entries.get(key)
        if raw is None:
            return None
        try:
            found = [_decode(item, path) for item in raw]
        except (KeyError, TypeError, ValueError, RecursionError):
            return None  # a damaged or foreign entry is a miss, never an error
        self.used.add(key)
        return found

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        encoded = [_encode(d) for d in diagnostics]
        self.new[key] = encoded
        self.used.add(key)

    def add_encoded(self, key: str, encoded: list[dict[str, Any]]) -> None:
        self.new[key] = encoded
        self.used.add(key)

    def save(self) -> None:
        if not self.usable or (not self.new and not self.new_stats):
            return
        # Merge with whatever another run wrote meanwhile.
        current = ResultCache.__new__(ResultCache)
        current.file, current.entries, current.stats = self.file, {}, {}
        current._load()
        merged = {**current.entries, **self.entries, **self.new}
        stats = {**current.stats, **self.stats, **self.new_stats}
        if len(merged) > MAX_ENTRIES:
            merged = {k: v for k, v in merged.items() if k in self.used}
        stats = {p: v for p, v in stats.items() if _valid_stat(v) and v[5] in merged}
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            if _is_link(self.directory):  # made a link since we looked: leave it alone
                return
            _create_gitignore(self.directory / ".gitignore")
            descriptor, temporary = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                    json.dump({"format": CACHE_FORMAT, "entries": merged, "stats": stats}, handle,
                              separators=(",", ":"))
                os.replace(temporary, self.file)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            return  # a read-only checkout still gets its results; only the cache is lost
        for stale in self.directory.glob(f"results-v{CACHE_FORMAT}-*.json"):
            if stale != self.file:
                with contextlib.suppress(OSError):
                    stale.unlink()


def _create_gitignore(path: Path) -> None:
    """Write the cache's .gitignore unless something (a file, a link, dangling or not) is
    already there: O_EXCL never follows a link, so nothing is created where one points."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags, 0o644)
    except FileExistsError:
        return
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write("# Created by reviewlint: the cache is never committed.\n*\n")


def encode_diagnostics(diagnostics: list[Diagnostic]) -> list[dict[str, Any]]:
    return [_encode(d) for d in diagnostics]
