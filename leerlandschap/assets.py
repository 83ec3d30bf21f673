"""The region's logo and favicon are untrusted files: only images, and an SVG only when it can do nothing but draw.

A raster image is recognised by its first bytes (not by its name): PNG, JPEG, WebP or ICO, and its name must say
the same. An SVG is parsed with expat directly: a DOCTYPE (and with it every entity, the "billion laughs" included)
stops the parse before anything is expanded, and every element and attribute must be on an allowlist. Refused:
scripts, foreignObject, event handlers (onload=…), links and references to anything but an id in the same file
(href, xlink:href, url(…)), style sheets that load something, processing instructions such as xml-stylesheet, and
elements of other namespaces (an XHTML <script> inside an SVG runs too). Opened directly, an SVG runs on the
site's origin, so "only drawing" is the rule, not "no <script> tag".
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from xml.parsers import expat

MAX_BYTES = 1024 * 1024  # a logo or favicon larger than this is not meant for a web page
SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
_SEPARATOR = "\x1f"  # between namespace and local name in expat's names (never in a name itself)

ELEMENTS = frozenset({
    "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle", "ellipse", "line", "polyline",
    "polygon", "text", "tspan", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "style",
})
ATTRIBUTES = frozenset({
    "id", "class", "style", "version", "width", "height", "viewBox", "preserveAspectRatio", "x", "y", "x1", "y1", "x2",
    "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "d", "points", "pathLength", "transform", "fill", "fill-opacity",
    "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
    "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity", "clip-path", "clip-rule", "clipPathUnits",
    "mask", "maskUnits", "maskContentUnits", "color", "display", "visibility", "font-family", "font-size",
    "font-weight", "font-style", "text-anchor", "dominant-baseline", "letter-spacing", "word-spacing", "dx", "dy",
    "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod", "href", "type",
    "role", "aria-label", "aria-hidden", "focusable", "xml:space", "xlink:href", "xml:lang", "lang",
    "shape-rendering", "vector-effect", "paint-order", "overflow", "enable-background", "x-height",
})
# References inside a value: url(#id) only, whatever the quoting, and nothing a browser could load
_LOCAL_REF = re.compile(r"#[A-Za-z_][A-Za-z0-9_.:-]*")  # a reference inside the file itself: #naam
_URL = re.compile(r"url\(\s*(['\"]?)\s*([^)'\"]*)\1\s*\)", re.IGNORECASE)
_CSS_DANGER = re.compile(r"@import|@font-face|expression\s*\(|javascript:|\\|image-set\s*\(|-moz-binding|behavior\s*:",
                         re.IGNORECASE)
_KINDS = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "webp": "WebP", "ico": "ICO", "svg": "SVG"}


class Refused(Exception):
    """Why an SVG is refused, and on which line."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line, self.reason = line, reason


def sniff(data: bytes) -> str | None:
    """'PNG', 'JPEG', 'WebP' or 'ICO' from the first bytes; 'SVG' for text that starts like XML or <svg; else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    if data.startswith(b"\x00\x00\x01\x00") and len(data) > 6:
        return "ICO"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<?xml", b"<svg", b"<!--", b"<!DOCTYPE")):
        return "SVG"
    return None


def asset_problem(path: Path, name: str) -> tuple[int, str] | None:
    """(line, Dutch message) when regio/assets/<name> may not be published as the site's logo or favicon."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return 1, (f"Het bestand '{name}' is te groot ({-(-size // 1024)} kB). Een logo of pictogram mag hoogstens "
                   f"{MAX_BYTES // 1024} kB zijn. Maak het bestand kleiner.")
    data = path.read_bytes()
    expected = _KINDS.get(name.rsplit(".", 1)[-1].lower(), "")
    found = sniff(data)
    allowed = "PNG, JPEG, WebP, ICO (alleen voor het pictogram) of SVG"
    if found is None:
        return 1, (f"Het bestand '{name}' is geen afbeelding die de site kan tonen. Gebruik {allowed}, en sla het "
                   "bestand opnieuw op in dat formaat.")
    if found != expected:
        return 1, (f"Het bestand '{name}' heet .{name.rsplit('.', 1)[-1]}, maar is een {found}-bestand. Geef het de "
                   "extensie die bij het formaat hoort, of sla het opnieuw op.")
    if found != "SVG":
        return None
    try:
        check_svg(data)
    except Refused as refused:
        return refused.line, (f"Het bestand '{name}' kan niet als logo of pictogram: {refused.reason} Een SVG op de "
                              "site mag alleen tekenen. Sla het logo op als gewone SVG zonder scripts, links en "
                              "stijlbladen, of gebruik een PNG.")
    return None


