"""What a page's styles do to an element's text: hide it, strike it out, raise it off the line.

An element's style is read from its ``style`` attribute and from the rules of the page's own
style sheet whose selector is one class (".c9", "span.MsoFootnoteReference"): Google Docs,
pdf2htmlEX and Word format runs through such classes. Rules for other selectors, and rules
inside @media blocks (for some screens only: a page's PC and mobile copies of a table, one
hidden on each), are not read. Only the few properties below are read, and a style that names
none of them costs one scan.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from lxml import etree

Style = Mapping[str, str]  # property → value, lower case, the last declaration winning

_DECLARATION = re.compile(r"([a-z-]+)\s*:\s*([^;]*)")
_IMPORTANT = re.compile(r"\s*!\s*important\s*$")
_CSS_MEDIA = re.compile(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}")
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR = re.compile(r"\s*(?:[a-z][a-z0-9]*)?\.([\w-]+)\s*", re.I)
_LENGTH = re.compile(r"([-+]?(?:\d+\.?\d*|\.\d+))(px|pt|pc|em|rem|ex|ch|cm|mm|in|q|%)?")
_PX = {
    None: 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "em": 16.0, "rem": 16.0, "ex": 8.0,
    "ch": 8.0, "cm": 96 / 2.54, "mm": 96 / 25.4, "in": 96.0, "q": 96 / 101.6,
}  # fmt: skip
_CLIP_RECT = re.compile(r"rect\(([^)]*)\)")
_INSET = re.compile(r"inset\(\s*([\d.]+)%")
_OFF_SCREEN = -999.0  # px: a box placed further left or up than this is off every screen
_BOXES = ("block", "inline-block", "flex", "inline-flex", "grid", "inline-grid", "table")


@dataclass(frozen=True)
class StyleSheet:
    """The page's rules for single classes that set a property read here: class (in lower
    case: matched as in quirks mode, that of Word's pages) → the place of its last rule in the
    sheet, and its declarations."""

    classes: Mapping[str, tuple[int, Style]] = field(default_factory=dict)


def style_sheet(root: etree._Element) -> StyleSheet:
    """The page's own style sheet (read before its <style> elements are dropped)."""
    classes: dict[str, tuple[int, dict[str, str]]] = {}
    order = 0
    for element in root.iter("style"):
        css = "".join(map(str, element.itertext())).lower()
        if not _relevant(css):
            continue
        for selectors, declarations in _CSS_RULE.findall(_CSS_MEDIA.sub("", css)):
            if not _relevant(declarations):
                continue
            order += 1
            parsed = _parse(declarations)
            for selector in selectors.split(","):
                simple = _CLASS_SELECTOR.fullmatch(selector)
                if simple:  # (".hide", "span.hide"; not "#x .hide", ".a:hover")
                    name = simple.group(1)
                    known = classes.get(name)
                    merged = {**known[1], **parsed} if known else parsed
                    classes[name] = (order, merged)
    return StyleSheet(classes)


def _relevant(low: str) -> bool:
    """Whether a style (in lower case) may set a property read here: without one of these
    words none is set (most styles set fonts and margins only)."""
    return (
        "display" in low
        or "visibility" in low
        or "line-through" in low
        or "vertical-align" in low
        or "raise" in low
        or "size:0" in low
        or "size: 0" in low
        or "opacity" in low
        or "position" in low
        or "clip" in low
    )


def _parse(low: str) -> dict[str, str]:
    return {name: _IMPORTANT.sub("", value.strip()) for name, value in _DECLARATION.findall(low)}


def style_of(element: etree._Element, sheet: StyleSheet) -> Style | None:
    """The properties read here that the element's classes and style set; None if none."""
    found: Style | None = None
    if sheet.classes:
        names = element.get("class")
        if names is not None:
            rules = sorted(
                (rule for name in names.lower().split() if (rule := sheet.classes.get(name))),
                key=itemgetter(0),
            )
            if rules:
                merged: dict[str, str] = {}
                for _, declarations in rules:
                    merged.update(declarations)
                found = merged
    inline = element.get("style")
    if inline is not None and (declared := _attribute_style(inline)) is not None:
        found = {**found, **declared} if found else declared
    return found


