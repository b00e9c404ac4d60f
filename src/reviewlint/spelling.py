"""English words for the spelling rule: pyspellchecker's dictionary, loaded fast, and the
word forms a dictionary of inflected words still misses.

The dictionary is pyspellchecker's English word-frequency list (MIT; built by its
maintainers from OpenSubtitles and cleaned with include/exclude lists): about 160,000
words with apostrophe forms, counted in film and TV subtitles.

Parsing its 650 KB of gzipped JSON costs over 100 ms, more than a whole one-file `check`.
So the first process that needs it compiles it once into a file under the user's cache
directory: small dictionaries (word -> count), one per three-letter prefix, stored with
`marshal` and found by an index. Later processes map that file and unmarshal only the
prefixes they look up, a few milliseconds for one review. If the file cannot be written,
the parsed list is used from memory. Nothing here is read before a rule asks for a word.
"""

from __future__ import annotations

import marshal
import mmap
import os
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

_FORMAT = b"reviewlint-dictionary 1\n"
_PREFIX = 3


def _source() -> Path:
    """pyspellchecker's English list (found without importing the package's checker)."""
    from importlib.util import find_spec

    spec = find_spec("spellchecker")
    if spec is None or spec.origin is None:
        raise RuntimeError("the spelling rule needs pyspellchecker (pip install pyspellchecker)")
    return Path(spec.origin).parent / "resources" / "en.json.gz"


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reviewlint"


def _key(word: str) -> str:
    return word[:_PREFIX]


def _with_folded_accents(counts: dict[str, int]) -> dict[str, int]:
    """The list plus the accent-free spelling of its accented words ("cliché" -> "cliche")."""
    import unicodedata

    extra: dict[str, int] = {}
    for word, count in counts.items():
        if not word.isascii():
            folded = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
            if folded and folded not in counts:
                extra[folded] = max(count, extra.get(folded, 0))
    return {**counts, **extra}


def compile_dictionary(counts: dict[str, int]) -> bytes:
    """The on-disk form: header, index length, marshalled index {prefix: (start, end)},
    then each prefix's marshalled {word: count}."""
    buckets: dict[str, dict[str, int]] = {}
    for word, count in counts.items():
        buckets.setdefault(_key(word), {})[word] = count
    blobs: list[bytes] = []
    index: dict[str, tuple[int, int]] = {}
    offset = 0
    for prefix in sorted(buckets):
        blob = marshal.dumps(buckets[prefix])
        index[prefix] = (offset, offset + len(blob))
        offset += len(blob)
        blobs.append(blob)
    head = marshal.dumps(index)
    return _FORMAT + len(head).to_bytes(8, "little") + head + b"".join(blobs)


class Dictionary:
    """Word -> count in the subtitle corpus (0: unknown). Words are looked up as given;
    the list is lower-case."""

    def __init__(self, data: bytes | mmap.mmap | None = None, counts: dict[str, int] | None = None) -> None:
        self._data = data
        self._counts = counts  # the whole list in memory (when no compiled file could be used)
        self._buckets: dict[str, dict[str, int]] = {}
        self._index: dict[str, tuple[int, int]] = {}
        self._base = 0
        if data is not None:
            size = int.from_bytes(data[len(_FORMAT):len(_FORMAT) + 8], "little")
            start = len(_FORMAT) + 8
            self._index = marshal.loads(data[start:start + size])
            self._base = start + size
            if not isinstance(self._index, dict) or self._base + max(
                    (end for _start, end in self._index.values()), default=0) != len(data):
                raise ValueError("the compiled dictionary is cut short or padded")

    def count(self, word: str) -> int:
        if self._counts is not None:
            return self._counts.get(word, 0)
        prefix = _key(word)
        bucket = self._buckets.get(prefix)
        if bucket is None:
            span = self._index.get(prefix)
            assert self._data is not None
            bucket = {} if span is None else marshal.loads(self._data[self._base + span[0]:self._base + span[1]])
            self._buckets[prefix] = bucket
        return bucket.get(word, 0)

    def bucket(self, word: str) -> dict[str, int]:
        """The listed words that share `word`'s first three letters, with their counts."""
        if self._counts is not None:
            if not self._buckets:  # grouped once, as the compiled file is
                for listed, count in self._counts.items():
                    self._buckets.setdefault(_key(listed), {})[listed] = count
            return self._buckets.get(_key(word), {})
        self.count(word)
        return self._buckets.get(_key(word), {})

    def __contains__(self, word: str) -> bool:
        return self.count(word) > 0


def _compiled_path(source: Path) -> Path:
    info = source.stat()
    return cache_root() / f"en-{info.st_size}-{info.st_mtime_ns}.dict"


