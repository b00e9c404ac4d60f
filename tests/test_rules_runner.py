"""The rule runner: options, severity overrides, internal errors, unsupported versions,
the schema-version notice, and robustness against any shape of data."""

from __future__ import annotations

import dataclasses
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewlint import runner, schema
from reviewlint.config import Settings
from reviewlint.diagnostics import Severity
from reviewlint.document import load_text
from reviewlint.rules import get_rule
from reviewlint.runner import run_rules
from rulekit import BASE, diagnostics, findings, overlay

MISSPELT = overlay("review:\n  body: [Few could potray it.]\n  recommendation: {verdict: worth-watching}")


def test_options_and_severity_override() -> None:
    configured = Settings(rule_options=(("misspelling", (("ignore-words", ("potray",)),)),))
    assert findings(MISSPELT, {"RL606"}, configured) == []
    louder = Settings(rule_options=(("misspelling", (("severity", "error"),)),))
    [found] = [d for d in diagnostics(MISSPELT, louder) if d.code == "RL606"]
    assert found.severity is Severity.ERROR


def test_a_failing_rule_costs_one_internal_error_and_the_others_still_run(monkeypatch: Any) -> None:
    def boom(context: Any, options: Any) -> Any:
        raise KeyError("surprise")

    broken = [dataclasses.replace(get_rule(name), check=boom) for name in ("rating-out-of-range", "doubled-word")]
    misspelling = get_rule("misspelling")
    assert misspelling is not None
    plan = ((broken[0], {}, None), (misspelling, misspelling.defaults(), None), (broken[1], {}, None))
    monkeypatch.setattr(runner, "_plan", lambda settings: plan)
    found, failed = run_rules(load_text(MISSPELT, "r.yaml"), Settings())
    assert failed
    assert [(d.code, d.message) for d in found] == [
        ("RL606", "'potray' is a misspelling of 'portray'"),
        ("RL999", "internal error in rule rating-out-of-range (and doubled-word): KeyError: 'surprise' "
                  "(please report this)"),
    ]


def test_no_rules_run_on_a_newer_major_version() -> None:
    text = MISSPELT.replace('schema_version: "1.1"', 'schema_version: "2.0"')
    assert findings(text) == [
        ("RL109", 1, 17, "schema_version '2.0' is newer than this reviewlint supports (newest: 1.1); upgrade "
                         "reviewlint to check this file")]


def test_an_older_published_version_is_told_to_migrate(monkeypatch: Any) -> None:
    monkeypatch.setattr(schema, "available_versions", lambda: ("1.0", "1.1"))
    assert findings(BASE.replace('"1.1"', '"1.0"', 1), {"RL701"}, path="reviews/quiet.yaml") == [
        ("RL701", 1, 17, "schema_version '1.0' is older than the newest published version '1.1'; run "
                         "`reviewlint migrate reviews/quiet.yaml` to upgrade the file")]


def test_the_newest_version_is_not_outdated() -> None:
    assert findings(BASE, {"RL701"}) == []


# Any value at any key of a review: rules must report, never raise.
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 3000) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30) | st.sampled_from(["tt0000000", "UK", "kr", ">!x", "!<", "potray", "the the", "\u00a0"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
_PATHS = st.sampled_from([
    ("rating",), ("rating", "value"), ("rating", "max"), ("rating", "step"), ("rating", "original"),
    ("external_ratings",), ("review",), ("review", "body"), ("review", "recommendation"),
    ("review", "memorable_dialogue"), ("review", "synopsis"), ("content_warnings",), ("ending",),
    ("ending", "description"), ("film",), ("film", "cast"), ("film", "countries"), ("film", "genres"),
    ("film", "year"), ("film", "ids"), ("published",), ("language",), ("spoilers",), ("schema_version",),
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(st.tuples(_PATHS, _VALUES), min_size=1, max_size=4))
def test_rules_never_raise_on_mistyped_data(changes: list[tuple[tuple[str, ...], Any]]) -> None:
    data = yaml.safe_load(BASE)
    for path, value in changes:
        target = data
        for step in path[:-1]:
            if not isinstance(target.get(step), dict):
                target[step] = {}
            target = target[step]
        target[path[-1]] = value
    text = yaml.safe_dump(data, allow_unicode=True)
    found, failed = run_rules(load_text(text), Settings())
    assert not failed, [d.message for d in found if d.code == "RL999"]
