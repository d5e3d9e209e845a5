"""Word documents (.docx): guard against broken files and zip bombs, then mammoth → HTML → lines.

mammoth keeps tables as HTML tables with rowspan/colspan for merged cells, so a DOCX is read by
the same table code as a web page: one ``Line`` per physical cell.
"""

from __future__ import annotations

import io
import zipfile
import zlib

import mammoth
from lxml import etree

from gongkai.errors import CorruptInputError, UnsupportedInputError
from gongkai.reader._html import HtmlResult, read_html

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # all members together
MAX_RATIO = 100  # compression ratio of one member…
RATIO_FLOOR = 10 * 1024 * 1024  # …that counts only for members larger than this
MAX_MEMBERS = 10_000
_BROKEN_ZIP = (
    "文件是 zip 格式（Word 文档的格式），但已损坏，无法打开：文件可能下载不完整，"
    "请重新下载，或在 Word/WPS 中打开后另存为 .docx"
)
_BOMB = (
    "这个 Word 文档解压后过大（声明的解压大小异常，疑似“压缩炸弹”），为安全起见不予读取："
    "请在 Word/WPS 中打开后另存为新的 .docx，或提供网页/PDF 版本"
)
_OTHER_ZIP = {
    "xl/": "Excel 表格（.xlsx）",
    "ppt/": "PowerPoint 演示文稿（.pptx）",
    "mimetype": "OpenDocument 文档（.odt/.ods）",
}


# Images are not read: the report is text, and base64 data URIs would only slow the HTML down.
_NO_IMAGES = mammoth.images.img_element(lambda image: {})


def is_zip(data: bytes) -> bool:
    return data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"))