def check_svg(data: bytes) -> None:
    """Raise Refused unless `data` is an SVG document that only draws."""
    parser = expat.ParserCreate(namespace_separator=_SEPARATOR)
    stack: list[str] = []
    line: Callable[[], int] = lambda: parser.CurrentLineNumber or 1
    # A style sheet's text as a whole, and the line its <style> starts on. Expat hands text over in pieces (at every
    # character reference, CDATA section and line end): '@imp&#111;rt' or 'u<![CDATA[rl(]]>' came as pieces that
    # each passed, while the browser reads one style sheet that loads from another host.
    sheet: list[str] = []
    sheet_line = [1]

    def refuse(reason: str) -> None:
        raise Refused(line(), reason)

    def refuse_sheet(reason: str) -> None:
        raise Refused(sheet_line[0], reason)

    def start(name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(_SEPARATOR)
        if not namespace and local == "svg":
            refuse('het mist xmlns="http://www.w3.org/2000/svg" in de <svg>-tag.')
        if namespace != SVG or local not in ELEMENTS:
            shown = local if namespace in (SVG, "") else f"{local} (uit een andere namespace)"
            refuse(f"het bevat het element <{shown}>, dat hier niet mag.")
        if not stack and local != "svg":
            refuse("het begint niet met <svg>.")
        if stack and stack[-1] == "style":  # a style sheet is text; an element inside would only split it up
            refuse(f"het bevat het element <{local}> binnen <style>. Daar mag alleen tekst staan.")
        if local == "style":
            sheet.clear()
            sheet_line[0] = line()
        stack.append(local)
        for key, value in attributes.items():
            space, _, attribute = key.rpartition(_SEPARATOR)
            attribute = {XLINK: "xlink:", XML: "xml:"}.get(space, "") + attribute if space else attribute
            if attribute.lower().startswith("on"):
                refuse(f"het bevat '{attribute}', een opdracht die een script start.")
            if attribute not in ATTRIBUTES or (space and space not in (XLINK, XML)):
                refuse(f"het bevat het attribuut '{attribute}', dat hier niet mag.")
            if attribute in ("href", "xlink:href") and not _LOCAL_REF.fullmatch(value.strip()):
                refuse(f"het verwijst naar '{value[:60]}'. Alleen verwijzingen naar een onderdeel in hetzelfde "
                       "bestand (#naam) mogen.")
            _check_style(value, refuse)

    def text(data: str) -> None:
        if stack and stack[-1] == "style":
            sheet.append(data)

    def end(_name: str) -> None:
        if stack.pop() == "style":
            _check_style("".join(sheet), refuse_sheet)

    def forbidden(*_args: object) -> None:
        refuse("het bevat een DOCTYPE of entiteiten (<!DOCTYPE of <!ENTITY).")

    def instruction(target: str, _data: str) -> None:
        refuse(f"het bevat de instructie <?{target} ...?>, die iets van buiten kan laden.")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = forbidden
    parser.EntityDeclHandler = forbidden
    parser.ProcessingInstructionHandler = instruction
    parser.ExternalEntityRefHandler = lambda *_args: forbidden()  # type: ignore[assignment]
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise Refused(error.lineno or 1, f"het is geen geldige SVG ({expat.ErrorString(error.code)}).") from None


def _check_style(value: str, refuse: Callable[[str], None]) -> None:
    if _CSS_DANGER.search(value):
        refuse(f"het bevat '{_CSS_DANGER.search(value).group()}', dat iets kan laden of uitvoeren.")  # type: ignore[union-attr]
    lowered = value.lower()
    if "url(" in lowered.replace(" ", ""):
        targets = [m.group(2).strip() for m in _URL.finditer(value)]
        if len(targets) != lowered.replace(" ", "").count("url(") or not all(
                _LOCAL_REF.fullmatch(t) for t in targets):
            refuse("het verwijst met url(...) naar iets buiten het bestand. Alleen url(#naam) mag.")
