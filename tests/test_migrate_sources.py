"""The reader registry and the archive sources: front matter in every style, saved pages
with their metadata, WordPress and Blogger exports. Every example here is written for the
test; the real Letterboxd exports are read in place from ../shared."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewlint import vocab
from reviewlint.migrate import MigrateOptions, MigrationResult, Status, migrate_text, registry
from reviewlint.migrate.result import Level


def one(text: str, filename: str) -> MigrationResult:
    results = migrate_text(text, filename=filename)
    assert len(results) == 1, [r.label for r in results]
    result = results[0]
    assert result.accounting.unaccounted() == [], result.accounting.unaccounted()
    return result


def data_of(text: str, filename: str) -> dict[str, Any]:
    result = one(text, filename)
    assert result.data is not None, [i.message for i in result.issues]
    return result.data


def sources(result: MigrationResult) -> list[tuple[str, int, str]]:
    return [(entry.field, entry.line, entry.form) for entry in result.provenance]


# --- the registry -----------------------------------------------------------------------------

def test_every_reader_writes_a_source_format_the_schema_knows() -> None:
    assert set(registry.names()) <= set(vocab.source_formats())
    for reader in registry.readers():
        assert reader.suffixes and all(suffix.startswith(".") for suffix in reader.suffixes)
        assert reader.description


@pytest.mark.parametrize(("filename", "text", "expected"), [
    ("post.txt", "<html><body>x</body></html>", "blog-text"),  # a suffix one reader claims decides
    ("post.md", "plain words", "blog-markdown"),
    ("export.xml", '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel/></rss>', "wordpress-wxr"),
    ("export.xml", "<feed xmlns='http://www.w3.org/2005/Atom'></feed>", "blogger-atom"),
    ("noname", "<!DOCTYPE html><html></html>", "blog-html"),
    ("noname", "Date,Name,Year,Letterboxd URI\n", "letterboxd-csv"),
    ("noname", "---\ntitle: Harbour Lights\n---\nText.\n", "blog-markdown"),
    ("noname", 'schema_version: "1.0"\n', "reviewlint-yaml"),
    ("noname", "Just words.", "blog-text"),
])
def test_a_reader_is_chosen_by_suffix_then_by_sniffing(filename: str, text: str, expected: str) -> None:
    assert registry.for_file(filename, text).name == expected


def test_every_reader_returns_a_list_of_results() -> None:
    samples = {"blog-text": "Harbour Lights (2004)\n\nIt glows.\n", "blog-markdown": "# Harbour Lights (2004)\n",
               "blog-html": "<h1>Harbour Lights (2004)</h1>", "letterboxd-csv": "Name,Year,Letterboxd URI\n",
               "reviewlint-yaml": "x: 1\n", "wordpress-wxr": "<rss/>", "blogger-atom": "<feed/>"}
    for reader in registry.readers():
        results = reader.read(samples[reader.name], "sample", MigrateOptions())
        assert isinstance(results, list) and results
        assert all(isinstance(result, MigrationResult) and result.format == reader.name for result in results)


# --- front matter -----------------------------------------------------------------------------

RUBY_KEYS = """\
---
:movie: Harbour Lights (2004)
:slug: harbour-lights-2004
:date: 2015-06-02
:grade: B-
:imdb_id: tt0123456
:venue: The Rialto
:published_at: 2015-06-09 08:00:00 Z
---
A slow film about a harbour, and a keeper who will not leave it.
"""


def test_ruby_symbol_keys_are_read_like_any_other_key_style() -> None:
    result = one(RUBY_KEYS, "harbour.md")
    data = result.data
    assert data is not None
    assert data["film"] == {"title": "Harbour Lights", "year": 2004, "ids": {"imdb": "tt0123456"}}
    assert data["rating"] == {"value": 7, "min": 0, "max": 12, "step": 1, "original": "B-"}
    assert data["published"] == "2015-06-09"
    # A generic date beside an explicit publication date may be another day: kept, not guessed.
    assert data["notes"] == [":date: 2015-06-02", ":venue: The Rialto"]
    assert data["source"]["dropped"] == [":slug: harbour-lights-2004"]
    assert ("film.title", 2, "front matter `:movie`") in sources(result)
    assert ("rating", 5, "front matter `:grade`") in sources(result)


@pytest.mark.parametrize("key", ["Movie Title", "movie_title", "movieTitle", "movie-title", ":movie_title:"])
def test_key_styles_are_one_key(key: str) -> None:
    data = data_of(f"---\n{key}: Harbour Lights (2004)\n---\nIt glows.\n", "post.md")
    assert data["film"]["title"] == "Harbour Lights" and data["film"]["year"] == 2004


def test_toml_front_matter() -> None:
    text = ('+++\ntitle = "Harbour Lights (2004)"\ndate = 2020-03-04T10:00:00Z\ntags = ["drama", "sea"]\n'
            'rating = "4/5"\n\n[params]\nmood = "calm"\n+++\nIt glows.\n')
    result = one(text, "hugo.md")
    data = result.data
    assert data is not None
    assert data["review"]["headline"] == "Harbour Lights (2004)"
    assert data["film"]["title"] == "Harbour Lights" and data["film"]["year"] == 2004
    assert data["published"] == "2020-03-04"
    assert data["tags"] == ["drama", "sea"]
    assert data["rating"] == {"value": 4, "min": 1, "max": 5, "step": 1}
    assert data["notes"] == ['[params]\nmood = "calm"']
    assert ("published", 3, "TOML front matter `date`") in sources(result)


def test_json_front_matter() -> None:
    text = '{\n  "title": "Harbour Lights (2004)",\n  "author": "Ana Ruiz",\n  "tags": ["drama"]\n}\n\nIt glows.\n'
    data = data_of(text, "post.md")
    assert data["author"] == {"name": "Ana Ruiz"}
    assert data["tags"] == ["drama"]
    assert data["film"]["title"] == "Harbour Lights"


def test_a_rating_without_a_scale_keeps_its_value_and_no_maximum() -> None:
    data = data_of("---\ntitle: Harbour Lights (2004)\nscore: 8\n---\nIt glows.\n", "post.md")
    assert data["rating"] == {"value": 8, "original": "8"}


@pytest.mark.parametrize(("front", "note"), [
    ("date: 2024-02-30", "'2024-02-30' is not an unambiguous date (write 2024-03-04 or March 4, 2024)"),
    ("year: " + "9" * 5000, "is not a year between 1888 and 2100"),
    ("Year: <", "'<' is not a year between 1888 and 2100"),
])
def test_impossible_values_are_notes_with_their_line_never_internal_errors(front: str, note: str) -> None:
    result = one(f"---\n:title: Harbour Lights (2004)\n{front}\n---\nIt glows.\n", "post.md")
    assert result.status is Status.WARNINGS
    messages = [(issue.line, issue.message) for issue in result.issues if issue.level is Level.WARNING]
    assert any(line == 3 and note in message for line, message in messages), messages
    assert not any("internal" in issue.message for issue in result.issues)


def test_front_matter_that_is_not_a_mapping_is_kept() -> None:
    result = one("---\n- a\n- b\n---\nIt glows.\n", "post.md")
    assert result.data is not None and result.data["notes"][0] == "- a\n- b"


def test_an_alias_bomb_in_front_matter_is_bounded() -> None:
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, "
        f"*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n" for n in range(8))
    result = one(bomb + "---\n# Harbour Lights (2004)\n\nIt glows.\n", "bomb.md")
    assert result.data is not None
    assert any("too large or too deeply nested" in issue.message for issue in result.issues)


def test_a_text_post_with_front_matter_reads_it_too() -> None:
    data = data_of("---\ntitle: Harbour Lights (2004)\nauthor: Ana Ruiz\n---\nIt glows.\n", "post.txt")
    assert data["author"] == {"name": "Ana Ruiz"} and data["film"]["year"] == 2004


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=12).filter(lambda key: ":" not in key and "\n" not in key),
                       st.one_of(st.text(max_size=30), st.integers(), st.lists(st.text(max_size=8), max_size=3)),
                       max_size=6))
def test_any_yaml_front_matter_converts_with_every_line_accounted_for(front: dict[str, Any]) -> None:
    block = yaml.safe_dump(front, allow_unicode=True, sort_keys=False) if front else ""
    results = migrate_text(f"---\n{block}---\nIt glows, and the harbour keeps its keeper.\n", filename="post.md")
    for result in results:
        assert result.accounting.unaccounted() == []
        assert not any("internal" in issue.message for issue in result.issues)


# --- saved pages ------------------------------------------------------------------------------

PAGE = """\
<!DOCTYPE html>
<html><head>
<title>Harbour Lights (2004) | The Quiet Reel</title>
<meta property="og:site_name" content="The Quiet Reel">
<meta property="article:author" content="Ana Ruiz">
<link rel="canonical" href="https://quietreel.example.org/harbour-lights">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Review", "reviewRating": {"@type": "Rating", "ratingValue": 4,
 "bestRating": 5}, "itemReviewed": {"@type": "Movie", "name": "Harbour Lights", "dateCreated": "2004",
 "director": {"@type": "Person", "name": "Bo Lindqvist"}}}
