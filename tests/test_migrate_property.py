"""Any text in: no crash, and every non-blank input line accounted for.

Beyond "no crash", each line's record is checked against the output: a line kept under
`notes` is there verbatim, a dropped line is listed in `source.dropped` (boilerplate) or
is a layout-only line, and prose mapped to a text field can be found in the output.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewlint.migrate import Fate, MigrationResult, Status, migrate_bytes, migrate_text
from reviewlint.migrate.accounting import BOILERPLATE, LAYOUT

# Lines that exercise the reader's paths: labels of every kind, values good and bad,
# section headings, boilerplate, markup, plus arbitrary text.
PIECES = [
    "Film Review: Harbour Lights (2004) – When the Lamp Goes Out", "Harbour Lights | 2004 | 1h 40m",
    "Genre: Drama/Action", "Country: Portugal, Narnia", "Director: Marta Ribeiro | Writer: X", "Cast:", "Ana Ruiz",
    "- Bo Lindqvist", "IMDB: 7.1", "IMDB: eleven", "My Rate: 6/10", "Rating: 4", "Rating: M18",
    "Genre: Drama My Score: 7/10", "Warning:", "Contains violence, coarse language and a brave cat.", "Synopsis:",
    "Review:", "REVIEW", "Memorable Dialogue:", "“Is the lamp still lit?”", "Ending:", "Sad Ending",
    "Recommendation:", "Worth a Watch", "(Ines)", "— Ines", "Post a Comment", "0 Comments", "\u00a0", "---", "***",
    "# Heading", "Trivia:", "Composer: Nils Frahm", "Year: 1999", "Runtime 92 min", "Posted by Ines at 9:15 PM",
    "Spoiler alert!", "Verdict: Skip it.", "Plot (spoilers)", "", "", "",
]
line = st.one_of(st.sampled_from(PIECES), st.text(st.characters(blacklist_categories=["Cs"]), max_size=60))
document = st.lists(line, max_size=40).map("\n".join)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _assert_accounted(result: MigrationResult) -> None:
    accounting = result.accounting
    assert accounting.unaccounted() == []
    if result.status in (Status.FAILED, Status.SKIPPED):
        return
    data = result.data
    assert data is not None
    notes = data.get("notes", [])
    dropped = data.get("source", {}).get("dropped", [])
    everything = " ".join(" ".join(s.split()) for s in _strings(data))
    for record in accounting.records:
        text = " ".join(record.text.split())
        if record.fate is Fate.PRESERVED:
            index = int(record.where.removeprefix("notes[").rstrip("]"))
            assert " ".join(record.text.split()) in " ".join(notes[index].split())
        elif record.fate is Fate.DROPPED:
            assert record.reason in (BOILERPLATE, LAYOUT)
            if record.reason == BOILERPLATE:
                assert record.text in dropped
        elif record.where.startswith(("review.body", "review.synopsis", "review.memorable_scene", "review.logline")):
            assert text in everything


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_blog_text_accounts_for_every_line(text: str) -> None:
    for result in migrate_text(text, filename="post.txt"):
        _assert_accounted(result)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_markdown_accounts_for_every_line(text: str) -> None:
    for result in migrate_text(text, filename="post.md"):
        _assert_accounted(result)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_any_bytes_in_any_format_never_crash(data: bytes) -> None:
    for name in ("post.txt", "post.md", "page.html", "reviews.csv", "review.yaml", "export.xml", "blog.atom"):
        for result in migrate_bytes(data, filename=name):
            assert result.status in (Status.CONVERTED, Status.WARNINGS, Status.FAILED, Status.SKIPPED)
            assert not any("internal" in issue.message for issue in result.issues), result.issues


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["<p>", "</p>", "<br>", "<h2>Review</h2>", "<script>x</script>", "<article>",
                                 "</article>", "Director: Ana Ruiz", "It glows.", "<div>", "&nbsp;",
                                 "<b>Cast:</b> A, B"]), max_size=30).map("".join))
def test_html_never_crashes_and_accounts_for_the_text(page: str) -> None:
    for result in migrate_text(page, filename="page.html"):
        _assert_accounted(result)


FRONT = ["title: Harbour Lights (2004)", ":movie: Harbour Lights (2004)", "date: 2024-02-30", "Year: <",
         "year: 99999999999", "tags: [a, b]", "author: {name: Ana}", "rating: 8", ":grade: C+", "layout: post",
         "- item", "key: &a [1]", "other: *a", "{x: 1}", "'q': \"v\"", "  indented: 1", "# comment"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["---", "+++", "--- "]), st.lists(st.one_of(st.sampled_from(FRONT), line), max_size=12),
       document)
def test_front_matter_of_any_shape_accounts_for_every_line(fence: str, front: list[str], body: str) -> None:
    closing = "+++" if fence == "+++" else "---"
    text = "\n".join([fence, *front, closing, body])
    for name in ("post.md", "post.txt"):
        for result in migrate_text(text, filename=name):
            _assert_accounted(result)
            assert not any("internal" in issue.message for issue in result.issues), result.issues


ITEM_PIECES = ["<p>Director: Ana Ruiz</p>", "<p>It glows.</p>", "<p>Rating: 4/5</p>", "<h2>Review</h2>", "<br>",
               "&amp;", "x < y", "<script>1</script>", "Harbour Lights (2004)"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["post", "page", "attachment"]), st.sampled_from(["publish", "draft"]),
                          st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=30),
                          st.lists(st.sampled_from(ITEM_PIECES), max_size=8).map("\n".join)), max_size=5))
def test_a_wordpress_export_of_any_posts_accounts_for_every_post(items: list[tuple[str, str, str, str]]) -> None:
    from xml.sax.saxutils import escape

    body = "".join(f"<item><title>{escape(title)}</title><content:encoded><![CDATA[{html}]]></content:encoded>"
                   f"<wp:post_type>{kind}</wp:post_type><wp:status>{status}</wp:status></item>\n"
                   for kind, status, title, html in items)
    text = ('<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            f'xmlns:wp="http://wordpress.org/export/1.2/"><channel>\n{body}</channel></rss>')
    results = migrate_text(text, filename="export.xml")
    published = sum(1 for kind, status, _, _ in items if kind == "post" and status == "publish")
    # One review per published post that holds text; nothing at all when none is published.
    assert len([result for result in results if result.part]) <= published
    if published == 0:
        assert [result.status for result in results] == [Status.SKIPPED]
    for result in results:
        _assert_accounted(result)
        assert not any("internal" in issue.message for issue in result.issues), result.issues
