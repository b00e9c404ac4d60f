"""Schema codes (RL101-RL110): declared in codes.py, reported by schema validation (schema.py); documented here."""

from __future__ import annotations

from reviewlint.codes import SCHEMA_RULE_NAMES
from reviewlint.rules._core import document_stage_code

FAMILY = "schema"


def _schema(code: str, summary: str, doc: str) -> None:
    assert code in SCHEMA_RULE_NAMES, code
    document_stage_code(code, summary, doc)


_schema("RL101", "A required key is missing.", """
    ## What it does
    Reports a key the schema requires (`schema_version`, `film`, `film.title`,
    `film.year`, `review`, `review.body`, `content_warnings`, `author`, ...), at the
    mapping that should hold it.

    ## Why
    Every consumer of a review relies on these keys. `content_warnings` in particular is
    required: an empty list means "checked, none", a missing key means nobody checked.

    ## Example
    ```yaml
    author: {}
    ```
    Use instead:
    ```yaml
    author:
      name: Ines Lago
    ```

    ## Fix
    None: only the author knows the value.
""")

_schema("RL102", "A key the schema does not know.", """
    ## What it does
    Reports an unknown key, with the closest known key as a suggestion. Keys starting
    with `x-` are allowed everywhere extensions are. On a document that declares a newer
    1.x version than reviewlint knows, unknown keys are warnings.

    ## Why
    A typo in a key (`ratting:`) silently drops the value for every consumer.

    ## Example
    ```yaml
    ratting:
      value: 7
      max: 10
    ```
    Use instead:
    ```yaml
    rating:
      value: 7
      max: 10
    ```

    ## Fix
    None: rename the key (or prefix it with `x-` if it is a deliberate extension).
""")

_schema("RL103", "A value has the wrong type.", """
    ## What it does
    Reports a value of the wrong type: text where a number is expected, a single value
    where a list is expected, and so on.

    ## Why
    Consumers compare years and ratings as numbers and iterate lists; a wrong type breaks
    them or changes the meaning.

    ## Example
    ```yaml
    film:
      title: Harbour Lights
      year: twenty twenty-three
    ```
    Use instead:
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
    ```

    ## Fix
    None.
""")

_schema("RL104", "A value is not one of the allowed values.", """
    ## What it does
    Reports a value outside a closed vocabulary (content-warning slugs, verdicts, ending
    types, spoiler levels, rating sources), with a did-you-mean for near misses.
    `reviewlint vocab NAME` lists each vocabulary.

    ## Why
    Renderers, filters and exports switch on these values; an unknown one is ignored.

    ## Example
    ```yaml
    content_warnings: [sexual-violance]
    ```
    Use instead:
    ```yaml
    content_warnings: [sexual-violence]
    ```

    ## Fix
    None here; RL301 offers one when the value is a known synonym.
""")

_schema("RL105", "A value does not have the required form.", """
    ## What it does
    Reports a value that does not match its pattern or format: IMDb ids, country and
    language codes, dates, web addresses, single-line titles.

    ## Why
    These values are keys into other systems (IMDb, ISO tables, calendars); a malformed
    one links to nothing.

    ## Example
    ```yaml
    published: 9 March 2024
    ```
    Use instead:
    ```yaml
    published: "2024-03-09"
    ```

    ## Fix
    None here; RL504 and RL505 offer fixes for country and language names.
""")

_schema("RL106", "A number is outside its allowed range.", """
    ## What it does
    Reports a number below a minimum or above a maximum the schema sets (a year before
    1888, a runtime of 0 minutes, a negative TMDB id).

    ## Why
    Such a value is certainly wrong, whatever the film.

    ## Example
    ```yaml
    film:
      title: Harbour Lights
      year: 1066
    ```
    Use instead:
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
    ```

    ## Fix
    None.
""")

_schema("RL107", "A text or list is too short or too long.", """
    ## What it does
    Reports empty text where text is required, titles or names over their length limit,
    and lists with too few items (a review body needs at least one paragraph).

    ## Why
    An empty value is a missing value in disguise; an over-long title is usually a
    paragraph pasted into the wrong field.

    ## Example
    ```yaml
    review:
      body: []
    ```
    Use instead:
    ```yaml
    review:
      body:
        - A tense, bloody revenge story carried by its lead.
    ```

    ## Fix
    None.
""")

_schema("RL108", "A list holds the same item twice.", """
    ## What it does
    Reports a repeated item in lists that must be unique (genres, countries, tags).

    ## Why
    Duplicates inflate counts and facets in every index built from the reviews.

    ## Example
    ```yaml
    tags: [revenge, revenge]
    ```
    Use instead:
    ```yaml
    tags: [revenge]
    ```

    ## Fix
    None here.
""")

_schema("RL109", "The schema version is unknown or newer than this reviewlint.", """
    ## What it does
    Reports a `schema_version` that is not published. A newer MAJOR version is an error
    and the document is not checked further (reviewlint does not guess); a newer MINOR
    version of a known MAJOR is checked against the newest known one, with unknown keys
    as warnings.

    ## Why
    Checking a document against the wrong schema produces wrong findings.

    ## Example
    ```yaml
    schema_version: "2.0"
    ```
    Use instead:
    ```yaml
    schema_version: "1.0"
    ```

    ## Fix
    None: upgrade reviewlint, or correct the version.
""")

_schema("RL110", "Any other schema violation.", """
    ## What it does
    Reports a schema violation that none of RL101-RL109 describes more precisely.

    ## Why
    The schema is the contract between writers and consumers of reviews.

    ## Example
    ```text
    Not reachable with schema 1.0: every keyword it uses has its own code.
    ```
    Use instead:
    ```text
    -
    ```

    ## Fix
    None.
""")
