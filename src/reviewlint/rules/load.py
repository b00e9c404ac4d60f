"""Load codes (RL001-RL013, RL015): declared in codes.py, reported by the loader (document/); documented here."""

from __future__ import annotations

from reviewlint.codes import LOAD_RULE_NAMES
from reviewlint.rules._core import document_stage_code

FAMILY = "load"


def _load(code: str, summary: str, doc: str) -> None:
    assert code in LOAD_RULE_NAMES, code
    document_stage_code(code, summary, doc)


_load("RL001", "The file is not valid YAML.", """
    ## What it does
    Reports a YAML syntax error at the line and column where the parser stopped, in the
    parser's words, followed by a hint when the text shows one of the usual causes: a colon
    and a space inside an unquoted value (`headline: Past Lives: the road`: quote the value),
    a quote or bracket never closed or closed too early, `@`, a backtick or a `#` at the start
    of a value, a tab in the indentation, a list or key at the wrong indentation.

    ## Why
    Nothing else can be checked in a file that does not parse. This finding is always
    shown, whatever the rule selection.

    ## Example
    ```yaml
    film: [Harbour Lights, 2023
    ```
    Use instead:
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
    ```

    ## Fix
    None: the author has to say what was meant.
""")

_load("RL002", "A mapping holds the same key twice.", """
    ## What it does
    Reports the second (and any later) occurrence of a key in one mapping.

    ## Why
    YAML parsers disagree about duplicates: some keep the first value, some the last,
    some refuse the file. reviewlint keeps the first and tells you, so no value is lost
    silently.

    ## Example
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
      year: 2024
    ```
    Use instead:
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
    ```

    ## Fix
    None: only the author knows which value is right.
""")

_load("RL003", "The file is not UTF-8 text.", """
    ## What it does
    Reports a file that is UTF-16/32, contains NUL bytes, or holds bytes that are not
    valid UTF-8, at the first offending byte.

    ## Why
    Reviews are exchanged as UTF-8; a file saved as cp1252 or UTF-16 would be read with
    the wrong characters. This finding is always shown.

    ## Example
    ```text
    A file saved by an old editor as Windows-1252: "Am\\xe9lie" (byte 0xE9).
    ```
    Use instead:
    ```text
    The same file re-saved as UTF-8: "Amélie".
    ```

    ## Fix
    None: re-save the file as UTF-8.
""")

_load("RL004", "The file holds no review.", """
    ## What it does
    Reports a file that is empty or holds only comments.

    ## Why
    An empty file among the reviews is almost always a mistake (a forgotten draft, a
    failed export).

    ## Example
    ```yaml file
    # draft: write the review here
    ```
    Use instead:
    ```yaml
    schema_version: "1.0"
    ```

    ## Fix
    None.
""")

_load("RL005", "The file holds more than one YAML document.", """
    ## What it does
    Reports a second `---` document in a file; only the first is checked.

    ## Why
    One file is one review. A second document is usually two reviews pasted together, and
    tools that read only the first would drop the other.

    ## Example
    ```yaml file
    schema_version: "1.0"
    ---
    schema_version: "1.0"
    ```
    Use instead:
    ```yaml
    schema_version: "1.0"
    ```

    ## Fix
    None: split the file in two.
""")

_load("RL006", "The top level is not a mapping of keys.", """
    ## What it does
    Reports a file whose top level is a list or a single value instead of a mapping.

    ## Why
    A review is a mapping with `schema_version`, `film`, `review` and so on; a list or a
    bare string cannot be validated.

    ## Example
    ```yaml file
    - Harbour Lights
    - 2023
    ```
    Use instead:
    ```yaml
    schema_version: "1.0"
    ```

    ## Fix
    None.
""")

_load("RL007", "An alias (`*name`) repeats an anchored value.", """
    ## What it does
    Reports every alias. Aliases that would expand the document beyond 100,000 values
    (an "alias bomb") stop the check of that file.

    ## Why
    Aliases make a review hard to read and edit, and exporters that do not understand
    them duplicate or drop data. They are also the vehicle of the "billion laughs"
    attack.

    ## Example
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
      directors: &director [Do-Yun Han]
      writers: *director
    ```
    Use instead:
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
      directors: [Do-Yun Han]
      writers: [Do-Yun Han]
    ```

    ## Fix
    None: write the value out.
""")

