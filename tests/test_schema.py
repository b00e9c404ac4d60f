"""The published schema files: their keywords, their immutability, their packaging, and the
`reviewlint schema` command that prints them."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft7Validator, Draft202012Validator

from conftest import EXAMPLES, REPO, valid_review_text
from reviewlint import schema, schemagen, vocab
from reviewlint.cli import cli
from reviewlint.document import load_text

SCHEMA_DIR = REPO / "schema" / "film-review"

# A published file never changes. A new version is a new file, with its hash added here.
PUBLISHED_SHA256 = {
    "1.0": "3bb2770284a93bc0b0db08ea1840accf5e5d2833e28d296b0dd074804a775445",
    "1.1": "3d6099627faa8a7240dde33907a7c36e3a7b2ba4b4b98c9bea0f0ec72f5b71f2",
}

# Keywords that mean the same in draft-07 and 2020-12. `$defs` is not a draft-07 keyword,
# but it is only ever reached through `$ref` JSON pointers, which draft-07 resolves alike.
DRAFT7_SAFE = frozenset({
    "$schema", "$id", "$ref", "$defs", "$comment", "title", "description", "default", "examples",
    "type", "enum", "const", "properties", "patternProperties", "additionalProperties", "required",
    "items", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "format",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "oneOf", "anyOf", "allOf", "not",
    "if", "then", "else",  # draft-07 introduced these; 2020-12 reads them alike
})
# Named so the failure message says why, should one appear.
DRAFT_2019_PLUS = frozenset({
    "unevaluatedProperties", "unevaluatedItems", "prefixItems", "$dynamicRef", "$dynamicAnchor",
    "$recursiveRef", "$recursiveAnchor", "dependentSchemas", "dependentRequired", "$anchor", "$vocabulary",
    "minContains", "maxContains", "contentSchema",
})


def published() -> dict[str, dict[str, Any]]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(SCHEMA_DIR.glob("*.json"))}


def subschemas(node: dict[str, Any], where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object, with its JSON pointer (keys under `properties` are names, not schemas)."""
    yield where, node
    for keyword in ("properties", "patternProperties", "$defs"):
        for name, child in node.get(keyword, {}).items():
            yield from subschemas(child, f"{where}/{keyword}/{name}")
    for keyword in ("items", "additionalProperties", "not", "if", "then", "else"):
        child = node.get(keyword)
        if isinstance(child, dict):
            yield from subschemas(child, f"{where}/{keyword}")
    for keyword in ("oneOf", "anyOf", "allOf"):
        for number, child in enumerate(node.get(keyword, [])):
            yield from subschemas(child, f"{where}/{keyword}/{number}")