def read_docx(data: bytes, *, claimed: bool) -> HtmlResult:
    """Read a DOCX. ``claimed``: the caller or the file name says it is a DOCX.

    A zip that is plainly something else (an Excel workbook, an archive) is an
    ``UnsupportedInputError`` unless it was claimed to be a DOCX; a claimed DOCX that is not a
    valid Word zip is a ``CorruptInputError``.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise CorruptInputError(_BROKEN_ZIP) from None
    with archive:
        try:
            infos = archive.infolist()
        except Exception:  # zipfile parses the central directory lazily in some versions
            raise CorruptInputError(_BROKEN_ZIP) from None
        _guard(infos)
        names = {info.filename for info in infos}
        if "word/document.xml" not in names:
            if not claimed and not any(name.startswith("word/") for name in names):
                what = next(
                    (
                        label
                        for prefix, label in _OTHER_ZIP.items()
                        if any(name.startswith(prefix) for name in names)
                    ),
                    "ZIP 压缩包",
                )
                raise UnsupportedInputError(
                    f"这是 {what}，不是 Word 文档：本工具读取纯文本（.txt）、网页（.html）、"
                    "Word（.docx）和 PDF 文件；如果报告在压缩包里，请先解压"
                )
            raise CorruptInputError(
                "Word 文档已损坏：缺少正文部分（word/document.xml）。"
                "请在 Word/WPS 中打开后另存为 .docx，或重新下载"
            )
        data = _as_printed(archive, data)
    try:
        result = mammoth.convert_to_html(io.BytesIO(data), convert_image=_NO_IMAGES)
        html = result.value
    except Exception:  # mammoth raises many kinds of errors on malformed XML
        raise CorruptInputError(
            "Word 文档已损坏，无法读取其内容："
            "请在 Word/WPS 中打开后另存为 .docx，或提供网页/PDF 版本"
        ) from None
    if not isinstance(html, str):
        raise CorruptInputError("Word 文档无法转换：请在 Word/WPS 中打开后另存为 .docx 再试")
    return read_html(f"<html><body>{html}</body></html>", source_lines=False)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_OFF = ("0", "false", "off")  # OOXML's values of a switched-off property
# Run properties that make a run no part of a cell's printed value: hidden, struck out, set as
# a superscript or subscript (a footnote mark: "447228" with a superscript "1" is 447228), or
# white (an old digit left unseen in a white cell: see _in_white_cell).
# Word takes them from the document's defaults, the paragraph's style, the run's character
# style (each through its basedOn chain) and the run itself; mammoth reads only the last.
# White text is seen, though, on a shaded or highlighted ground, or drawn with an outline, a
# shadow, an embossed or engraved edge, or a Word 2010 text effect (w14: a fill, a glow…).
_EFFECTS = ("outline", "shadow", "emboss", "imprint")
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_W14_EFFECTS = frozenset(
    f"{{{_W14}}}{name}"
    for name in ("textFill", "textOutline", "glow", "shadow", "reflection", "scene3d", "props3d")
)
_SEEN_WHITE = ("shaded", "highlighted", "paragraph_shaded", "effects", *_EFFECTS)
_PROPERTIES = ("vanish", "strike", "dstrike", "vertAlign", "position", *_EFFECTS)
_MARKS = frozenset(("footnoteReference", "endnoteReference"))


def _tag(name: str) -> str:
    return f"{{{_W}}}{name}"


_W_OPEN, _VAL = f"{{{_W}}}", _tag("val")


def _formatting(rpr: etree._Element | None) -> dict[str, bool]:
    """The unprinting properties a w:rPr sets, on or off, and what makes white text seen."""
    out: dict[str, bool] = {}
    if rpr is None:
        return out
    for element in rpr:  # (one pass: a document has many runs)
        tag = element.tag
        if not isinstance(tag, str):
            continue  # a comment
        name = tag.rpartition("}")[2]
        if not tag.startswith(_W_OPEN):
            if tag in _W14_EFFECTS:
                out["effects"] = True
            continue
        value = element.get(_VAL)
        if name == "vertAlign":
            out[name] = value in ("superscript", "subscript")
        elif name == "position":
            out[name] = value not in (None, "0") and value.lstrip("-").isdigit()
        elif name in _PROPERTIES:
            out[name] = value not in _OFF
        elif name == "color":
            out["white"] = _white(element)
        elif name == "shd":
            out["shaded"] = not _unshaded(element)
        elif name == "highlight":
            out["highlighted"] = value != "none"
    return out


def _paragraph_shading(ppr: etree._Element | None) -> dict[str, bool]:
    """The shading a w:pPr sets (under every run of the paragraph), if any."""
    shading = ppr.find(_tag("shd")) if ppr is not None else None
    return {} if shading is None else {"paragraph_shaded": not _unshaded(shading)}


def _white(color: etree._Element) -> bool:
    """Whether a w:color is plain white (a theme's white when it names the background's)."""
    if (color.get(_tag("val")) or "").upper() != "FFFFFF":
        return False
    theme = color.get(_tag("themeColor"))
    tinted = color.get(_tag("themeTint")) or color.get(_tag("themeShade"))
    return theme is None or (theme in ("background1", "light1") and not tinted)


def _unshaded(shading: etree._Element) -> bool:
    """Whether a w:shd leaves the ground white: no shading, or a clear pattern on a white or
    automatic fill. A pattern (solid, a percentage) or a theme's fill counts as shading."""
    pattern = shading.get(_tag("val"))
    if pattern == "nil":
        return True
    fill = (shading.get(_tag("fill")) or "auto").upper()
    theme = shading.get(_tag("themeFill"))
    tinted = shading.get(_tag("themeFillTint")) or shading.get(_tag("themeFillShade"))
    return (
        pattern == "clear"
        and fill in ("AUTO", "FFFFFF")
        and (theme is None or (theme in ("background1", "light1") and not tinted))
    )


