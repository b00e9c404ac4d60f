"""Site chrome around a post, and the bylines that state who wrote it and when.

Chrome is what a blog platform prints around every post: share buttons ("Twitter
Facebook"), navigation ("Newer Post Older Post Home"), comment forms ("Leave a Reply",
"Fill in your details below..."), like and rating widgets. A line is chrome only when it
is made entirely of such words or is one of the platforms' fixed sentences, so a sentence
of the review that mentions Twitter is never dropped.

Bylines: "Posted on February 3, 2019 by Ana Ruiz", "by Ana Ruiz on March 4, 2024",
"Ana Ruiz's review: ...", "About Ana Ruiz" (an author box), and a headline that carries
its byline ("Title Review written by Ana Ruiz on 10/27/2020 ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewlint.migrate.dates import parse_date

# Words that make up share bars, navigation and widgets when a line holds nothing else.
CHROME_WORDS = frozenset("""
    newer older post posts home twitter facebook pinterest tumblr reddit linkedin whatsapp telegram email e-mail
    print share shares sharing tweet like likes reblog subscribe follow login log in sign register menu search
    advertisement advertisements sponsored related comments comment reply pocket flipboard mastodon
    threads bluesky instagram youtube rss feed atom next previous prev navigation
    presenters members member account profile cart to on via x google+ google messenger
    copy link permalink bookmark embed loading... loading votes
