"""WordPress export (WXR, "WordPress eXtended RSS") -> one review per published post.

Each `<item>` whose `wp:post_type` is `post` and `wp:status` is `publish` (or absent) is
read: `<title>` is the post's heading, `content:encoded` its HTML, `dc:creator` the author
(the display name from the export's `wp:author` list when there is one), `wp:post_date`
(else `pubDate`) the publication date, `category` elements the tags, `<link>` the
address and `wp:post_id` the id. Drafts, pages, attachments and other item types are
skipped and counted in the report.
"""

from __future__ import annotations

import re

from reviewlint.migrate import xmlfeed
from reviewlint.migrate.exports import MAX_POSTS, ExportPost, Skipped, convert, finish, too_many
from reviewlint.migrate.options import MigrateOptions
from reviewlint.migrate.result import MigrationResult, failed

FORMAT = "wordpress-wxr"
WP_NAMESPACE = re.compile(r"^\{http://wordpress\.org/export/[0-9.]+/\}")


def _wp(node: xmlfeed.Node, name: str) -> str:
    """The text of a `wp:` child, whatever WXR version's namespace the export uses."""
    for child in node.children:
        if WP_NAMESPACE.match(child.name) and child.local() == name:
            return child.text.strip()
    return ""


def _authors(channel: xmlfeed.Node) -> dict[str, str]:
    names: dict[str, str] = {}
    for child in channel.children:
        if WP_NAMESPACE.match(child.name) and child.local() == "author":
            login, display = _wp(child, "author_login"), _wp(child, "author_display_name")
            if login and display:
                names[login] = display
    return names


def _post(item: xmlfeed.Node, authors: dict[str, str]) -> ExportPost:
    content = item.find("{" + xmlfeed.CONTENT + "}encoded")
    post = ExportPost(html=content.text if content is not None else "",
                      html_line=(content.text_line or content.line) if content is not None else item.line,
                      line=item.line, url=item.text_of("link"), post_id=_wp(item, "post_id"),
                      slug=_wp(item, "post_name"))
    title = item.find("title")
    if title is not None:
        post.title, post.title_line = title.text.strip(), title.line
    creator = item.find("{" + xmlfeed.DC + "}creator")
    if creator is not None and creator.text.strip():
        login = creator.text.strip()
        post.fields.append(("author", authors.get(login, login), creator.line, "WordPress dc:creator"))
    date_node = next((child for child in item.children if WP_NAMESPACE.match(child.name)
                      and child.local() == "post_date"), None)
    if date_node is not None and date_node.text.strip() and not date_node.text.startswith("0000"):
        post.fields.append(("published", date_node.text.strip(), date_node.line, "WordPress wp:post_date"))
    elif item.text_of("pubDate"):
        published = item.find("pubDate")
        assert published is not None
        post.fields.append(("published", _rfc822_date(published.text.strip()), published.line, "WordPress pubDate"))
    tags = [category for category in item.find_all("category") if category.text.strip()
            and category.attrs.get("domain", "category") in ("category", "post_tag")]
    for category in tags:
        domain = category.attrs.get("domain", "category")
        post.fields.append(("tags", category.text.strip(), category.line, f"WordPress {domain}"))
    return post


def _rfc822_date(text: str) -> str:
    """"Wed, 04 Mar 2020 10:00:00 +0000" -> "4 Mar 2020" (the form the date reader takes)."""
    match = re.match(r"^(?:\w{3},\s*)?(\d{1,2})\s+(\w{3})\w*\s+(\d{4})", text)
    return f"{match[1]} {match[2]} {match[3]}" if match else text


def read_wxr(text: str, file: str, options: MigrateOptions) -> list[MigrationResult]:
    try:
        root = xmlfeed.parse(text)
    except xmlfeed.XmlError as error:
        return [failed(file, FORMAT, f"cannot read the WordPress export: {error}")]
    channel = root.find("channel")
    if root.local() != "rss" or channel is None:
        return [failed(file, FORMAT, f"not a WordPress export: the root element is <{root.local()}>, not <rss> "
                       "with a <channel>")]
    items = channel.find_all("item")
    if len(items) > MAX_POSTS:
        return too_many(file, FORMAT, len(items))
    authors = _authors(channel)
    results: list[MigrationResult] = []
    skipped = Skipped()
    for position, item in enumerate(items, start=1):
        kind = _wp(item, "post_type") or "post"
        status = _wp(item, "status") or "publish"
        if kind != "post":
            skipped.add(kind.replace("_", " "))
            continue
        if status != "publish":
            skipped.add("draft" if status in ("draft", "auto-draft", "pending") else f"{status} post")
            continue
        results.append(convert(_post(item, authors), position, file, FORMAT, options))
    return finish(results, skipped, file, FORMAT, "the WordPress export")