@pytest.fixture(params=sorted(p.stem for p in SCHEMA_DIR.glob("*.json")))
def version_schema(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    version: str = request.param
    return version, published()[version]


# --- immutability -----------------------------------------------------------------------------

def test_every_published_version_has_a_pinned_hash_and_matches_it() -> None:
    files = {path.stem: path.read_bytes() for path in SCHEMA_DIR.glob("*.json")}
    assert set(files) == set(PUBLISHED_SHA256), "a new schema version needs its hash pinned here"
    for version, data in files.items():
        assert hashlib.sha256(data).hexdigest() == PUBLISHED_SHA256[version], (
            f"schema {version} changed after publication: publish a new version instead")


def test_the_current_versions_file_is_the_generators_output_byte_for_byte() -> None:
    path = SCHEMA_DIR / f"{schemagen.CURRENT_VERSION}.json"
    assert path.read_bytes() == schemagen.render(schemagen.build_schema()).encode("utf-8")
    assert schema.current_version() == schemagen.CURRENT_VERSION == "1.1"


@pytest.mark.parametrize("version", schemagen.VERSIONS)
def test_every_versions_file_is_the_generators_output_for_that_version(version: str) -> None:
    """Adding to the vocabulary must not change a published version: the generator keeps each one."""
    assert (SCHEMA_DIR / f"{version}.json").read_bytes() == schemagen.render(
        schemagen.build_schema(version)).encode("utf-8")
    assert schema.available_versions() == schemagen.VERSIONS


def test_the_generator_refuses_an_unknown_version() -> None:
    with pytest.raises(ValueError, match=r"no schema version '0\.9' \(known: 1\.0, 1\.1\)"):
        schemagen.build_schema("0.9")


def test_the_generator_writes_an_older_version_on_request(tmp_path: Path) -> None:
    target = tmp_path / "old.json"
    assert schemagen.main(["--version", "1.0", str(target)]) == 0
    assert target.read_bytes() == (SCHEMA_DIR / "1.0.json").read_bytes()


def test_the_generator_writes_the_file_it_prints(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert schemagen.main([str(target)]) == 0
    assert target.read_bytes() == (SCHEMA_DIR / f"{schemagen.CURRENT_VERSION}.json").read_bytes()


def test_id_and_dialect(version_schema: tuple[str, dict[str, Any]]) -> None:
    version, document = version_schema
    assert document["$id"] == f"https://reviewlint.dev/schema/film-review/{version}.json"
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "schema_version" in document["required"]
    assert re.fullmatch(document["properties"]["schema_version"]["pattern"], version)


# --- keywords ---------------------------------------------------------------------------------

def test_only_keywords_that_mean_the_same_in_draft7(version_schema: tuple[str, dict[str, Any]]) -> None:
    _, document = version_schema
    for where, node in subschemas(document):
        used = set(node)
        assert not used & DRAFT_2019_PLUS, (where, used & DRAFT_2019_PLUS)
        assert used <= DRAFT7_SAFE, (where, used - DRAFT7_SAFE)
        # Tuple-form `items` changed meaning in 2020-12; `$ref` siblings are ignored by draft-07.
        assert not isinstance(node.get("items"), list), where
        if "$ref" in node:
            assert set(node) == {"$ref"}, (where, "draft-07 ignores keywords beside $ref")
            assert node["$ref"].startswith("#/$defs/"), (where, "no remote references")


def test_every_object_forbids_additional_properties(version_schema: tuple[str, dict[str, Any]]) -> None:
    _, document = version_schema
    objects = [(where, node) for where, node in subschemas(document) if node.get("type") == "object"]
    assert len(objects) >= 10
    for where, node in objects:
        assert node.get("additionalProperties") is False, where
        assert node.get("properties"), where


def test_every_property_has_a_description(version_schema: tuple[str, dict[str, Any]]) -> None:
    _, document = version_schema
    for where, node in subschemas(document):
        for keyword in ("properties", "patternProperties"):
            for name, child in node.get(keyword, {}).items():
                assert isinstance(child.get("description"), str) and child["description"].strip(), (
                    f"{where}/{keyword}/{name}")


def test_the_schema_is_valid_under_both_metaschemas(version_schema: tuple[str, dict[str, Any]]) -> None:
    _, document = version_schema
    Draft202012Validator.check_schema(document)
    Draft7Validator.check_schema(document)


def test_every_example_is_valid_against_its_own_schema(version_schema: tuple[str, dict[str, Any]]) -> None:
    _, document = version_schema
    checked = 0
    for where, node in subschemas(document):
        for example in node.get("examples", []):
            standalone = {**node, "$defs": document["$defs"]}
            standalone.pop("$id", None)
            errors = [e.message for e in Draft202012Validator(standalone).iter_errors(example)]
            assert errors == [], (where, example, errors)
            checked += 1
    assert checked >= 20


def _as_draft7(document: dict[str, Any]) -> dict[str, Any]:
    copied = copy.deepcopy(document)
    copied["$schema"] = "http://json-schema.org/draft-07/schema#"
    return copied


def _error_shape(validator: Any, data: Any) -> list[tuple[str, str]]:
    return sorted((json.dumps(list(e.absolute_path)), str(e.validator)) for e in validator.iter_errors(data))


def test_draft7_and_2020_12_give_the_same_verdicts() -> None:
    """The claim behind the keyword list, tested: the same errors under both drafts."""
    document = published()[schemagen.CURRENT_VERSION]
    new = Draft202012Validator(document)
    old = Draft7Validator(_as_draft7(document))
    samples = [load_text(path.read_text(encoding="utf-8")).data for path in sorted(EXAMPLES.glob("*.yaml"))]
    valid = load_text(valid_review_text()).data
    samples.append(valid)
    broken = copy.deepcopy(valid)
    broken["film"]["year"] = "twenty"
    broken["film"]["cast"] = ["A", {"name": "B", "charcter": "C"}, 5]
    broken["content_warnings"] = ["sexual-violance", {"id": "gore", "severity": "high"}]
    broken["ratting"] = 3
    broken["published"] = "2024-02-30"
    del broken["author"]
    samples.append(broken)
    for data in samples:
        assert _error_shape(new, data) == _error_shape(old, data)
    assert len(_error_shape(new, broken)) == 7


# --- one source for the vocabularies ----------------------------------------------------------

def test_enums_are_the_vocabulary_data() -> None:
    document = published()[schemagen.CURRENT_VERSION]
    properties = document["properties"]
    assert document["$defs"]["contentWarningSlug"]["enum"] == list(vocab.content_warnings())
    assert properties["review"]["properties"]["recommendation"]["properties"]["verdict"]["enum"] == list(
        vocab.verdicts())
    assert properties["ending"]["properties"]["type"]["enum"] == list(vocab.ending_types())
    assert properties["spoilers"]["enum"] == list(vocab.spoiler_levels())
    assert properties["external_ratings"]["items"]["properties"]["source"]["enum"] == list(
        vocab.external_rating_sources())
    assert properties["source"]["properties"]["format"]["enum"] == list(vocab.source_formats())


def test_every_pattern_has_words_for_the_message() -> None:
    """A pattern without words would show users a regular expression."""
    document = published()[schemagen.CURRENT_VERSION]
    patterns = {node["pattern"] for _, node in subschemas(document) if "pattern" in node}
    assert patterns
    assert patterns <= set(schema.PATTERN_WORDS), patterns - set(schema.PATTERN_WORDS)


# --- registry ---------------------------------------------------------------------------------

def test_registry_lists_the_published_versions_oldest_first() -> None:
    assert schema.available_versions() == tuple(sorted(PUBLISHED_SHA256, key=lambda v: tuple(map(int, v.split(".")))))
    assert schema.schema_path("1.0").read_bytes() == (SCHEMA_DIR / "1.0.json").read_bytes()
    with pytest.raises(KeyError):
        schema.schema_path("0.9")


@pytest.mark.parametrize(("declared", "expected"), [
    ("1.0", ("1.0", None)),
    ("1.1", ("1.1", None)),
    (1.0, ("1.1", None)),  # not a string: the schema's own type check reports it
    ("1.7", ("1.1", "schema_version '1.7' is newer than this reviewlint knows (1.1); checked against 1.1, so keys "
                    "added since are reported as warnings. Upgrade reviewlint")),
    ("2.0", (None, "schema_version '2.0' is newer than this reviewlint supports (newest: 1.1); upgrade reviewlint "
                   "to check this file")),
    ("0.9", (None, "schema_version '0.9' is not a published version (known: 1.0, 1.1)")),
])
def test_pick_version(declared: Any, expected: tuple[str | None, str | None]) -> None:
    assert schema.pick_version(declared)[:2] == expected


# --- packaging and the command ----------------------------------------------------------------

def test_pyproject_maps_the_schema_folder_into_the_package() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    include = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert include == {"schema/film-review": "reviewlint/schemas/film-review"}


def test_the_wheel_ships_every_schema_file(tmp_path: Path) -> None:
    wheel = pytest.importorskip("hatchling.builders.wheel", reason="hatchling (the build backend) is not installed")
    built = list(wheel.WheelBuilder(str(REPO)).build(directory=str(tmp_path), versions=["standard"]))
    with zipfile.ZipFile(built[0]) as archive:
        shipped = {name: archive.read(name) for name in archive.namelist() if name.startswith("reviewlint/schemas/")}
    assert shipped == {f"reviewlint/schemas/film-review/{path.name}": path.read_bytes()
                       for path in SCHEMA_DIR.glob("*.json")}


def test_schema_command_prints_the_current_schema() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert result.output == (SCHEMA_DIR / f"{schema.current_version()}.json").read_text(encoding="utf-8")


def test_schema_command_prints_a_named_version() -> None:
    result = CliRunner().invoke(cli, ["schema", "--version", "1.0"])
    assert result.exit_code == 0
    assert result.output == (SCHEMA_DIR / "1.0.json").read_text(encoding="utf-8")


def test_schema_command_refuses_an_unknown_version() -> None:
    result = CliRunner().invoke(cli, ["schema", "--version", "0.1"])
    assert result.exit_code == 2
    assert ("reviewlint: error: invalid value for --version: no published schema version '0.1' (known: 1.0, 1.1)"
            in result.output)


def test_schema_command_lists_versions_and_paths() -> None:
    listed = CliRunner().invoke(cli, ["schema", "--list"])
    assert (listed.exit_code, listed.output) == (0, "1.0\n1.1\n")
    path = CliRunner().invoke(cli, ["schema", "--path"])
    assert path.exit_code == 0
    assert Path(path.output.strip()).read_bytes() == (SCHEMA_DIR / "1.1.json").read_bytes()


def test_schema_output_flags_are_exclusive() -> None:
    from click.testing import CliRunner

    from reviewlint.cli import cli

    result = CliRunner().invoke(cli, ["schema", "--path", "--print"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == \
        "reviewlint: error: --path, --print and --list each print something different: give one"