</script>
</head><body>
<nav>Home | Reviews | About</nav>
<div class="sidebar-widget">Subscribe to our newsletter</div>
<div class="content">
<p>Posted <time datetime="2020-03-04T10:00:00Z">March 4, 2020</time></p>
<p>A slow film about a harbour, and a keeper who will not leave it. Every shot is patient.</p>
<p>The last scene is a lamp going out, and it earns its silence completely.</p>
</div>
<footer>Copyright The Quiet Reel</footer>
</body></html>
"""


def test_a_saved_page_gives_its_metadata_and_json_ld_with_their_lines() -> None:
    result = one(PAGE, "harbour.html")
    data = result.data
    assert data is not None
    assert data["film"]["title"] == "Harbour Lights" and data["film"]["year"] == 2004
    assert data["film"]["directors"] == ["Bo Lindqvist"]
    assert data["rating"] == {"value": 4, "min": 1, "max": 5, "step": 1}
    assert data["author"] == {"name": "Ana Ruiz"}
    assert data["published"] == "2020-03-04"
    assert data["source"]["url"] == "https://quietreel.example.org/harbour-lights"
    assert any(paragraph.startswith("A slow film about a harbour") for paragraph in data["review"]["body"])
    assert "Copyright The Quiet Reel" in data["source"]["dropped"]
    assert "Subscribe" not in str(data["review"])
    found = sources(result)
    assert ("author.name", 5, "meta author") in found
    assert ("published", 16, "<time datetime>") in found
    assert ("film.directors", 7, "JSON-LD Review itemReviewed director") in found


@pytest.mark.parametrize(("head", "title"), [
    ('<title>Harbour Lights (2004) – The Quiet Reel</title><meta property="og:site_name" content="The Quiet Reel">',
     "Harbour Lights (2004)"),
    ('<title>The Quiet Reel | Harbour Lights (2004)</title><meta property="og:site_name" content="The Quiet Reel">',
     "Harbour Lights (2004)"),
    ('<title>Site</title><meta property="og:title" content="Harbour Lights (2004)">', "Harbour Lights (2004)"),
])
def test_the_page_title_less_the_site_name(head: str, title: str) -> None:
    page = f"<html><head>{head}</head><body><div><p>It glows, and the harbour keeps its keeper.</p></div></body></html>"
    data = data_of(page, "page.html")
    assert data["review"]["headline"] == title


def test_the_entry_title_heading_is_the_headline() -> None:
    page = ('<html><head><title>Blog</title></head><body><article><h1 class="entry-title">Harbour Lights (2004)</h1>'
            "<p>It glows, and the harbour keeps its keeper.</p></article></body></html>")
    assert data_of(page, "page.html")["review"]["headline"] == "Harbour Lights (2004)"


def test_trafilatura_is_apache_licensed() -> None:
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        info = metadata("trafilatura")
    except PackageNotFoundError:
        pytest.skip("trafilatura is not installed (the element rules read pages without it)")
    assert info.get("License-Expression", info.get("License", "")).startswith("Apache")


# --- blog exports -----------------------------------------------------------------------------

WXR = """\
<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>The Quiet Reel</title>
  <wp:author><wp:author_login>ana</wp:author_login><wp:author_display_name>Ana Ruiz</wp:author_display_name></wp:author>
  <item>
    <title>Harbour Lights (2004)</title>
    <link>https://quietreel.example.org/harbour-lights/</link>
    <dc:creator><![CDATA[ana]]></dc:creator>
    <content:encoded><![CDATA[<p>Director: Bo Lindqvist</p>
<p>A slow film about a harbour and the keeper who never leaves it.</p>
<p>Rating: 4/5</p>]]></content:encoded>
    <wp:post_id>42</wp:post_id>
    <wp:post_date>2020-03-04 10:00:00</wp:post_date>
    <wp:post_name>harbour-lights</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
    <category domain="post_tag" nicename="drama"><![CDATA[drama]]></category>
  </item>
  <item><title>About</title><content:encoded><![CDATA[<p>Us.</p>]]></content:encoded>
    <wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>
  <item><title>Soon</title><content:encoded><![CDATA[<p>Later.</p>]]></content:encoded>
    <wp:status>draft</wp:status><wp:post_type>post</wp:post_type></item>
  <item><title>Later still</title><content:encoded><![CDATA[<p>Later.</p>]]></content:encoded>
    <wp:status>draft</wp:status><wp:post_type>post</wp:post_type></item>
