"""The hand-kept country and language lists agree with the maintained data of langcodes
(IANA subtag registry, CLDR names), so they cannot drift unnoticed. The lists stay JSON:
schema 1.0 is generated from them and pinned by a hash."""

from __future__ import annotations

import langcodes
import pytest

from reviewlint import vocab
from reviewlint.rules.metadata import _tag_problem


def test_every_country_code_is_a_region_cldr_names() -> None:
    pytest.importorskip("language_data", reason="CLDR names come with language-data (langcodes[data])")
    unknown = [code for code in vocab.countries() if langcodes.Language.get(f"und-{code}").territory_name("en") == code]
    assert unknown == []


def test_every_two_letter_language_code_is_a_registered_subtag() -> None:
    assert [code for code in vocab.languages() if not langcodes.tag_is_valid(code)] == []


def test_codes_newer_than_the_registry_snapshot_still_pass_in_tags() -> None:
    newer = sorted(code for code in vocab.languages_639_3() if not langcodes.tag_is_valid(code))
    for code in newer[:5]:
        assert _tag_problem(f"{code}-NG") is None