@lru_cache(maxsize=4096)
def _attribute_style(style: str) -> Style | None:
    """A style attribute's properties read here (cached: Word repeats its spans' styles)."""
    low = style.lower()
    return _parse(low) if _relevant(low) else None


def hidden(style: Style) -> bool:
    """``display:none`` or ``visibility:hidden``."""
    return style.get("display") == "none" or style.get("visibility") in ("hidden", "collapse")


def struck(style: Style) -> bool:
    """Struck out (an old value left beside the new one)."""
    line = style.get("text-decoration-line") or style.get("text-decoration") or ""
    return "line-through" in line


def superscript(style: Style) -> bool:
    """``vertical-align: super`` or ``sub``: a footnote mark, wherever it stands."""
    return style.get("vertical-align") in ("super", "sub")


def shift(style: Style) -> int:
    """1 if the text is raised off the line, -1 if lowered, 0 if on it: by ``vertical-align``
    (super, sub, a length: pdf2htmlEX's ".v1{vertical-align:6.48px}"), Word's
    ``mso-text-raise``, or ``position:relative`` with ``top``/``bottom``."""
    align = style.get("vertical-align")
    if align is not None:
        if align == "super":
            return 1
        if align == "sub":
            return -1
        if length := _length(align, percent=True):
            return 1 if length > 0 else -1
    raised = _length(style.get("mso-text-raise"))
    if raised:
        return 1 if raised > 0 else -1
    if style.get("position") == "relative":
        if top := _length(style.get("top")):
            return -1 if top > 0 else 1
        if bottom := _length(style.get("bottom")):
            return 1 if bottom > 0 else -1
    return 0


def invisible(style: Style, element: etree._Element) -> bool:
    """Whether the element's text certainly does not show: hidden, transparent, of size 0, in
    a box of size 0 that clips it, or placed off the screen (text against copying, text for
    screen readers only). Text whose colour may match its background is not judged."""
    if style.get("display") == "none" or _length(style.get("opacity")) == 0:
        return True
    if style.get("visibility") in ("hidden", "collapse") or _length(style.get("font-size")) == 0:
        # (A descendant may set its own visibility or size.)
        return not any(e.get("style") or e.get("class") for e in element.iterdescendants())
    position = style.get("position")
    placed = position in ("absolute", "fixed")
    width, height = _length(style.get("width")), _length(style.get("height"))
    clipping = any(
        style.get(name) in ("hidden", "clip") for name in ("overflow", "overflow-x", "overflow-y")
    )
    if clipping and (placed or style.get("display") in _BOXES) and 0 in (width, height):
        return True
    if not placed:
        return False
    left, top = _length(style.get("left")), _length(style.get("top"))
    if (left is not None and left < _OFF_SCREEN) or (top is not None and top < _OFF_SCREEN):
        return True
    if clipping and width is not None and height is not None and max(width, height) <= 1:
        return True  # (the ".sr-only" box: 1px, clipped)
    return _clipped_away(style.get("clip"), style.get("clip-path"))


def _clipped_away(clip: str | None, clip_path: str | None) -> bool:
    """A clip (``rect(0 0 0 0)``) or clip path (``inset(50%)``) that leaves nothing."""
    if clip is not None and (rect := _CLIP_RECT.search(clip)):
        sides = [_length(side) for side in re.split(r"[\s,]+", rect.group(1).strip())]
        if len(sides) == 4 and None not in sides:
            top, right, bottom, left = (side or 0.0 for side in sides)
            if bottom <= top or right <= left:
                return True
    if clip_path is not None and (inset := _INSET.search(clip_path)):
        return float(inset.group(1)) >= 50
    return False


def _length(value: str | None, *, percent: bool = False) -> float | None:
    """A CSS length in px (a number alone, as for opacity, is itself); None if it is none.
    ``percent``: a percentage is a length (its sign and whether it is 0 are what count)."""
    if value is None:
        return None
    match = _LENGTH.fullmatch(value.strip())
    if match is None:
        return None
    number, unit = float(match.group(1)), match.group(2)
    if unit == "%":
        return number if percent or number == 0 else None
    return number * _PX[unit]