</channel>
</rss>
"""


def test_a_wordpress_export_gives_one_review_per_published_post() -> None:
    [result] = migrate_text(WXR, filename="export.xml")
    data = result.data
    assert data is not None
    assert (result.format, result.part, result.name_hint) == ("wordpress-wxr", "post 1", "harbour-lights")
    assert data["film"]["title"] == "Harbour Lights" and data["film"]["directors"] == ["Bo Lindqvist"]
    assert data["author"] == {"name": "Ana Ruiz"}
    assert data["published"] == "2020-03-04"
    assert data["tags"] == ["drama"]
    assert data["source"]["id"] == "42" and data["source"]["part"] == "post 1"
    assert data["source"]["url"] == "https://quietreel.example.org/harbour-lights/"
    assert "not converted: 2 drafts, 1 page" in [issue.message for issue in result.issues]
    assert ("author.name", 10, "WordPress dc:creator") in sources(result)
    assert result.accounting.unaccounted() == []


ATOM = """\
<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:app='http://www.w3.org/2007/app'>
<entry>
<id>tag:blogger.com,1999:blog-7.post-101</id>
<published>2019-10-31T21:00:00.000-07:00</published>
<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
<category scheme='http://www.blogger.com/atom/ns#' term='horror'/>
<title type='text'>The Lantern Road (2018) review</title>
<content type='html'>&lt;p&gt;Directed by Mina Okafor.&lt;/p&gt;
&lt;p&gt;Three friends drive all night and the road keeps bending back.&lt;/p&gt;
&lt;p&gt;7/10&lt;/p&gt;</content>
<link rel='alternate' type='text/html' href='https://nightshift.example.org/2019/10/lantern-road.html'/>
<author><name>Jo Park</name></author>
</entry>
<entry><id>d</id>
<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
<title type='text'>Not yet</title><content type='html'>Soon.</content>
<app:control><app:draft>yes</app:draft></app:control></entry>
<entry><id>c</id>
<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>
<content type='html'>Nice!</content></entry>
</feed>
"""


def test_a_blogger_export_gives_one_review_per_published_post() -> None:
    [result] = migrate_text(ATOM, filename="blog.atom")
    data = result.data
    assert data is not None
    assert result.format == "blogger-atom"
    assert data["film"] == {"title": "The Lantern Road", "year": 2018, "directors": ["Mina Okafor"]}
    assert data["rating"] == {"value": 7, "min": 1, "max": 10, "step": 1}
    assert data["author"] == {"name": "Jo Park"} and data["published"] == "2019-10-31"
    assert data["source"]["id"] == "tag:blogger.com,1999:blog-7.post-101"
    assert result.name_hint == "lantern-road"
    assert "not converted: 1 comment, 1 draft" in [issue.message for issue in result.issues]
    # Lines are the export file's own: the rating sits on line 11.
    assert ("rating", 11, "a rating on a line of its own") in [(p.field, p.line, p.form) for p in result.provenance] \
        or any(p.field == "rating" and p.line == 11 for p in result.provenance)


@pytest.mark.parametrize(("text", "message"), [
    ("<rss><channel><item>", "cannot read the WordPress export: line 1, column 21: not well-formed XML"),
    ('<!DOCTYPE rss [<!ENTITY a "aaaa">]><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel/></rss>',
     "cannot read the WordPress export: line 1: the export declares XML entities"),
])
def test_broken_or_hostile_exports_fail_with_the_line(text: str, message: str) -> None:
    [result] = migrate_text(text, filename="export.xml")
    assert result.status is Status.FAILED
    assert result.issues[0].message.startswith(message), result.issues[0].message


def test_an_export_without_published_posts_is_skipped_with_the_count() -> None:
    only_drafts = WXR.replace("<wp:status>publish</wp:status>\n    <wp:post_type>post", "<wp:status>draft</wp:status>"
                              "\n    <wp:post_type>post")
    [result] = migrate_text(only_drafts, filename="export.xml")
    assert result.status is Status.SKIPPED
    assert result.skipped == "the WordPress export holds no published post (not converted: 3 drafts, 1 page)"


# --- the real Letterboxd exports (read in place, never copied) ----------------------------------

def _expected(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.with_name(path.name + ".expected.yaml").read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize("name", ["01-reviews.csv", "02-ratings.csv", "03-diary.csv", "04-reviews.csv",
                                  "05-diary.csv"])
def test_real_letterboxd_exports_match_their_expected_rows(shared_dir: Path, name: str) -> None:
    from reviewlint.migrate import migrate_file

    path = shared_dir / "legacy-corpus" / "exports" / name
    expected = _expected(path)
    results = migrate_file(path, options=MigrateOptions(include_unreviewed=True))
    by_row = {int(result.part.split()[1]): result for result in results if result.part}
    assert all(result.status is not Status.FAILED for result in results), [
        (r.label, [i.message for i in r.issues]) for r in results if r.status is Status.FAILED]
    for result in results:
        assert result.accounting.unaccounted() == []
    for sample in expected["sample_rows"]:
        # Rows are counted from 1 after the header; results name the CSV record (header = 1).
        fields, expect = sample["fields"], sample.get("expect", {})
        result = by_row.get(sample["row"] + 1)
        if result is None:  # a row without review text or rating is not a review
            assert not fields.get("Review") and not fields.get("Rating")
            continue
        data = result.data
        assert data is not None
        assert data["film"]["title"] == fields["Name"]
        if fields.get("Year"):
            assert data["film"]["year"] == int(fields["Year"])
        else:
            assert "year" not in data["film"]
        if "rating_value" in expect:
            assert data["rating"]["value"] == expect["rating_value"]
        if not fields.get("Rating", "x"):
            assert "rating" not in data
        if "rewatch" in expect:
            assert data.get("watched", {}).get("rewatch", False) is expect["rewatch"]
        if "review_paragraphs_min" in expect:
            assert len(data["review"]["body"]) >= expect["review_paragraphs_min"]


def test_line_breaks_only_libyaml_sees_do_not_shift_front_matter_lines() -> None:
    """NEL and LS inside a value are line breaks to libyaml, not to editors: found by hypothesis."""
    result = one("---\nnote: 'a\x85b\u2028c'\nauthor: Ana Ruiz\n---\n# Harbour Lights (2004)\n\nIt glows.\n", "p.md")
    assert result.data is not None and result.data["author"] == {"name": "Ana Ruiz"}
    assert ("author.name", 3, "front matter `author`") in sources(result)


def test_without_trafilatura_the_post_element_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewlint.migrate import html

    monkeypatch.setattr(html, "_main_text", lambda text: None)
    page = ("<html><body><nav>Home</nav><div>Subscribe now</div><article><h1>Harbour Lights (2004)</h1>"
            "<p>It glows, and the harbour keeps its keeper.</p></article><div>Older posts</div></body></html>")
    result = one(page, "page.html")
    assert result.data is not None
    assert result.data["review"]["body"] == ["It glows, and the harbour keeps its keeper."]
    assert result.data["source"]["dropped"] == ["Subscribe now", "Older posts"]
