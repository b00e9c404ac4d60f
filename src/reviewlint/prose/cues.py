"""Which content warnings a text suggests, and the words that suggest each.

Per sentence: match the cue lexicon (with inflections), drop matches inside traps, titles,
similes or a negation's scope, or that a guard finds figurative; then three rules that
need more than a phrase: parents'-guide headings ("Sex/Nudity: brief", "Drugs: None"),
harm to an animal ("the dog is killed": animal harm, not a death), and who is abused
(a child, a partner). Swearing counts only when quoted or censored ("f--k"): a reviewer's
own swearing is not the film's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reviewlint.prose import figurative
from reviewlint.prose.lexicon import Cue, Lexicon, PhraseTable, lexicon
from reviewlint.prose.negation import negated
from reviewlint.prose.tokens import CLAUSE_MARKS, Token, ascii_words, sentences, tokenize

# Censored swearing: "f--k", "s**t", "d-mn", "h—l".
CENSORED_RE = re.compile(r"(?<![^\W\d_])[a-zA-Z](?:[-*—–_]{2,}|[*—–]+)[a-zA-Z]{0,3}(?![^\W\d_])"
                          r"|(?<![^\W\d_])[a-zA-Z]-[b-df-hj-np-tv-z]{1,3}(?![^\W\d_])")
_HEADING_RE = re.compile(r"\s*([A-Za-z][A-Za-z &/,\-]{1,60}?)\s*(?::|\s(?=\d+\s*[-–—:.]))\s*(.*)", re.DOTALL)
_KIDS_SCORE_RE = re.compile(r"\s*(\d+)")
# Word tokens between an animal and what befalls it ("the dog is hit by a car").
ANIMAL_WINDOW = 5


def may_be_censored(text: str) -> bool:
    """Whether `text` may hold censored swearing (a cheap test before CENSORED_RE)."""
    return ("-" in text or "*" in text or "—" in text or "–" in text) and CENSORED_RE.search(text) is not None


@dataclass(frozen=True, slots=True)
class Finding:
    """A suggested warning: its slug and the characters of the words that suggest it."""

    slug: str
    start: int
    end: int
    words: str


def _match_at(tokens: Sequence[Token], index: int, cue: Cue) -> int | None:
    """End index of `cue` matched from tokens[index], or None. Cues match words only."""
    position = index
    for slot in cue.slots:
        if position >= len(tokens) or not tokens[position].is_word:
            return None
        if slot is not None and not slot.accepts(tokens[position].key):
            return None
        position += 1
    return position


def _matches(tokens: Sequence[Token], table: PhraseTable) -> Iterator[tuple[int, int, Cue]]:
    for index, token in enumerate(tokens):
        for cue in table.starting(token.key):
            end = _match_at(tokens, index, cue)
            if end is not None:
                yield index, end, cue


def _ignored(tokens: Sequence[Token], start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= tokens[start].start and tokens[end - 1].end <= e for s, e in spans)


def find(text: str, lex: Lexicon | None = None, ignored: Sequence[tuple[int, int]] = ()) -> list[Finding]:
    """Every suggested warning in `text` (per sentence, in order; a slug may repeat).
    `ignored`: (start, end) spans of `text` that nothing may come from (a site's ignored
    phrases)."""
    lex = lex or lexicon()
    found: list[Finding] = []
    # Most texts and sentences hold no cue word at all: a set intersection says so before
    # any parsing.
    if lex.trigger_words.isdisjoint(ascii_words(text)) and not may_be_censored(text):
        return found
    for start, end in sentences(text):
        if lex.trigger_words.isdisjoint(ascii_words(text[start:end])) and not may_be_censored(text[start:end]):
            continue
        tokens = tokenize(text, start, end)
        found.extend(_in_sentence(text, tokens, lex, ignored))
    return found


def _in_sentence(text: str, tokens: list[Token], lex: Lexicon, ignored: Sequence[tuple[int, int]]) -> list[Finding]:
    if not tokens:
        return []
    heading, body_from = _heading(text, tokens, lex)
    if heading == "none":
        return []
    traps = [(s, e) for s, e, _cue in _matches(tokens, lex.traps)]
    in_headline = figurative.headline(tokens)
    spans: dict[tuple[int, int], list[Cue]] = {}
    for s, e, cue in _matches(tokens, lex.cues):
        spans.setdefault((s, e), []).append(cue)
    # Longest first: "sexual assault" wins over "assault" and "sexual".
    chosen: list[tuple[int, int, list[Cue]]] = []
    taken: set[int] = set()
    for (s, e), cues in sorted(spans.items(), key=lambda item: (item[0][0] - item[0][1], item[0][0])):
        if s < body_from or taken.intersection(range(s, e)):
            continue
        taken.update(range(s, e))
        chosen.append((s, e, cues))
    chosen.sort(key=lambda item: item[0])
    findings: list[tuple[int, int, str]] = []
    for s, e, cues in chosen:
        if any(ts <= s < te or ts < e <= te or (s <= ts and te <= e) for ts, te in traps):
            continue
        if _ignored(tokens, s, e, ignored) or figurative.simile(tokens, s) or \
                figurative.titled(tokens, s, e, in_headline):
            continue
        if negated(tokens, s, e, lex):
            continue
        for cue in cues:
            guard = figurative.GUARDS.get(cue.guard) if cue.guard else None
            if (guard is None or guard(tokens, s, e, lex)) and (s, e, cue.slug) not in findings:
                findings.append((s, e, cue.slug))
    findings.extend(_swearing(text, tokens, lex))
    findings = _animals(tokens, lex, _medicine(tokens, findings))
    findings.extend(_abuse(tokens, lex, {slug for _s, _e, slug in findings}))
    findings.extend(_abused_child(tokens, lex, findings))
    result = [Finding(slug, tokens[s].start, tokens[e - 1].end, text[tokens[s].start:tokens[e - 1].end])
              for s, e, slug in findings]
    if heading:
        result.extend(_from_heading(text, tokens, lex, heading, body_from, {f.slug for f in result}))
    return result


def _heading(text: str, tokens: list[Token], lex: Lexicon) -> tuple[str, int]:
    """A parents'-guide heading at the start of the sentence ("Sex/Nudity:", "DRUGS 3 -"):
    ("none" when its value denies everything, the heading's words otherwise, "" when there is
    no heading), and the index of the first token of the value."""
    first = tokens[0]
    match = _HEADING_RE.match(text, first.start, tokens[-1].end)
    if match is None:
        return "", 0
    label = match.group(1).lower()
    parts = [p.strip() for p in re.split(r"[/&,]|\band\b", label) if p.strip()]
    if label.strip() not in lex.headings and not all(" ".join(p.replace("-", " ").split()) in lex.headings
                                                     for p in parts):
        return "", 0
    value = match.group(2)
    value_words = " ".join(re.findall(r"[a-z0-9]+", value.lower()))
    score = _KIDS_SCORE_RE.match(value)
    if value_words in lex.heading_none or (score is not None and score.group(1) == "0"):
        return "none", 0
    body_from = next((i for i, t in enumerate(tokens) if t.start >= match.start(2)), len(tokens))
    return label, body_from


def _from_heading(text: str, tokens: list[Token], lex: Lexicon, label: str, body_from: int,
                  found: set[str]) -> list[Finding]:
    """A heading's own warnings: every one it names when it names one ("Profanity: schoolyard
    words"), or when its value gives only a severity ("Sex/Nudity: mild"); otherwise the value's
    cues speak for themselves."""
    slugs: list[str] = list(lex.headings.get(label.strip(), ()))
    if not slugs:
        for part in re.split(r"[/&,]|\band\b", label):
            slugs.extend(lex.headings.get(" ".join(part.replace("-", " ").split()), ()))
    value = [t.key for t in tokens[body_from:] if t.is_word]
    severity_only = bool(value) and value[0] in lex.words("severity") and not (found & set(slugs))
    if len(slugs) > 1 and not severity_only and not (value and value[0].isdigit()):
        return []
    heading_end = tokens[max(0, body_from - 1)].end if body_from else tokens[0].end
    words = text[tokens[0].start:heading_end]
    return [Finding(slug, tokens[0].start, heading_end, words) for slug in slugs if slug not in found]


def _swearing(text: str, tokens: list[Token], lex: Lexicon) -> list[tuple[int, int, str]]:
    """Quoted swear words ("'f**k' is said twice", dialogue) and censored ones (s--t)."""
    swears = lex.words("swear_words")
    found: list[tuple[int, int, str]] = []
    for index, token in enumerate(tokens):
        if token.quoted and token.key in swears and not figurative.titled(tokens, index, index + 1, False):
            found.append((index, index + 1, "profanity"))
            break
    if not found and tokens:
        first, last = tokens[0].start, tokens[-1].end
        match = CENSORED_RE.search(text, first, last)
        if match is not None:
            index = next((i for i, t in enumerate(tokens) if t.end > match.start()), 0)
            stop = next((i + 1 for i in range(len(tokens) - 1, -1, -1) if tokens[i].start < match.end()), index + 1)
            found.append((index, max(stop, index + 1), "profanity"))
    return found


def _animals(tokens: list[Token], lex: Lexicon, findings: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Harm befalling an animal named near it is `animal-harm`; the death or violence words it
    used are then not a person's death or violence."""
    animals = lex.words("animals")
    harms = lex.words("animal_harm_verbs")
    harm_spans: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        if token.key not in animals or not token.is_word:
            continue
        if figurative.titled(tokens, index, index + 1, False) or figurative.simile(tokens, index):
            continue
        for other in _clause_neighbours(tokens, index, ANIMAL_WINDOW):
            phrases = {" ".join(t.key for t in tokens[other:other + size]) for size in (1, 2, 3)}
            if phrases & harms and not negated(tokens, other, other + 1, lex):
                harm_spans.append((min(index, other), max(index, other) + 1))
                break
    if not harm_spans:
        return findings
    kept = [(s, e, slug) for s, e, slug in findings
            if not (slug in ("death-grief", "violence", "gore") and any(hs <= s and e <= he for hs, he in harm_spans))]
    kept.extend((s, e, "animal-harm") for s, e in harm_spans[:1])
    return kept