""".split())

# A share button alone on its line.
SHARE_BUTTONS = frozenset({"twitter", "facebook", "pinterest", "reddit", "tumblr", "linkedin", "whatsapp", "telegram",
                           "pocket", "flipboard", "mastodon", "bluesky", "email", "e-mail", "print", "like", "related",
                           "share", "tweet", "reblog", "loading..."})

CHROME_SENTENCES = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
    r"leave a (?:reply|comment)(?: cancel reply)?", r"cancel reply", r"fill in your details below.*",
    r"you are commenting using your .*", r"notify me of (?:new|follow-up) (?:comments|posts).*",
    r"log out\s*/?\s*change\s*\)?", r"change\s*\)", r"no votes yet\.?", r"please wait\.{0,3}",
    r"how would you rate this (?:movie|film|post|review)\??", r"rate this:?", r"click to (?:share|email|print).*",
    r"post to (?:twitter|facebook|pinterest|tumblr|reddit|x)", r"share (?:on|via) \w+",
    r"(?:wordpress\.com|twitter|facebook|google) (?:logo|picture|photo)",
    r"(?:email|e-mail|name|website)(?: \(required\))?(?: \(address never made public\))?\*?",
    r"save my name, email, and website in this browser.*", r"post was not sent - check your email addresses!?",
    r"sorry, your blog cannot share posts by email\.?", r"be the first to like this\.?",
    r"no comments yet\.?(?: log in and be the first!?)?", r"log in (?:to|and) (?:reply|comment).*",
    r"(?:newer|older) (?:post|entry)(?: (?:newer|older) (?:post|entry))?(?: home)?",
    r"subscribe to:?\s*(?:post )?comments.*", r"filed under:?.*", r"tagged:?\s.*", r"posted in:?\s.*",
    r"read (?:our )?full review.*", r"official (?:movie|film) site", r"where to watch\s*[–—:-]?\s*click here.*",
    r"\d+\s+(?:likes?|shares?|views?|reactions?)", r"like\s+loading\.{0,3}…?",
    # Image captions and credits: "Salt Road Film Poster", "Salt Road Film Image 6", "Photo Credit: ...".
    r"[^.!?]{0,80}?\b(?:film|movie)\s+(?:poster|image\s*\d*|still\s*\d*)",
    r"[^.!?\s]+\s+[^.!?]{1,80}?\s(?:official\s+|teaser\s+|theatrical\s+)?poster", r"(?:photo|image|picture)\s+"
    r"(?:credits?|courtesy|source)\s*:.*", r"\*?\s*i\s+don['’]?t\s+own\s+(?:this|the|these|any)\s+"
    r"(?:photos?|images?|pictures?|pics?)\.?.*",
))


_CHROME_SENTENCE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in CHROME_SENTENCES), re.IGNORECASE)


def is_chrome(text: str) -> bool:
    """A line made only of widget and navigation words, or a fixed platform sentence."""
    stripped = text.strip().strip("|•·»«>-–— ")
    if not stripped or len(stripped) > 160:
        return False
    if _CHROME_SENTENCE.fullmatch(stripped):
        return True
    words = [word.strip(".,:;!?()[]|•·»«\"'").lower() for word in stripped.split()]
    words = [word for word in words if word]
    if len(words) == 1 and words[0] in SHARE_BUTTONS:
        return True  # one button per line, as share lists come out of a page
    if not words or len(words) > 12:
        return False
    # Two widget words at least: "Home" alone is a heading as often as a link.
    return len(words) >= 2 and all(word in CHROME_WORDS for word in words) and any(
        word not in {"to", "on", "via", "in", "next", "previous", "post", "posts", "home", "like", "follow"}
        for word in words)


@dataclass(frozen=True, slots=True)
class Byline:
    name: str | None
    date: str | None          # ISO date when the byline states an unambiguous one
    date_text: str | None     # the date as written
    rest: str | None = None   # text after the byline on the same line (kept by the caller)
    head: str | None = None   # text before it (a headline the byline was glued to)


_NAME = r"(?P<name>[^\W\d_][\w.'’\-]*(?:\s+[\w.'’\-]+){0,4}?)"
_DATE_WORDS = (r"(?P<date>(?:\w+,?\s+)?(?:\w+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
               r"|\d{1,2}(?:st|nd|rd|th)?\s+\w+\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}))")
_POSTED_ON_BY = re.compile(rf"^(?:posted|published|written|reviewed)\s+(?:on\s+)?{_DATE_WORDS}\s+by:?\s+{_NAME}\.?$",
                           re.IGNORECASE)
_BY_ON = re.compile(rf"^(?:(?:posted|published|written|reviewed)\s+)?by:?\s+{_NAME}\s+(?:on|at|[|,·•–-])\s*"
                    rf"{_DATE_WORDS}\.?$", re.IGNORECASE)
_HEADLINE_BYLINE = re.compile(rf"^(?P<head>.+?)\s+(?:written|posted|reviewed)\s+by\s+{_NAME}\s+on\s+{_DATE_WORDS}"
                              r"(?:\s+(?P<rest>.+))?$", re.IGNORECASE)
_POSSESSIVE_REVIEW = re.compile(r"^(?P<name>[^\W\d_][\w.\-]*(?:\s+[^\W\d_][\w.\-]*){0,2})['’]s\s+review\s*:\s*"
                                r"(?P<rest>.*)$", re.IGNORECASE)
_ABOUT = re.compile(r"^about\s+(?P<name>[^\W\d_][\w.'’\-]*(?:\s+[^\W\d_][\w.'’\-]*){0,2})$", re.IGNORECASE)


def _name_ok(name: str) -> bool:
    words = name.split()
    return (0 < len(words) <= 5 and not name.endswith(".") and words[0][:1].isupper()) or name.isupper()


def read_byline(text: str) -> Byline | None:
    """"Posted on DATE by NAME", "by NAME on DATE": who and when, both from one line."""
    stripped = text.strip()
    for pattern in (_POSTED_ON_BY, _BY_ON):
        match = pattern.match(stripped)
        if match and _name_ok(match["name"]):
            date_text = match["date"]
            return Byline(match["name"].strip(), parse_date(date_text), date_text)
    return None


def headline_byline(text: str) -> Byline | None:
    """"Over the Top Review written by Ana Ruiz on 10/27/2020 This post contains ...": the
    headline, the author, the date, and what follows, each apart."""
    match = _HEADLINE_BYLINE.match(text.strip())
    if match is None:
        return None
    return Byline(match["name"].strip(), parse_date(match["date"]), match["date"], rest=match["rest"],
                  head=match["head"].strip())


def possessive_review(text: str) -> Byline | None:
    """"ANA'S REVIEW: The film..." -> the author, and the review text that follows on the line."""
    match = _POSSESSIVE_REVIEW.match(text.strip())
    if match is None or not match["name"][:1].isupper():
        return None
    return Byline(match["name"].strip(), None, None, rest=match["rest"].strip() or None)


def author_box(text: str) -> str | None:
    """"About Ana Ruiz" heading an author box after the post."""
    match = _ABOUT.match(text.strip())
    if match is None or not match["name"][:1].isupper():
        return None
    return match["name"].strip()


_BIO = re.compile(r"^(?P<name>[^\W\d_][\w.'’\-]*(?:\s+[^\W\d_][\w.'’\-]*){0,2})\s+is\s+(?:the\s+|a\s+|an\s+)?"
                  r"(?:founder|co-founder|editor|editor-in-chief|writer|critic|film\s+critic|reviewer|contributor|"
                  r"author|blogger|host|head\s+critic)\b", re.IGNORECASE)


def author_bio(text: str) -> str | None:
    """"Ana is the founder and head critic of ..." opening an author's note after a post."""
    match = _BIO.match(text.strip())
    if match is None or not match["name"][:1].isupper() or match["name"].lower() in {"this", "it", "he", "she"}:
        return None
    return match["name"].strip()