class _Styles:
    """The unprinting properties of a document's styles, through their basedOn chains (and
    whether a table style shades any of its cells)."""

    def __init__(self, root: etree._Element | None) -> None:
        self.own: dict[str, tuple[str | None, dict[str, bool]]] = {}
        self.defaults: dict[str, bool] = {}
        self.paragraph: str | None = None  # the default paragraph style
        self.table: str | None = None  # the default table style
        self.resolved: dict[str, dict[str, bool]] = {}
        if root is None:
            return
        defaults = root.find(_tag("docDefaults"))
        if defaults is not None:
            self.defaults = {
                **_formatting(defaults.find(f"{_tag('rPrDefault')}/{_tag('rPr')}")),
                **_paragraph_shading(defaults.find(f"{_tag('pPrDefault')}/{_tag('pPr')}")),
            }
        for style in root.iter(_tag("style")):
            key = style.get(_tag("styleId"))
            if not key:
                continue
            based = style.find(_tag("basedOn"))
            parent = based.get(_tag("val")) if based is not None else None
            kind = style.get(_tag("type"))
            own = {
                **_formatting(style.find(_tag("rPr"))),
                **_paragraph_shading(style.find(_tag("pPr"))),
            }
            if kind == "table" and any(not _unshaded(s) for s in style.iter(_tag("shd"))):
                # Shading anywhere in a table style (its header row's only, say), or in a style
                # it is based on, is taken to shade every cell of its tables.
                own["table_shaded"] = True
            self.own[key] = (parent, own)
            if style.get(_tag("default")) in ("1", "true"):
                if kind == "paragraph":
                    self.paragraph = key
                elif kind == "table":
                    self.table = key

    def of(self, key: str | None) -> dict[str, bool]:
        """A style's properties, its own over those of the styles it is based on."""
        if key is None or key not in self.own:
            return {}
        if key not in self.resolved:
            chain: list[dict[str, bool]] = []
            seen: set[str] = set()
            at: str | None = key
            # (A loop or an absurd chain in a hostile file ends the walk.)
            while at is not None and at in self.own and at not in seen and len(chain) < 64:
                seen.add(at)
                parent, own = self.own[at]
                chain.append(own)
                at = parent
            resolved: dict[str, bool] = {}
            for own in reversed(chain):
                resolved.update(own)
            self.resolved[key] = resolved
        return self.resolved[key]


def _unprinted_runs(root: etree._Element, styles: _Styles, ground: bool) -> list[etree._Element]:
    """The runs whose effective formatting unprints them, and footnote marks' text.

    ``ground``: the page is white (no background colour), so white text in a table cell that
    nothing shades is unseen.
    """
    out: list[etree._Element] = []
    for paragraph in root.iter(_tag("p")):
        ppr = paragraph.find(_tag("pPr"))
        pstyle = ppr.find(_tag("pStyle")) if ppr is not None else None
        key = pstyle.get(_tag("val")) if pstyle is not None else styles.paragraph
        inherited = {**styles.defaults, **styles.of(key), **_paragraph_shading(ppr)}
        unseen: bool | None = None  # white text unseen in this paragraph (found when needed)
        runs = []
        for run in paragraph.iter(_tag("r")):
            rpr = run.find(_tag("rPr"))
            rstyle = rpr.find(_tag("rStyle")) if rpr is not None else None
            character = styles.of(rstyle.get(_tag("val"))) if rstyle is not None else {}
            runs.append((run, {**inherited, **character, **_formatting(rpr)}))
        # A shift is a mark's only where other text of the paragraph is not shifted: a template
        # that lowers every run (or a number retyped in two runs, both lowered) prints them all.
        level = any(not f.get("position") and _run_text(r).strip() for r, f in runs)
        fields: list[bool] = []  # the open fields, each True while in its instruction
        for run, effective in runs:
            char = run.find(_tag("fldChar"))
            if char is not None:
                kind = char.get(_tag("fldCharType"))
                if kind == "begin":
                    fields.append(True)
                elif kind == "separate" and fields:
                    fields[-1] = False
                elif kind == "end" and fields:
                    fields.pop()
            if char is None and any(fields):
                # Inside a field's instruction: the results of fields nested in it ("{ ={ REF
                # a }+{ REF b } }" shows only the outer result) are not printed.
                out.append(run)
            elif any(effective.get(name) for name in ("vanish", "strike", "dstrike", "vertAlign")):
                out.append(run)
            elif level and effective.get("position") and len(_run_text(run).strip()) <= 2:
                out.append(run)  # raised or lowered by a few points: a mark, not a number
            elif (
                ground
                and char is None
                and effective.get("white")
                and not any(effective.get(name) for name in _SEEN_WHITE)
            ):
                if unseen is None:
                    unseen = _in_white_cell(paragraph, styles)
                if unseen:
                    out.append(run)  # white on white: an old digit left unseen in the cell
            elif any(child.tag.split("}")[-1] in _MARKS for child in run):
                out.append(run)  # a footnote's mark, custom ("1" after the reference) or not
    return out


