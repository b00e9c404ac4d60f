"""`reviewlint server`: a language server (LSP over stdio) with every rule, fixes,
formatting, and the schema's descriptions and vocabularies for hover and completion.

Built on pygls and lsprotocol; imported only by `reviewlint server`.
"""

from __future__ import annotations


def main() -> None:
    from reviewlint.server.app import main as run

    run()


__all__ = ["main"]
