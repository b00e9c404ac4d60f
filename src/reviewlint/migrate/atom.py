"""Blogger export (Atom) -> one review per published post.

Blogger's classic export marks each entry's kind with a `category` of scheme
`http://schemas.google.com/g/2005#kind` (`...#post`, `#comment`, `#page`, `#settings`,
`#template`) and a draft with `app:control/app:draft`; the Takeout export since 2020 says
`blogger:type` (`POST`, `PAGE`, `COMMENT`) and `blogger:status` (`LIVE`, `DRAFT`). Only
published posts are read: `title`, `content` (HTML), `author/name`, `published`, the
labels (categories of the `http://www.blogger.com/atom/ns#` scheme), the `alternate`
link and the entry `id`. Everything else is skipped and counted in the report.
"""

from __future__ import annotations

from reviewlint.migrate import xmlfeed
from reviewlint.migrate.exports import MAX_POSTS, ExportPost, Skipped, convert, finish, too_many
from reviewlint.migrate.options import MigrateOptions
from reviewlint.migrate.result import MigrationResult, failed

FORMAT = "blogger-atom"
KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
LABEL_SCHEME = "http://www.blogger.com/atom/ns#"


def _atom(name: str) -> str:
    return "{" + xmlfeed.ATOM + "}" + name


def _kind(entry: xmlfeed.Node) -> tuple[str, bool]:
    """(post, page, comment, settings, template... ; whether it is a draft)."""
    kind = "post"
    draft = False
    for child in entry.children:
        if child.name == _atom("category") and child.attrs.get("scheme") == KIND_SCHEME:
            kind = child.attrs.get("term", "").rsplit("#", 1)[-1] or kind
        elif child.name == "{" + xmlfeed.BLOGGER + "}type":
            kind = child.text.strip().lower() or kind
        elif child.name == "{" + xmlfeed.BLOGGER + "}status":
            draft = draft or child.text.strip().upper() in ("DRAFT", "SOFT_TRASHED", "DELETED")
        elif child.name == "{" + xmlfeed.APP + "}control":
            flag = child.find("{" + xmlfeed.APP + "}draft")
            draft = draft or (flag is not None and flag.text.strip().lower() == "yes")
    return kind, draft


def _post(entry: xmlfeed.Node) -> ExportPost:
    content = entry.find(_atom("content"))
    html = content.text if content is not None else ""
    if content is not None and content.attrs.get("type", "text") == "text":
        html = html.replace("&", "&amp;").replace("<", "&lt;")  # plain text: never read as markup
    post = ExportPost(html=html, html_line=(content.text_line or content.line) if content is not None else entry.line,
                      line=entry.line, post_id=entry.text_of(_atom("id")))
    title = entry.find(_atom("title"))
    if title is not None:
        post.title, post.title_line = title.text.strip(), title.line
    for link in entry.find_all(_atom("link")):
        if link.attrs.get("rel") == "alternate" and link.attrs.get("href"):
            post.url = link.attrs["href"]
            post.slug = post.url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")
    author = entry.find(_atom("author"))
    name = author.find(_atom("name")) if author is not None else None
    if name is not None and name.text.strip() and name.text.strip() != "Unknown":
        post.fields.append(("author", name.text.strip(), name.line, "Atom author"))
    published = entry.find(_atom("published"))
    if published is not None and published.text.strip():
        post.fields.append(("published", published.text.strip()[:10], published.line, "Atom published"))
    for category in entry.find_all(_atom("category")):
        if category.attrs.get("scheme", LABEL_SCHEME) == LABEL_SCHEME and category.attrs.get("term"):
            post.fields.append(("tags", category.attrs["term"], category.line, "Blogger label"))
    return post


def read_atom(text: str, file: str, options: MigrateOptions) -> list[MigrationResult]:
    try:
        root = xmlfeed.parse(text)
    except xmlfeed.XmlError as error:
        return [failed(file, FORMAT, f"cannot read the Blogger export: {error}")]
    if root.name != _atom("feed"):
        return [failed(file, FORMAT, f"not an Atom feed: the root element is <{root.local()}>, not <feed>")]
    entries = root.find_all(_atom("entry"))
    if len(entries) > MAX_POSTS:
        return too_many(file, FORMAT, len(entries))
    results: list[MigrationResult] = []
    skipped = Skipped()
    for position, entry in enumerate(entries, start=1):
        kind, draft = _kind(entry)
        if kind != "post":
            skipped.add(kind)
            continue
        if draft:
            skipped.add("draft")
            continue
        results.append(convert(_post(entry), position, file, FORMAT, options))
    return finish(results, skipped, file, FORMAT, "the Blogger export")