def _read_compiled(path: Path) -> Dictionary | None:
    try:
        with open(path, "rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    if mapped[:len(_FORMAT)] != _FORMAT:
        return None
    try:
        return Dictionary(mapped)
    except (ValueError, EOFError, TypeError):
        return None


def _write_compiled(path: Path, blob: bytes) -> None:
    """Atomically, and silently giving up: the cache is an optimisation."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".en-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(blob)
        os.replace(temporary, path)
    except OSError:
        pass


@cache
def dictionary() -> Dictionary:
    """The English dictionary, once per process."""
    source = _source()
    path = _compiled_path(source)
    found = _read_compiled(path)
    if found is not None:
        return found
    import gzip
    import json

    counts = _with_folded_accents(json.loads(gzip.decompress(source.read_bytes())))
    _write_compiled(path, compile_dictionary(counts))
    return Dictionary(counts=counts)


# --- word forms -------------------------------------------------------------------------------

# British spellings the (American) list lacks, as (ending or infix, American form).
_BRITISH = (
    ("our", "or"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"), ("isation", "ization"),
    ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"), ("tre", "ter"), ("tres", "ters"), ("fence", "fense"),
    ("mould", "mold"), ("scept", "skept"), ("ogue", "og"), ("ogues", "ogs"), ("mme", "m"), ("mmes", "ms"),
    ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("llers", "lers"), ("ae", "e"), ("oe", "e"),
    ("eable", "able"), ("mt", "med"), ("nt", "ned"), ("lt", "led"), ("pt", "ped"),  # dreamt, learnt, spelt, leapt
)
_INFIXES = ("our", "ae", "oe", "fence", "mould", "scept")
_PREFIXES = (
    "anti", "co", "counter", "cyber", "de", "dis", "ex", "hyper", "inter", "mega", "meta", "micro", "mid", "mini",
    "mis", "multi", "neo", "non", "out", "over", "post", "pre", "proto", "pseudo", "quasi", "re", "self", "semi",
    "sub", "super", "trans", "ultra", "un", "under",
)
# (suffix, what to put back) pairs: "watched" -> "watch", "moving" -> "move", "happily" -> "happy".
_SUFFIXES = (
    ("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ied", "y"), ("ing", ""), ("ing", "e"),
    ("ly", ""), ("ily", "y"), ("ally", ""), ("er", ""), ("er", "e"), ("ers", ""), ("ers", "e"), ("est", ""),
    ("est", "e"), ("ness", ""), ("iness", "y"), ("less", ""), ("ful", ""), ("able", ""), ("able", "e"),
    ("ish", ""), ("esque", ""), ("ism", ""), ("ist", ""), ("ists", ""), ("ity", ""), ("ment", ""),
    ("ments", ""), ("ization", "ize"), ("isation", "ise"), ("wise", ""), ("like", ""),
)
_MIN_STEM = 3
_MIN_COMPOUND_PART = 4


def _british_variants(word: str) -> Iterator[str]:
    for british, american in _BRITISH:
        if british in _INFIXES:
            if british in word:
                yield word.replace(british, american)
        elif word.endswith(british):
            yield word[:-len(british)] + american


# Suffixes that begin with a vowel: before them English drops a silent e ("amazing") and
# may double a final consonant ("stopped"), so "confuseing" and "stoped" are not accepted.
_VOWEL_SUFFIXES = ("ing", "ed", "er", "ers", "est", "able", "ish", "esque", "ism", "ist", "ists", "ity")


def _slips(stem: str, suffix: str) -> Iterator[str]:
    """How `stem` + `suffix` is spelt when the writer got the join wrong: the listed form
    then is one of these ("amaze" + "ing" -> "amazing"; "begin" + "ing" -> "beginning")."""
    if suffix == "ly" and stem.endswith("ic"):
        yield stem + "ally"  # "basicly" -> "basically"
    if suffix in _VOWEL_SUFFIXES:
        if stem.endswith("e") and not stem.endswith(("ee", "oe", "ye")):
            yield stem[:-1] + suffix
        yield stem + stem[-1] + suffix
        if len(stem) > 1 and stem[-1] == stem[-2]:
            yield stem[:-1] + suffix


def _by_suffix(word: str, known: Dictionary) -> bool:
    """Whether `word` is a listed word plus a suffix, joined as English joins them."""
    for suffix, restore in _SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < _MIN_STEM:
            continue
        stem = word[:-len(suffix)]
        bases = [stem + restore]
        if not restore and len(stem) > _MIN_STEM and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
            bases.append(stem[:-1])  # "stopped" -> "stop"
        if any(base in known for base in bases):
            # ... unless a listed word is the right spelling of this one ("confuseing")
            return bool(restore) or not any(slip != word and slip in known for slip in _slips(stem, suffix))
    return False


@lru_cache(maxsize=65536)
def is_word(word: str) -> bool:
    """Whether a lower-case word is English: in the dictionary or the extra words, or a
    British spelling, an inflection, a prefixed form or a two-word compound of words that
    are."""
    known = dictionary()
    if word in known or word in extra_words():
        return True
    variants = [word, *_british_variants(word)]
    if any(variant in known for variant in variants[1:]):
        return True
    if any(_by_suffix(variant, known) for variant in variants):
        return True
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM and _plain_word(word[len(prefix):]):
            return True
    for cut in range(_MIN_COMPOUND_PART, len(word) - _MIN_COMPOUND_PART + 1):
        if (word[:cut] in known or word[:cut] in extra_words()) and _plain_word(word[cut:]):
            # "powerfull" is "power" + "full", but one slip from a listed word
            return not any(candidate in known for candidate in _edits1(word))
    return False


def _plain_word(word: str) -> bool:
    """Listed, directly or with one suffix (no prefixes or compounds: those would nest)."""
    known = dictionary()
    return (word in known or word in extra_words() or _by_suffix(word, known)
            or any(variant in known for variant in _british_variants(word)))


@cache
def extra_words() -> frozenset[str]:
    """Film, review and British words the subtitle-counted list lacks (vocab/spelling_extra.json)."""
    import json

    data = json.loads((Path(__file__).parent / "vocab" / "spelling_extra.json").read_text(encoding="utf-8"))
    return frozenset(word.lower() for group in data["words"].values() for word in group)


# --- suggestions ------------------------------------------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyz'"
_MAX_EDITS2_LENGTH = 12


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [left + right[1:] for left, right in splits if right]
    transposes = [left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1]
    replaces = [left + letter + right[1:] for left, right in splits if right for letter in _LETTERS]
    inserts = [left + letter + right for left, right in splits for letter in _LETTERS]
    return set(deletes + transposes + replaces + inserts)


# An edit-1 word this frequent is taken without looking two edits away.
_COMMON = 5000
# A suggestion must be a word in use: counted this often in the subtitles, one edit away
# (film words such as "dystopian" or "cinematographer" count a few hundred) or two edits
# away, where a looser match needs a commoner word. Rarer neighbours ("anuran" for a name
# written in lower case) suggest a name or a loanword, not a slip.
_FLOOR_ONE_EDIT = 100
_FLOOR_TWO_EDITS = 1000


def _top(found: dict[str, int], limit: int) -> tuple[str, ...]:
    return tuple(sorted(found, key=lambda candidate: (-found[candidate], candidate))[:limit])


def distance(first: str, second: str, limit: int = 2) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from one word to the other,
    counted up to `limit` + 1 (optimal string alignment)."""
    start, shortest = 0, min(len(first), len(second))
    while start < shortest and first[start] == second[start]:
        start += 1
    end_first, end_second = len(first), len(second)
    while end_first > start and end_second > start and first[end_first - 1] == second[end_second - 1]:
        end_first, end_second = end_first - 1, end_second - 1
    a, b = first[start:end_first], second[start:end_second]
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if not a or not b:
        return max(len(a), len(b))
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                best = min(best, before[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)


@lru_cache(maxsize=4096)
def nearest(word: str, limit: int = 3) -> tuple[int, tuple[str, ...]]:
    """(edits, words): the most frequent listed words one edit away (Norvig's method, as
    pyspellchecker uses it), or two edits away when those are far more frequent (a
    contraction without its apostrophe and with a vowel for the "n", such as "shouldent",
    is two edits from "shouldn't" and one from rarer words). (0, ()) when nothing is close.

    Two edits away are looked for among the words that share the first three letters: a
    full search (a quarter of a million candidates) costs a fifth of a second a word, and
    slips are rarest at a word's start."""
    known = dictionary()
    first = _edits1(word)
    first.discard(word)
    near = {candidate: count for candidate in first if (count := known.count(candidate)) >= _FLOOR_ONE_EDIT}
    best = max(near.values(), default=0)
    if best >= _COMMON or len(word) > _MAX_EDITS2_LENGTH:
        return (1, _top(near, limit)) if near else (0, ())
    far = {candidate: count for candidate, count in known.bucket(word).items()
           if count >= _FLOOR_TWO_EDITS and candidate not in near and candidate != word
           and abs(len(candidate) - len(word)) <= 2 and distance(word, candidate) == 2}
    if near and best * 100 >= max(far.values(), default=0):
        return 1, _top(near, limit)
    return (2, _top(far, limit)) if far else (0, ())


# A short word is reported only as a swap of one of the commonest words ("teh" -> "the");
# rarer ones ("ups") are too often what a lower-case acronym or a foreign word swaps to.
_SWAP_COMMON = 100_000


def swapped(word: str) -> tuple[int, tuple[str, ...]]:
    """For a short word, only a very common word with two letters swapped ("teh" ->
    "the"): anything looser matches too many short names and foreign words."""
    known = dictionary()
    found = {candidate: count for index in range(len(word) - 1)
             if (candidate := word[:index] + word[index + 1] + word[index] + word[index + 2:]) != word
             and (count := known.count(candidate)) >= _SWAP_COMMON}
    return (1, _top(found, 3)) if found else (0, ())


def suggestions(word: str, limit: int = 3) -> tuple[str, ...]:
    """The nearest listed words, best first; empty when nothing is close."""
    return nearest(word, limit)[1]


# --- finding the words of a text --------------------------------------------------------------

# A chunk is a run of characters that are not white space or plain punctuation; URLs,
# handles, e-mail addresses and anything with a digit are whole chunks and are skipped.
_CONTRACTIONS = ("n't", "'s", "'ll", "'ve", "'re", "'d", "'m")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(chunk, word, chunk to skip, stretched letters), compiled on first use."""
    return (re.compile(r"[^\s,;!?()\[\]{}<>\"“”«»|]+"),
            re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*"),
            re.compile(r"(?:^[@#]|://|^www\.|@|\d|\.[a-z]{2,4}/|^[a-z0-9.-]+\.(?:com|org|net|io|co|uk)$)",
                       re.IGNORECASE),
            re.compile(r"(.)\1\1"))


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) for each word of `text` worth checking: not in a URL, handle,
    e-mail address or a token with digits; hyphenated and slashed compounds give their
    parts; a leading or trailing apostrophe ('em, directors') is dropped."""
    chunks, word, skip, _stretched = _patterns()
    for chunk in chunks.finditer(text):
        if skip.search(chunk.group(0)):
            continue
        base = chunk.start()
        for match in word.finditer(chunk.group(0)):
            yield base + match.start(), base + match.end(), match.group(0)


def normal_form(word: str) -> str:
    """Lower case, typographic apostrophes made straight."""
    return word.replace("’", "'").lower()


def is_english(word: str) -> bool:
    """Whether a word (any case, possibly with a possessive or a contraction) is English."""
    lowered = normal_form(word)
    if is_word(lowered):
        return True
    for ending in _CONTRACTIONS:
        if lowered.endswith(ending) and len(lowered) > len(ending) + 1:
            stem = lowered[:-len(ending)]
            if is_word(stem) or (ending == "n't" and is_word(stem + "n")):  # "didn't", "can't" -> "can"
                return True
    return False


def is_deliberate(word: str) -> bool:
    """Stretched words ("sooo", "aaargh") are written that way on purpose."""
    return bool(_patterns()[3].search(word.lower()))


# Word pieces (as rules._text.words splits lower-cased prose: ASCII letters and digits)
# already found English in this process. A document whose pieces are all here needs no
# further look; in a run over many files this set soon holds the writers' vocabulary.
_KNOWN_PIECES: set[bytes] = set()
_KNOWN_PIECES_LIMIT = 500_000
# No English word is longer; a longer run of letters is not a slip worth a message.
LONGEST_WORD = 45


def unknown_pieces(pieces: set[bytes], limit: int = 3000) -> set[bytes]:
    """The pieces that are not plainly English. Contractions split into pieces ("didn",
    "t"), so a piece is also fine when it is a word with an "n" added. At most `limit`
    new pieces are looked at (the first in sorted order): a review holds a few hundred
    distinct words, and a text of many thousands of unknown ones must stay cheap."""
    fresh = pieces - _KNOWN_PIECES
    if not fresh:
        return fresh
    if len(_KNOWN_PIECES) > _KNOWN_PIECES_LIMIT:
        _KNOWN_PIECES.clear()
    unknown: set[bytes] = set()
    for piece in sorted(fresh)[:limit] if len(fresh) > limit else fresh:
        text = piece.decode("ascii")
        if (len(text) <= 2 or len(text) > LONGEST_WORD or not text.isalpha() or is_word(text)
                or (text.endswith("n") and is_word(text[:-1]))):
            _KNOWN_PIECES.add(piece)
        else:
            unknown.add(piece)
    return unknown
