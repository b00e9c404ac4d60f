"""A content-addressed result cache, in the style of ruff's `.ruff_cache`.

An entry's key is a hash of the file's bytes together with the fingerprint of the
effective settings for that file, the schema versions and the tool's own code, so an
edit to any of them is a miss. Entries hold the file's diagnostics without its path.

Safety:
- JSON, never pickle: the cache folder may come from an untrusted checkout, and
  unpickling attacker-written bytes would run their code. A malformed cache is ignored.
- Two runs sharing a cache at once: each writes a complete new file to a temporary name
  and renames it into place, so a reader sees an old or a new file, never a torn one;
  the last writer's entries win, which only costs a later run some misses.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
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


def _decode(raw: dict[str, Any], path: str) -> Diagnostic:
    fix = raw["f"]
    return Diagnostic(
        code=raw["c"], message=raw["m"], path=path, line=raw["l"], col=raw["o"], severity=Severity(raw["s"]),
        rule=raw["r"], end_line=raw["el"], end_col=raw["eo"], json_path=tuple(raw["p"]),
        fix=None if fix is None else Fix(fix["d"], FixSafety(fix["s"]),
                                         tuple(Edit(tuple(p), v, bool(d)) for p, v, d in fix["e"])),
    )


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
        self._load()

    def _load(self) -> None:
        try:
            with self.file.open(encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and isinstance(data.get("entries"), dict):
            self.entries = data["entries"]
            stats = data.get("stats")
            if isinstance(stats, dict):
                self.stats = stats

    def key_from_stat(self, path: str, info: os.stat_result, settings: Settings) -> str | None:
        """The entry key remembered for this file, if its stat has not changed since."""
        known = self.stats.get(path)
        if not isinstance(known, list) or len(known) != 5:
            return None
        size, mtime, inode, settings_key, key = known
        if (size, mtime, inode) != (info.st_size, info.st_mtime_ns, info.st_ino) or \
                settings_key != self.settings_key(settings):
            return None
        return key if isinstance(key, str) else None

    def remember_stat(self, path: str, info: os.stat_result, settings: Settings, key: str) -> None:
        # A file changed within the last two seconds could change again within the same
        # mtime tick without its stat changing ("racy git"): such files are not indexed.
        if time.time_ns() - info.st_mtime_ns > 2_000_000_000:
            record = [info.st_size, info.st_mtime_ns, info.st_ino, self.settings_key(settings), key]
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
        except (KeyError, TypeError, ValueError):
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
        if not self.new and not self.new_stats:
            return
        # Merge with whatever another run wrote meanwhile.
        current = ResultCache.__new__(ResultCache)
        current.file, current.entries, current.stats = self.file, {}, {}
        current._load()
        merged = {**current.entries, **self.entries, **self.new}
        stats = {**current.stats, **self.stats, **self.new_stats}
        if len(merged) > MAX_ENTRIES:
            merged = {k: v for k, v in merged.items() if k in self.used}
        stats = {p: v for p, v in stats.items() if isinstance(v, list) and len(v) == 5 and v[4] in merged}
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            gitignore = self.directory / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# Created by reviewlint: the cache is never committed.\n*\n", encoding="utf-8")
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


def encode_diagnostics(diagnostics: list[Diagnostic]) -> list[dict[str, Any]]:
    return [_encode(d) for d in diagnostics]
