"""A small, safe XML reader for blog exports (WordPress WXR, Blogger Atom).

expat does the parsing; this module keeps what the export readers need: elements with
their namespace-qualified names, attributes, text, and the line each element and its
text start on (so that reports and `-v` name the export's own lines). Entity
declarations are refused outright (no "billion laughs", no external entities) and the
tree is built without recursion, so a deeply nested export cannot exhaust the stack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.parsers import expat

# Namespaces the readers look for ("{uri}name" after parsing).
ATOM = "http://www.w3.org/2005/Atom"
APP = "http://www.w3.org/2007/app"
BLOGGER = "http://schemas.google.com/blogger/2018"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
MAX_DEPTH = 200


class XmlError(ValueError):
    """The export is not well-formed XML, or uses what this reader refuses; says where."""


@dataclass(slots=True)
class Node:
    name: str
    attrs: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    text_line: int = 0  # where the element's text begins

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def local(self) -> str:
        return self.name.rsplit("}", 1)[-1]

    def find(self, name: str) -> Node | None:
        return next((child for child in self.children if child.name == name), None)

    def find_all(self, name: str) -> list[Node]:
        return [child for child in self.children if child.name == name]

    def text_of(self, name: str) -> str:
        found = self.find(name)
        return found.text.strip() if found is not None else ""


def parse(text: str) -> Node:
    """The document's root element; raises XmlError with the line of the problem."""
    parser = expat.ParserCreate(encoding="utf-8", namespace_separator="}")
    root = Node("#document", {}, 1)
    stack: list[Node] = [root]

    def start(name: str, attrs: dict[str, str]) -> None:
        if len(stack) > MAX_DEPTH:
            raise XmlError(f"line {parser.CurrentLineNumber}: elements nested deeper than {MAX_DEPTH}")
        qualified = "{" + name if "}" in name else name
        node = Node(qualified, dict(attrs), parser.CurrentLineNumber)
        stack[-1].children.append(node)
        stack.append(node)

    def end(name: str) -> None:
        stack.pop()

    def data(content: str) -> None:
        node = stack[-1]
        if not node.parts and not content.strip():
            return  # indentation before the text starts
        if not node.parts:
            node.text_line = parser.CurrentLineNumber
        node.parts.append(content)

    def refuse_entities(*_: object) -> None:
        raise XmlError(f"line {parser.CurrentLineNumber}: the export declares XML entities, which reviewlint "
                       "does not expand (they can expand without bound)")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.EntityDeclHandler = refuse_entities
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = False  # the first piece of text is delivered at its own line
    try:
        parser.Parse(text.encode("utf-8"), True)
    except expat.ExpatError as error:
        raise XmlError(f"line {error.lineno}, column {error.offset + 1}: not well-formed XML "
                       f"({expat.ErrorString(error.code)})") from None
    if not root.children:
        raise XmlError("line 1: the file holds no XML element")
    return root.children[0]