_load("RL008", "A YAML tag such as `!!python/object` is used.", """
    ## What it does
    Reports any tag other than the YAML 1.2 core ones (`!!str`, `!!int`, `!!float`,
    `!!bool`, `!!null`, `!!map`, `!!seq`). The value is read as plain data and nothing is
    ever constructed from a tag.

    ## Why
    Language-specific tags are how unsafe loaders run code; reviews never need them.

    ## Example
    ```yaml
    film:
      title: !!python/str Harbour Lights
      year: 2023
    ```
    Use instead:
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
    ```

    ## Fix
    None: remove the tag.
""")

_load("RL009", "A mapping key is a list or a mapping.", """
    ## What it does
    Reports a complex key (`? [a, b]`).

    ## Why
    JSON, the schema and every exporter need keys that are plain text.

    ## Example
    ```yaml
    tags:
      ? [revenge, friendship]
      : yes
    ```
    Use instead:
    ```yaml
    tags: [revenge, friendship]
    ```

    ## Fix
    None.
""")

_load("RL010", "A merge key (`<<`) is used.", """
    ## What it does
    Reports `<<` merge keys, which YAML 1.2 dropped.

    ## Why
    Loaders disagree on whether `<<` merges or is an ordinary key, so the same file would
    mean different things to different tools.

    ## Example
    ```yaml
    author:
      <<: {name: Ines Lago}
    ```
    Use instead:
    ```yaml
    author:
      name: Ines Lago
    ```

    ## Fix
    None: write the keys out.
""")

_load("RL011", "The file is larger than `max-file-size`.", """
    ## What it does
    Reports a file over the size limit (2 MiB by default) without reading it.

    ## Why
    A review is a few kilobytes; a huge file is a mistake or an attack, and reading it
    would cost time and memory. This finding is always shown.

    ## Example
    ```text
    reviews/dump.yaml: 3 GB of log output saved with a .yaml suffix.
    ```
    Use instead:
    ```text
    Move the file out of the review folder, exclude it, or raise `max-file-size`.
    ```

    ## Fix
    None.
""")

_load("RL012", "The file could not be read.", """
    ## What it does
    Reports a file that could not be opened or read (permissions, a broken link, a file
    that disappeared during the run). This finding is always shown.

    ## Why
    A review that cannot be read has not been checked; saying nothing would pass it.

    ## Example
    ```text
    reviews/locked.yaml with mode 000.
    ```
    Use instead:
    ```text
    A readable file (chmod 644).
    ```

    ## Fix
    None.
""")

_load("RL013", "A number or boolean cannot be represented.", """
    ## What it does
    Reports a value tagged as a number or boolean that is not one (`!!int twenty`),
    numbers too large to represent (`1e999`, integers of thousands of digits), and
    YAML's infinity and not-a-number (`.inf`, `-.inf`, `.nan`), which JSON cannot hold.

    ## Why
    Such a value cannot be compared with anything (an infinite rating would pass every
    maximum); it is read as text instead and the schema then reports the wrong type.

    ## Example
    ```yaml
    film:
      title: Harbour Lights
      year: !!int twenty
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

_load("RL015", "Values are nested too deep.", """
    ## What it does
    Reports a file whose lists and mappings are nested more than 100 levels deep, at the
    collection that goes past the limit. The file is not checked further.

    ## Why
    A review is a few levels deep; a hundred levels is a generated or hostile file. The
    limit keeps every stage that walks the values (schema validation, rules, export, the
    formatter) within bounds, so such a file gets this finding instead of a crash.

    ## Example
    ```text
    x-notes: [[[[[[ ... a hundred brackets deep ... ]]]]]]
    ```
    Use instead:
    ```yaml
    x-notes: [a note]
    ```

    ## Fix
    None.
""")
