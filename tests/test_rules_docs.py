"""Every documented code has a complete doc, and every rule doc's Example runs: the bad
example triggers the rule, the good one does not (and is otherwise as clean as its
rule allows)."""

from __future__ import annotations

import re

import pytest

from reviewlint.diagnostics import FixSafety, Severity
from reviewlint.rules import all_rules, get_rule
from reviewlint.rules._core import DOC_SECTIONS
from rulekit import BASE, findings, overlay

_BLOCK_RE = re.compile(r"```(\w+)([^\n]*)\n(.*?)```", re.DOTALL)

# Codes whose bad example cannot be written as YAML text, and why.
NOT_EXECUTABLE = {
    "RL003": "encoding errors need bytes that are not UTF-8",
    "RL011": "the size limit needs a file of megabytes",
    "RL012": "read errors need an unreadable file",
    "RL015": "the nesting cap needs a hundred levels of brackets (tested in test_hostile_check.py)",
    "RL110": "no schema 1.0 keyword reaches the catch-all code",
    "RL701": "only schema 1.0 is published, so no published version is older (tested with a patched registry)",
    "RL999": "internal errors need a bug (tested with a failing rule)",
}


def examples(doc: str) -> list[tuple[str, str, str]]:
    """(language, info, body) of the fenced blocks of the Example section."""
    section = doc.split("## Example", 1)[1].split("\n## ", 1)[0]
    return [(m.group(1), m.group(2).strip(), m.group(3)) for m in _BLOCK_RE.finditer(section)]


def as_document(info: str, body: str) -> str:
    return body if info == "file" else overlay(body)


ALL = all_rules()


def test_the_base_review_is_clean() -> None:
    assert findings(BASE) == []


@pytest.mark.parametrize("entry", ALL, ids=lambda r: r.code)
def test_doc_has_the_fixed_sections_in_order(entry) -> None:
    headings = re.findall(r"^## (.+)$", entry.doc, re.MULTILINE)
    assert headings[:4] == list(DOC_SECTIONS)
    assert headings[4:] in ([], ["Options"])
    assert ("## Options" in entry.doc) == bool(entry.options)
    assert "Use instead:" in entry.doc
    assert entry.summary.endswith(".") and "\n" not in entry.summary
    assert re.fullmatch(r"RL\d{3}", entry.code) and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry.name)
    assert isinstance(entry.severity, Severity) and isinstance(entry.fix, FixSafety)
    fix_section = entry.doc.split("## Fix", 1)[1]
    if entry.fix is FixSafety.NONE:
        assert fix_section.split()[0].startswith("None")
    else:
        assert entry.fix.value in fix_section.lower()


@pytest.mark.parametrize("entry", ALL, ids=lambda r: r.code)
def test_doc_example_bad_then_good(entry) -> None:
    blocks = examples(entry.doc)
    assert len(blocks) == 2, f"{entry.code}: the Example has a bad and a good block"
    (bad_lang, bad_info, bad), (good_lang, good_info, good) = blocks
    if entry.code in NOT_EXECUTABLE:
        assert bad_lang == "text"
        return
    assert bad_lang == "yaml" and good_lang == "yaml"
    if entry.family == "format":  # the formatter's refusal: run the examples through it
        from reviewlint.formatting import FormatRefused, format_text

        with pytest.raises(FormatRefused) as refused:
            format_text(as_document(bad_info, bad))
        assert refused.value.diagnostic.code == entry.code
        format_text(as_document(good_info, good))
        return
    bad_codes = [f[0] for f in findings(as_document(bad_info, bad))]
    assert entry.code in bad_codes, f"{entry.code}'s bad example does not trigger it: {bad_codes}"
    good_codes = [f[0] for f in findings(as_document(good_info, good))]
    assert entry.code not in good_codes


@pytest.mark.parametrize("entry", [r for r in ALL if r.check is not None and r.code not in NOT_EXECUTABLE],
                         ids=lambda r: r.code)
def test_good_example_of_a_rule_is_clean(entry) -> None:
    """A good example shows the right way, so it draws no other finding either."""
    (_lang, info, good) = examples(entry.doc)[1]
    assert findings(as_document(info, good)) == []


def test_every_code_is_documented_once_and_found_by_code_and_name() -> None:
    codes = [r.code for r in ALL]
    assert codes == sorted(set(codes))
    for entry in ALL:
        assert get_rule(entry.code) is entry
        assert get_rule(entry.name) is entry
        assert get_rule(entry.code.lower()) is entry
    from reviewlint.codes import LOAD_RULE_NAMES, SCHEMA_RULE_NAMES

    for code, name in {**LOAD_RULE_NAMES, **SCHEMA_RULE_NAMES, "RL999": "internal-error"}.items():
        found = get_rule(code)
        assert found is not None and found.name == name and found.check is None