def _in_white_cell(paragraph: etree._Element, styles: _Styles) -> bool:
    """Whether a paragraph is in a table cell that nothing shades: not the cell, its row, its
    table or the table's style (nor an outer cell's), and not in a text box.

    White text is dropped in table cells only, whose ground the document says: a body
    paragraph may lie over a coloured shape or picture set behind the text.
    """
    cell = False
    for ancestor in paragraph.iterancestors():
        tag = ancestor.tag
        if tag == _tag("txbxContent"):
            return False  # a text box, perhaps filled
        if tag == _tag("tc"):
            cell = True
            shading = ancestor.find(f"{_tag('tcPr')}/{_tag('shd')}")
        elif tag == _tag("tr"):
            shading = ancestor.find(f"{_tag('tblPrEx')}/{_tag('shd')}")
        elif tag == _tag("tbl"):
            properties = ancestor.find(_tag("tblPr"))
            shading = properties.find(_tag("shd")) if properties is not None else None
            style = properties.find(_tag("tblStyle")) if properties is not None else None
            key = style.get(_tag("val")) if style is not None else styles.table
            if styles.of(key).get("table_shaded"):
                return False
        else:
            continue
        if shading is not None and not _unshaded(shading):
            return False
    return cell


def _run_text(run: etree._Element) -> str:
    return "".join(t.text or "" for t in run.iter(_tag("t")))


# What reading a member of a damaged archive raises (zlib.error for a corrupt deflate stream).
_READ_ERRORS = (
    KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, zlib.error,
)  # fmt: skip


def _as_printed(archive: zipfile.ZipFile, data: bytes) -> bytes:
    """The document as Word shows it with its changes accepted, in the XML mammoth reads: the
    alternative content Word chooses, its unprinted runs removed, the breaks mammoth drops
    (w:cr, w:ptab) written as those it reads, and deleted paragraph marks that cannot join two
    paragraphs kept; unchanged when there is nothing to do."""
    try:
        xml = archive.read("word/document.xml")
        styles = archive.read("word/styles.xml") if "word/styles.xml" in archive.namelist() else b""
    except _READ_ERRORS:
        return data  # mammoth reports the damage
    words = (b"vanish", b"strike", b"vertAlign", b"position", b"Reference")
    # (Two fields or more may be nested: see _unprinted_runs.)
    nested = xml.count(b'fldCharType="begin"') + xml.count(b"fldCharType='begin'") > 1
    styled = any(word in styles for word in words)
    breaks = b"<w:cr" in xml or b"<w:ptab" in xml
    marks = b":del " in xml  # a tracked deletion, perhaps of a paragraph mark
    shapes = b"AlternateContent" in xml or b"txbx" in xml
    white = b"FFFFFF" in xml or b"ffffff" in xml or b"FFFFFF" in styles or b"ffffff" in styles
    plain = not (styled or breaks or nested or marks or shapes or white)
    if plain and not any(word in xml for word in words):
        return data
    root = _parse(xml)
    if root is None:
        return data
    # First the content Word shows, then its runs (a text box's among them).
    chosen = _choose_alternatives(root) if shapes else False
    runs = _unprinted_runs(
        root, _Styles(_parse(styles) if styled or white else None), _white_page(root)
    )
    for run in runs:
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)
    for element in list(root.iter(_tag("cr"), _tag("ptab"))):
        element.tag = _tag("br") if element.tag == _tag("cr") else _tag("tab")
        element.attrib.clear()
    kept = _keep_unjoinable_marks(root) if marks else False
    if not runs and not breaks and not kept and not chosen:
        return data
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in archive.infolist():
                if info.filename == "word/document.xml":
                    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
                    copy.writestr(info, xml)
                else:
                    copy.writestr(info, archive.read(info.filename))
    except _READ_ERRORS:
        return data  # a damaged member: mammoth reports it
    return out.getvalue()


# A deleted paragraph mark joins its paragraph to the next one (mammoth carries the contents
# into the next paragraph it reads, wherever that is). Word joins only two paragraphs of one
# story: the last paragraph of a table cell, a text box or the body, or one before a table,
# keeps its mark (a cell's "37" is not glued to the next cell's "351").
_BLOCKS = frozenset(_tag(name) for name in ("p", "tbl", "sdt", "customXml"))


