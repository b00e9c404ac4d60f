"""The rule docs are files in the repository (docs/rules/<name>.md, written by
scripts/update_rule_docs.py), and every link a report gives opens one of them."""

from __future__ import annotations

import importlib.util
import io
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from conftest import invoke
from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.engine import CheckResult, FileResult
from reviewlint.links import PROJECT_URL, RULE_DOCS_URL_TEMPLATE, rule_docs_url
from reviewlint.report import ReportOptions, renderer
from reviewlint.rules import all_rules

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs" / "rules"
# A link into this repository's main branch: the path after it is a file in the checkout.
IN_REPOSITORY = re.compile(re.escape(PROJECT_URL) + r"/blob/main/(.+)")


def load_script() -> Any:
    spec = importlib.util.spec_from_file_location("update_rule_docs", REPO / "scripts" / "update_rule_docs.py")
    assert spec is not None and spec.loader is not None
    script: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


def file_behind(url: str) -> Path:
    match = IN_REPOSITORY.fullmatch(url)
    assert match, f"{url} is not a file in {PROJECT_URL}"
    return REPO / unquote(match.group(1))


def test_docs_rules_is_up_to_date() -> None:
    assert load_script().differences() == [], "run python scripts/update_rule_docs.py"


def test_each_rule_page_is_what_reviewlint_rule_prints() -> None:
    for entry in all_rules():
        printed = invoke("rule", entry.code).output
        assert (DOCS / f"{entry.name}.md").read_text(encoding="utf-8") == printed, entry.code
    page = (DOCS / "doubled-word.md").read_text(encoding="utf-8")
    assert page.startswith("# RL604 doubled-word\n\nSeverity: warning. Fix: unsafe. Family: prose.\n")
    assert "\n## What it does\n" in page and "\n## Fix\n" in page


def test_the_index_links_every_page() -> None:
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    linked = re.findall(r"\]\(([a-z0-9-]+\.md)\)", index)
    assert linked == [f"{entry.name}.md" for entry in all_rules()]
    row = '| RL604 | [`doubled-word`](doubled-word.md) | warning | unsafe | A word is repeated ("the the"). |'
    assert row in index


def test_check_reports_a_stale_missing_or_left_over_page(tmp_path: Path) -> None:
    script = load_script()
    assert script.write(tmp_path)
    assert script.differences(tmp_path) == []
    (tmp_path / "doubled-word.md").write_text("# old\n", encoding="utf-8")
    (tmp_path / "trailing-whitespace.md").unlink()
    (tmp_path / "removed-rule.md").write_text("# gone\n", encoding="utf-8")
    assert script.differences(tmp_path) == [
        "trailing-whitespace.md: missing", "doubled-word.md: stale", "removed-rule.md: no such rule"]
    assert sorted(script.write(tmp_path)) == ["doubled-word.md", "removed-rule.md", "trailing-whitespace.md"]
    assert script.differences(tmp_path) == []


def test_every_rule_link_opens_a_page_in_the_repository() -> None:
    assert RULE_DOCS_URL_TEMPLATE == "https://github.com/reviewlint/reviewlint/blob/main/docs/rules/{name}.md"
    for entry in all_rules():
        assert file_behind(rule_docs_url(entry.name)).is_file(), entry.code


@pytest.mark.parametrize("format_name", ["sarif", "rdjson"])
def test_report_links_open_pages_in_the_repository(format_name: str) -> None:
    findings = [Diagnostic("RL103", "bad", "a.yaml", 1, 1, Severity.ERROR, "wrong-type"),
                Diagnostic("RL999", "boom", "a.yaml", 1, 1, Severity.ERROR, "internal-error")]
    stream = io.StringIO()
    renderer(format_name)(CheckResult(files=[FileResult("a.yaml", findings)]), stream, ReportOptions())
    text = stream.getvalue()
    urls = set(re.findall(r'"(https?://[^"]+)"', text)) - {json.loads(text).get("$schema")}
    assert "https://reviewlint.dev" not in text
    assert PROJECT_URL in urls
    pages = {url for url in urls if url != PROJECT_URL}
    assert {rule_docs_url("wrong-type"), rule_docs_url("internal-error")} <= pages  # SARIF lists every rule
    for url in pages:
        assert file_behind(url).is_file(), url
