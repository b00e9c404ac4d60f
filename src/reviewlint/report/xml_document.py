"""Writing an XML report (checkstyle, junit): one way, so both print the same declaration
and indentation."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO


def write_xml(root: ET.Element, stream: TextIO) -> None:
    """`root` indented, after a UTF-8 XML declaration, ending with a newline."""
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