def _keep_unjoinable_marks(root: etree._Element) -> bool:
    """Undo the deletion of paragraph marks no paragraph follows; whether any was undone."""
    kept = False
    for paragraph in root.iter(_tag("p")):
        rpr = paragraph.find(f"{_tag('pPr')}/{_tag('rPr')}")
        deletion = rpr.find(_tag("del")) if rpr is not None else None
        if rpr is None or deletion is None:
            continue
        after = _next_block(paragraph)
        if after is None or after.tag == _tag("tbl"):
            rpr.remove(deletion)
            kept = True
    return kept


def _next_block(element: etree._Element) -> etree._Element | None:
    """The paragraph, table or content control that follows a block in its story, if any: a
    content control's or custom XML's content is looked through."""
    at: etree._Element | None = element
    while at is not None:
        after = at.getnext()
        while after is not None and after.tag not in _BLOCKS:
            after = after.getnext()
        if after is not None:
            return after
        parent = at.getparent()
        if parent is None:
            return None
        if parent.tag == _tag("sdtContent"):
            at = parent.getparent()  # the w:sdt
        elif parent.tag == _tag("customXml"):
            at = parent
        else:
            return None  # the end of a cell, a text box, the body, a note
    return None


_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Namespaces Word understands in an mc:Choice's Requires: those of the standard, of Microsoft
# Office's extensions (wps text boxes and shapes, w14…) and VML. Another's (WPS Office's own, a
# third party's) makes Word take the next choice, or the fallback.
_UNDERSTOOD = (
    "http://schemas.openxmlformats.org/",
    "http://purl.oclc.org/ooxml/",
    "http://schemas.microsoft.com/office/",
    "urn:schemas-microsoft-com:",
)


def _choose_alternatives(root: etree._Element) -> bool:
    """Put the content Word shows in place of each mc:AlternateContent, and a DrawingML shape's
    text boxes where mammoth reads them; whether anything changed.

    Word shows the first mc:Choice whose required namespaces it understands, else the
    mc:Fallback; mammoth reads the fallback only, which another editor may have left stale (a
    text box's 95000.2 where Word shows 96171.6). A wps text box in a w:drawing is put in a
    w:pict, as VML text boxes are, for mammoth reads a drawing's images only.
    """
    changed = False
    # Innermost first: an alternative nested in a choice is settled before its choice is.
    for alternative in reversed(list(root.iter(f"{{{_MC}}}AlternateContent"))):
        parent = alternative.getparent()
        if parent is None:
            continue
        chosen = next(
            (
                choice
                for choice in alternative.iterchildren(f"{{{_MC}}}Choice")
                if _understood(choice)
            ),
            alternative.find(f"{{{_MC}}}Fallback"),
        )
        at = parent.index(alternative)
        parent.remove(alternative)
        if chosen is not None:
            parent[at:at] = list(chosen)
        changed = True
    for drawing in list(root.iter(_tag("drawing"))):
        boxes = [
            box
            for box in drawing.iter(_tag("txbxContent"))
            if next(box.iterancestors(_tag("txbxContent")), None) is None
        ]
        parent = drawing.getparent()
        if not boxes or parent is None:
            continue
        picture = etree.Element(_tag("pict"))
        picture.extend(boxes)
        parent.replace(drawing, picture)
        changed = True
    return changed


def _white_page(root: etree._Element) -> bool:
    """Whether the page is white: no background (w:background) but plain white is set."""
    background = root.find(_tag("background"))
    if background is None:
        return True
    color = (background.get(_tag("color")) or "").upper()
    return color == "FFFFFF" and len(background.attrib) == 1 and len(background) == 0


def _understood(choice: etree._Element) -> bool:
    """Whether Word understands every namespace an mc:Choice requires."""
    prefixes = (choice.get("Requires") or "").split()
    namespaces = [choice.nsmap.get(prefix) for prefix in prefixes]
    return bool(namespaces) and all(
        namespace is not None and namespace.startswith(_UNDERSTOOD) for namespace in namespaces
    )


def _parse(xml: bytes) -> etree._Element | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(xml, parser)
    except etree.LxmlError:
        return None


def _guard(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise CorruptInputError(_BOMB)
    total = 0
    for info in infos:
        total += info.file_size
        if total > MAX_UNCOMPRESSED:
            raise CorruptInputError(_BOMB)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise CorruptInputError(_BOMB)