def _medicine(tokens: list[Token], findings: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A bare "drug" beside surgery or a hospital is medicine, not drug use."""
    if not any(slug == "medical" for _s, _e, slug in findings):
        return findings
    return [(s, e, slug) for s, e, slug in findings
            if not (slug == "drugs" and e - s == 1 and tokens[s].key in ("drug", "drugs"))]


def _clause_neighbours(tokens: list[Token], index: int, window: int) -> Iterator[int]:
    """Indexes of the word tokens within `window` words of tokens[index], in its clause."""
    for step in (1, -1):
        seen = 0
        other = index + step
        while 0 <= other < len(tokens) and seen < window:
            if tokens[other].key in CLAUSE_MARKS:
                break
            if tokens[other].is_word:
                seen += 1
                yield other
            other += step


def _abuse(tokens: list[Token], lex: Lexicon, have: set[str]) -> list[tuple[int, int, str]]:
    """Abuse is a child's or a partner's by whom it befalls: a partner named in the sentence
    makes it domestic abuse; else a child (or a parent as the abuser) makes it child abuse."""
    if "child-abuse" in have and "domestic-abuse" in have and "violence" in have:
        return []
    abuse = lex.words("abuse_words")
    partners, children, parents = lex.words("partner_words"), lex.words("child_words"), lex.words("parent_words")
    keys = [t.key for t in tokens]
    for index, key in enumerate(keys):
        if key not in abuse or negated(tokens, index, index + 1, lex):
            continue
        prior = figurative.before(tokens, index, 1)
        if prior and prior[0] in ("drug", "substance", "alcohol", "sexual", "sexually", "rights", "power", "self",
                                  "animal", "elder"):
            continue  # another warning's abuse, or not abuse of a person
        near = [tokens[i].key for i in _clause_neighbours(tokens, index, 6)]
        hitting = key not in ("abuse", "abuses", "abused", "abusing", "abusive", "abuser", "abusers", "neglect",
                              "neglects", "neglected", "neglectful", "mistreatment", "maltreatment", "punishes",
                              "punished", "torments", "tormented")
        following = figurative.after(tokens, index + 1, 3)
        if hitting and not any(w in partners or w in children for w in following):
            continue  # "hits theatres", "beats the odds": only hitting a person counts
        slug = ""
        if any(w in partners for w in (near if not hitting else following)):
            slug = "domestic-abuse"
        elif any(w in children for w in (keys if not hitting else following)):
            slug = "child-abuse"
        elif not hitting:
            parent_after = any(w in parents for w in figurative.after(tokens, index + 1, 2))
            if parent_after and key != "abusive":
                slug = "domestic-abuse"  # "abuses his father": the parent is the victim
            elif parent_after or any(w in parents for w in figurative.before(tokens, index, 2)):
                slug = "child-abuse"  # "his abusive stepfather", "the father abuses"
        if not slug:
            continue
        found = [(index, index + 1, slug)] if slug not in have else []
        if hitting and "violence" not in have:
            found.append((index, index + 1, "violence"))
        return found  # the first abuse word that names its victim decides
    return []


def _abused_child(tokens: list[Token], lex: Lexicon,
                  findings: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sexual violence against a child, or by a parent, is child abuse too: "raped by her
    father", "molested as a boy"."""
    if any(slug == "child-abuse" for _s, _e, slug in findings):
        return []
    victims = lex.words("child_words") | {"father", "stepfather", "uncle", "coach", "priest", "teacher"}
    for start, end, slug in findings:
        if slug != "sexual-violence":
            continue
        for index in _clause_neighbours(tokens, end - 1, 4):
            if index > start and tokens[index].key in victims:
                return [(index, index + 1, "child-abuse")]
    return []


def suggested_warnings(text: str) -> list[str]:
    """The vocabulary slugs that `text` suggests, in order of first appearance."""
    from reviewlint import vocab

    known = vocab.content_warnings()
    slugs: list[str] = []
    for finding in find(text):
        if finding.slug in known and finding.slug not in slugs:
            slugs.append(finding.slug)
    return slugs


def review_prose(data: Mapping[str, Any]) -> Iterator[str]:
    """The prose of a review mapping (as RL303 reads it): headline, tagline, logline, synopsis,
    body, memorable scene and dialogue, recommendation, ending description."""
    review = data.get("review")
    if isinstance(review, Mapping):
        for key in ("headline", "tagline", "logline"):
            if isinstance(review.get(key), str):
                yield review[key]
        for key in ("synopsis", "memorable_scene", "recommendation"):
            section = review.get(key)
            if isinstance(section, Mapping) and isinstance(section.get("text"), str):
                yield section["text"]
        body = review.get("body")
        if isinstance(body, list):
            yield from (paragraph for paragraph in body if isinstance(paragraph, str))
        dialogue = review.get("memorable_dialogue")
        if isinstance(dialogue, list):
            yield from (line["quote"] for line in dialogue if isinstance(line, Mapping)
                        and isinstance(line.get("quote"), str))
    ending = data.get("ending")
    if isinstance(ending, Mapping) and isinstance(ending.get("description"), str):
        yield ending["description"]


def review_suggestions(data: Mapping[str, Any]) -> list[Finding]:
    """The first finding of each vocabulary warning the prose of an English review mapping
    suggests ([] for a review in another language: the cues are English)."""
    from reviewlint import vocab

    language = data.get("language", "en")
    if isinstance(language, str) and language.split("-", 1)[0].lower() != "en":
        return []
    known = vocab.content_warnings()
    first: dict[str, Finding] = {}
    for text in review_prose(data):
        for finding in find(text):
            if finding.slug in known:
                first.setdefault(finding.slug, finding)
    return list(first.values())


def describe(findings: Sequence[Finding]) -> str:
    """ "drugs ('heroin'), violence ('stabbed')" """
    return ", ".join(f"{finding.slug} ({finding.words!r})" for finding in findings)
