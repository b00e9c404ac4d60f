"""Markdown and HTML posts: the markup is read for structure and never leaks into prose
it does not belong to."""

from __future__ import annotations

from reviewlint.migrate import Fate, Level, MigrationResult, migrate_text
from reviewlint.migrate.html import html_to_text


def convert(text: str, name: str) -> MigrationResult:
    [result] = migrate_text(text, filename=name)
    assert result.accounting.unaccounted() == []
    return result


def test_markdown_headings_atx_and_setext() -> None:
    text = ("Paper Lanterns (2019)\n=====================\n\nDirector: Ana Ruiz\n\nThe Plot\n--------\n\n"
            "A lantern floats away.\n\n## Review ##\n\nIt *glows*.\n\n### Verdict\n\nSkip it.\n")
    result = convert(text, "post.md")
    data = result.data
    assert data is not None
    assert data["review"]["headline"] == "Paper Lanterns (2019)"
    assert data["film"] == {"title": "Paper Lanterns", "year": 2019, "directors": ["Ana Ruiz"]}
    assert data["review"]["synopsis"] == {"text": "A lantern floats away."}
    assert data["review"]["body"] == ["It *glows*."]
    layout = [(r.line, r.text) for r in result.accounting.by_fate(Fate.DROPPED)]
    assert layout == [(2, "====================="), (7, "--------")]
    assert "dropped" not in data["source"]  # layout is not boilerplate text


def test_markdown_unknown_heading_goes_to_notes_with_its_text() -> None:
    result = convert("# Paper Lanterns (2019)\n\n## Review\n\nIt glows.\n\n## Verdict\n\nSkip it.\n\n"
                     "## Where to watch\n\nOn a rainy Sunday.\n", "post.md")
    assert result.data is not None
    assert result.data["notes"] == ["Where to watch\n\nOn a rainy Sunday."]


def test_markdown_front_matter_title_duplicate_and_non_mapping() -> None:
    same = convert("---\ntitle: Paper Lanterns (2019)\n---\n# Paper Lanterns (2019)\n\nIt glows.\n", "a.md")
    assert same.data is not None and same.data["review"]["headline"] == "Paper Lanterns (2019)"
    assert "notes" not in same.data
    broken = convert("---\n- just\n- a list\n---\n# Paper Lanterns (2019)\n\nIt glows.\n", "b.md")
    assert broken.data is not None
    assert broken.data["notes"] == ["- just\n- a list"]
    assert next(i.message for i in broken.issues if i.level is Level.WARNING) == (
        "kept the front matter under notes: it is not a YAML mapping")


def test_html_paragraphs_line_breaks_and_entities() -> None:
    lines, links = html_to_text("<p>One&nbsp;two\n  three</p><p>Four<br>five<br><br>six</p>"
                                "<ul><li>a</li><li>b</li></ul>")
    assert [text for text, _, _ in lines] == ["One\u00a0two three", "", "Four", "five", "", "six", "", "a", "b"]
    assert links == []


def test_html_page_without_article_drops_page_chrome() -> None:
    page = ("<html><head><title>Blog</title><style>p{}</style></head><body>\n<header>My Blog</header>\n"
            "<nav>Home About</nav>\n<h1>Paper Lanterns (2019)</h1>\n<p>Director: Ana Ruiz</p>\n"
            "<h2>Review</h2>\n<p>It glows.</p>\n<script>alert(1)</script>\n<footer>© 2024</footer>\n</body></html>")
    result = convert(page, "page.html")
    data = result.data
    assert data is not None
    assert data["review"] == {"headline": "Paper Lanterns (2019)", "body": ["It glows."]}
    assert [i.message for i in result.issues if i.level is Level.INFO][:2] == [
        "left out page elements that hold no post text: 1 <head>, 1 <nav>, 1 <script>",
        "dropped 2 lines of page chrome outside the post (listed under source.dropped)"]
    assert data["source"]["dropped"] == ["My Blog", "© 2024"]
    # Reports name the HTML file's own lines.
    assert [i.line for i in result.issues if i.level is Level.WARNING] == [None, None]


def test_html_reports_point_at_the_html_line() -> None:
    page = ("<article>\n<h1>Paper Lanterns (2019)</h1>\n<p>Composer: Nils Frahm</p>\n<h2>Review</h2><p>It glows.</p>\n"
            "</article>")
    result = convert(page, "page.html")
    warnings = [i for i in result.issues if i.level is Level.WARNING]
    assert (warnings[0].line, warnings[0].message) == (
        3, "kept under notes: 'Composer: Nils Frahm' (no field for the label 'Composer')")


def test_html_that_is_not_closed_properly_still_reads() -> None:
    result = convert("<body><h1>Paper Lanterns (2019)<p>Review<p>It glows.<p>Skip it", "broken.html")
    assert result.data is not None
    assert result.data["review"]["headline"] == "Paper Lanterns (2019)"
