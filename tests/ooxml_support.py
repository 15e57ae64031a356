"""What Microsoft Word asks of a DOCX package beyond well-formed XML, checked on the packages dlo
writes (helper for tests/test_docx_word.py). LibreOffice opens a package that breaks these rules;
Word says "Word found unreadable content" or refuses it.

- child elements of the properties elements (``w:pPr``, ``w:rPr``, ``w:tblPr``, ``w:tcPr``,
  ``w:sectPr``, the borders and margins, ``w:style``, ``w:settings`` …) in the order of the
  schema's ``xsd:sequence``, each at most once where the schema says so (``SEQUENCES``);
- a paragraph's, run's, cell's, row's and table's own properties first, ``w:sectPr`` last in the
  body;
- numeric attributes as integers, on/off attributes as ``ST_OnOff`` values; a table's look
  (``w:tblLook``) one thing in its ``w:val`` bits (which Word 2007 reads) and its attributes
  (which later Word reads);
- every ``r:`` reference resolves to a relationship of its part, every internal relationship to
  a part, every part has a content type (``[Content_Types].xml``), and no content type names a
  part the package lacks;
- bookmark ids and names unique, each ``w:bookmarkEnd`` closing a ``w:bookmarkStart``; the ids of
  revision marks (``w:ins``, ``w:del``, ``w:*PrChange`` …) unique, each with a ``w:author`` and a
  ``w:date`` that is an ``xsd:dateTime``; drawing ids (``wp:docPr``) unique;
- style ids unique, and every style a paragraph, run, table or style names (``w:pStyle``,
  ``w:basedOn`` …) defined;
- the core properties (``docProps/core.xml``) as Open Packaging Conventions (ECMA-376 Part 2,
  §11) allow them: each property once, no ``xml:lang``, ``xsi:type="dcterms:W3CDTF"`` only on
  ``dcterms:created`` / ``modified`` and their dates W3CDTF; the extended properties
  (``docProps/app.xml``) each once, numbers and booleans as their types say.

``SEQUENCES`` is taken from the WordprocessingML schema: ECMA-376 Part 1 (ISO/IEC 29500-1),
``wml.xsd``, complex types CT_PPr/CT_PPrBase, CT_ParaRPr/CT_RPr (EG_RPrBase in the order Word
writes and ECMA-376 1st edition fixes as a sequence; the Open XML SDK, Word's own validator,
checks it so), CT_TblPr/CT_TblPrBase, CT_TblPrEx, CT_TcPr, CT_SectPr, CT_TblBorders,
CT_TcBorders, CT_PBdr, CT_NumPr, CT_TblCellMar, CT_TcMar, CT_Style, CT_TblStylePr, CT_Styles,
CT_DocDefaults, CT_Settings, CT_Compat, CT_Numbering, CT_AbstractNum, CT_Lvl, CT_Num; checked
against the Open XML SDK 3.x's schema data (MIT licence), where a context has its own type (a
style's ``w:pPr`` has no ``w:pStyle``, a paragraph mark's ``w:rPr`` starts with ``w:ins``) the
lists below merge them, in the order both keep. Elements of other namespaces (``mc:``, ``w15:``)
are left out, but for Word 2010's run properties (``w14:ligatures`` …), which Word's own
documents hold and the SDK places among ``w:rPr``'s children.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"
EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# element -> its children in schema order; "name*": may repeat; "a|b": one place, any order
SEQUENCES = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike "
    "outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern "
    "position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang "
    "eastAsianLayout specVanish w14:glow w14:shadow w14:reflection w14:textOutline "
    "w14:textFill w14:scene3d w14:props3d w14:ligatures w14:numForm w14:numSpacing "
    "w14:stylisticSets w14:cntxtAlts oMath rPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
    "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
    "tblDescription tblPrChange",
    "tblPrEx": "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook "
    "tblPrExChange",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
    "tcFitText vAlign hideMark cellIns|cellDel|cellMerge tcPrChange",
    "sectPr": "headerReference*|footerReference* footnotePr endnotePr type pgSz pgMar "
    "paperSrc pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg "
    "textDirection bidi rtlGutter docGrid printerSettings sectPrChange",
    "tblBorders": "top left start bottom right end insideH insideV",
    "tcBorders": "top left start bottom right end insideH insideV tl2br tr2bl",
    "pBdr": "top left bottom right between bar",
    "pgBorders": "top left bottom right",
    "numPr": "ilvl numId ins",
    "tblCellMar": "top left start bottom right end",
    "tcMar": "top left start bottom right end",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
    "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr "
    "tblPr trPr tcPr tblStylePr*",
    "tblStylePr": "pPr rPr tblPr trPr tcPr",
    "styles": "docDefaults latentStyles style*",
    "docDefaults": "rPrDefault pPrDefault",
    "settings": "writeProtection view zoom removePersonalInformation removeDateAndTime "
    "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
    "printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts "
    "saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
    "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
    "hideGrammaticalErrors activeWritingStyle* proofState formsDesign attachedTemplate "
    "linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView "
    "trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride "
    "styleLockTheme styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit "
    "hyphenationZone doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle "
    "defaultTableStyle evenAndOddHeaders bookFoldRevPrinting bookFoldPrinting "
    "bookFoldPrintingSheets drawingGridHorizontalSpacing drawingGridVerticalSpacing "
    "displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
    "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin "
    "drawingGridVerticalOrigin doNotShadeFormData noPunctuationKerning "
    "characterSpacingControl printTwoOnOne strictFirstAndLastChars noLineBreaksAfter "
    "noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema saveInvalidXml "
    "ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly "
    "useXSLTWhenSaving saveThroughXslt showXMLTags alwaysMergeEmptyNamespace updateFields "
    "hdrShapeDefaults footnotePr endnotePr compat docVars rsids uiCompat97To2003 "
    "attachedSchema* themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
    "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown shapeDefaults "
    "decimalSymbol listSeparator",
    "numbering": "numPicBullet* abstractNum* num* numIdMacAtCleanup",
    "abstractNum": "nsid multiLevelType tmpl name styleLink numStyleLink lvl*",
    "lvl": "start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy lvlJc pPr rPr",
    "num": "abstractNumId lvlOverride*",
}
# a container's own properties come first, in this order; then its content (anything else)
HEADS = {
    "p": ("pPr",),
    "r": ("rPr",),
    "tc": ("tcPr",),
    "tr": ("tblPrEx", "trPr"),
    "tbl": ("tblPr", "tblGrid"),
    "document": ("background",),
}
# numbers: ST_TwipsMeasure, ST_SignedTwipsMeasure, ST_HpsMeasure, ST_DecimalNumber …, which
# Word reads as integers (a "12.0" it does not)
INTEGERS = {
    "gridCol": ("w",),
    "tcW": ("w",),
    "tblW": ("w",),
    "tblInd": ("w",),
    "tblCellSpacing": ("w",),
    "trHeight": ("val",),
    "sz": ("val",),
    "szCs": ("val",),
    "kern": ("val",),
    "position": ("val",),
    "spacing": ("before", "after", "line", "beforeLines", "afterLines", "val"),
    "ind": ("left", "right", "start", "end", "firstLine", "hanging", "leftChars", "rightChars"),
    "pgSz": ("w", "h", "code"),
    "pgMar": ("top", "right", "bottom", "left", "header", "footer", "gutter"),
    "outlineLvl": ("val",),
    "uiPriority": ("val",),
    "bookmarkStart": ("id",),
    "bookmarkEnd": ("id",),
    "cols": ("space", "num"),
    "docGrid": ("linePitch", "charSpace"),
    "defaultTabStop": ("val",),
}
BORDERS = {"top", "left", "bottom", "right", "start", "end", "insideH", "insideV", "between"}
ON_OFF = {"true", "false", "on", "off", "0", "1"}
ON_OFF_ELEMENTS = set(
    "b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
    "vanish webHidden specVanish rtl cs keepNext keepLines pageBreakBefore widowControl "
    "suppressLineNumbers suppressAutoHyphens contextualSpacing mirrorIndents bidi titlePg "
    "cantSplit tblHeader hidden semiHidden unhideWhenUsed qFormat locked trackRevisions "
    "autoRedefine".split()
)
TBL_LOOK = ("firstRow", "lastRow", "firstColumn", "lastColumn", "noHBand", "noVBand")
# the bit of each w:tblLook attribute in its w:val (ECMA-376 Part 1, 17.4.56)
LOOK_BITS = dict(zip(TBL_LOOK, (0x0020, 0x0040, 0x0080, 0x0100, 0x0200, 0x0400), strict=True))
REVISIONS = set(
    "ins del moveFrom moveTo pPrChange rPrChange sectPrChange tblPrChange tblGridChange "
    "trPrChange tcPrChange tblPrExChange cellIns cellDel cellMerge numberingChange".split()
)
DATE_TIME = re.compile(
    r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?"
    r"(Z|[+-](0\d|1[0-4]):[0-5]\d)?"
)
W3CDTF = re.compile(r"\d{4}(-\d\d(-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?)?)?")
STYLE_REFERENCES = {"pStyle", "rStyle", "tblStyle", "basedOn", "next", "link"}


def _ranks(spec: str) -> dict[str, tuple[int, bool]]:
    """Child name -> (its place, whether it may repeat)."""
    ranks = {}
    for place, group in enumerate(spec.split()):
        for name in group.split("|"):
            ranks[name.rstrip("*")] = (place, name.endswith("*"))
    return ranks


RANKS = {element: _ranks(spec) for element, spec in SEQUENCES.items()}


def _local(element: etree._Element) -> str | None:
    """The local name of a ``w:`` element, ``w14:`` and its name for one of Word 2010's, None
    for any other (or a comment)."""
    tag = element.tag
    if not isinstance(tag, str):
        return None
    if tag.startswith(f"{{{W14}}}"):
        return "w14:" + tag[len(W14) + 2 :]
    return tag[len(W) + 2 :] if tag.startswith(f"{{{W}}}") else None


def _order(where: str, element: etree._Element, name: str) -> Iterator[str]:
    """The children of ``element`` out of the schema's order, or repeated where it says once."""
    ranks, last, seen = RANKS[name], -1, Counter[str]()
    for child in element:
        child_name = _local(child)
        if child_name is None or (":" in child_name and child_name not in ranks):
            continue  # another namespace's (markup compatibility)
        if child_name not in ranks:
            yield f"{where}: w:{name} holds w:{child_name}, which the schema does not allow there"
            continue
        place, repeats = ranks[child_name]
        seen[child_name] += 1
        if place < last:
            yield f"{where}: w:{name}: w:{child_name} comes after an element the schema puts after it"
        if seen[child_name] == 2 and not repeats:
            yield f"{where}: w:{name} holds w:{child_name} twice"
        last = max(last, place)


def _heads(where: str, element: etree._Element, name: str) -> Iterator[str]:
    """A container's own properties first, in their order; ``w:sectPr`` last in the body."""
    names = [n for n in map(_local, element) if n is not None]
    if name == "body":
        if "sectPr" in names[:-1]:
            yield f"{where}: w:body holds w:sectPr before its last element"
        return
    head = HEADS[name]
    found = [n for n in names if n in head]
    expected = [n for n in head if n in names]
    if found != expected or names[: len(found)] != found:
        yield f"{where}: w:{name} does not start with its {'/'.join(head)} (holds {names[:4]})"


def _attributes(where: str, element: etree._Element, name: str) -> Iterator[str]:
    names = INTEGERS.get(name, ())
    if name in BORDERS:
        names = ("sz", "space")
    for attr in names:
        value = element.get(_w(attr))
        if value is not None and not re.fullmatch(r"-?\d+", value):
            yield f"{where}: w:{name} w:{attr}={value!r} is not an integer"
    on_off = ("val",) if name in ON_OFF_ELEMENTS else TBL_LOOK if name == "tblLook" else ()
    for attr in on_off:
        value = element.get(_w(attr))
        if value is not None and value not in ON_OFF:
            yield f"{where}: w:{name} w:{attr}={value!r} is not an on/off value"
    if name == "tblLook":
        yield from _look(where, element)


def _look(where: str, element: etree._Element) -> Iterator[str]:
    """Each attribute of a w:tblLook says what its bit in w:val says."""
    value = element.get(_w("val"))
    if value is None:
        return
    if not re.fullmatch(r"[0-9A-Fa-f]{4}", value):
        yield f"{where}: w:tblLook w:val={value!r} is not a four-digit hexadecimal number"
        return
    bits = int(value, 16)
    for attr, bit in LOOK_BITS.items():
        flag = element.get(_w(attr))
        if flag is not None and (flag in ("1", "true", "on")) != bool(bits & bit):
            yield f"{where}: w:tblLook w:val={value!r} contradicts its w:{attr}={flag!r}"


def _part_problems(where: str, root: etree._Element) -> Iterator[str]:
    for element in root.iter():
        name = _local(element)
        if name is None:
            continue
        if name in RANKS:
            yield from _order(where, element, name)
        if name in HEADS or name == "body":
            yield from _heads(where, element, name)
        yield from _attributes(where, element, name)
        if name in REVISIONS:
            yield from _revision(where, element, name)


def _revision(where: str, element: etree._Element, name: str) -> Iterator[str]:
    if not element.get(_w("author")):
        yield f"{where}: w:{name} has no w:author"
    date = element.get(_w("date"))
    if date is not None and not DATE_TIME.fullmatch(date):
        yield f"{where}: w:{name} w:date={date!r} is not an xsd:dateTime"
    if not re.fullmatch(r"-?\d+", element.get(_w("id")) or ""):
        yield f"{where}: w:{name} has no integer w:id"


def _rels_name(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


def _target(part: str, target: str) -> str:
    """The part name a relationship of ``part`` targets (``target`` relative to its folder)."""
    if target.startswith("/"):
        return target.lstrip("/")
    folder = part.rpartition("/")[0].split("/") if "/" in part else []
    for piece in target.split("/"):
        if piece == "..":
            folder.pop()
        elif piece not in ("", "."):
            folder.append(piece)
    return "/".join(folder)


def _related(rels_name: str, rel: etree._Element, target: str, kinds: dict[str, str]):
    """The part a relationship targets is in the package, of the content type its type asks."""
    if target not in kinds:
        yield f"{rels_name}: {rel.get('Id')} targets {target}, which is not in the package"
        return
    for end, kind in RELATED_TYPES.items():
        if rel.get("Type", "").endswith(end) and not kinds[target].endswith(kind):
            yield f"{rels_name}: {rel.get('Id')} targets {target}, of content type {kinds[target]}"


def _relationships(parts: dict[str, bytes], part: str, kinds: dict[str, str]) -> Iterator[str]:
    """Each relationship of ``part`` (``""``: the package) names a part the package holds, and
    each ``r:`` attribute of ``part`` one of its relationships."""
    rels_name = _rels_name(part) if part else "_rels/.rels"
    ids: set[str] = set()
    if rels_name in parts:
        for rel in etree.fromstring(parts[rels_name]).iter(f"{{{RELS}}}Relationship"):
            if rel.get("Id") in ids:
                yield f"{rels_name}: relationship id {rel.get('Id')} twice"
            ids.add(rel.get("Id", ""))
            if rel.get("TargetMode") != "External":
                yield from _related(rels_name, rel, _target(part, rel.get("Target", "")), kinds)
    if part and part.endswith(".xml") and part in parts:
        for element in etree.fromstring(parts[part]).iter():
            for attr, value in element.attrib.items():
                if attr.startswith(f"{{{R}}}") and value not in ids:
                    yield f"{part}: r:{attr.split('}')[1]}={value!r} names no relationship"


# a relationship's type (its end) -> the content type (its end) of the part it targets
RELATED_TYPES = {
    "/officeDocument": "wordprocessingml.document.main+xml",
    "/header": "wordprocessingml.header+xml",
    "/footer": "wordprocessingml.footer+xml",
    "/styles": "wordprocessingml.styles+xml",
    "/settings": "wordprocessingml.settings+xml",
    "/webSettings": "wordprocessingml.webSettings+xml",
    "/fontTable": "wordprocessingml.fontTable+xml",
    "/numbering": "wordprocessingml.numbering+xml",
    "/footnotes": "wordprocessingml.footnotes+xml",
    "/endnotes": "wordprocessingml.endnotes+xml",
    "/comments": "wordprocessingml.comments+xml",
    "/theme": "officedocument.theme+xml",
    "/core-properties": "package.core-properties+xml",
    "/extended-properties": "officedocument.extended-properties+xml",
    "/customXmlProps": "officedocument.customXmlProperties+xml",
}


def content_types(parts: dict[str, bytes]) -> dict[str, str]:
    """Part name -> its content type, as ``[Content_Types].xml`` gives it (by its override, else
    by its extension's default); a part it gives none is left out."""
    root = etree.fromstring(parts["[Content_Types].xml"])
    defaults = {
        d.get("Extension", "").lower(): d.get("ContentType", "")
        for d in root.iter(f"{{{TYPES}}}Default")
    }
    overrides = {
        o.get("PartName", "").lower(): o.get("ContentType", "")
        for o in root.iter(f"{{{TYPES}}}Override")
    }
    found = {}
    for name in parts:
        extension = name.rpartition(".")[2].lower() if "." in name else ""
        kind = overrides.get("/" + name.lower(), defaults.get(extension))
        if kind is not None:
            found[name] = kind
    return found


def _content_types(names: set[str], parts: dict[str, bytes]) -> Iterator[str]:
    root = etree.fromstring(parts["[Content_Types].xml"])
    overrides = [o.get("PartName", "") for o in root.iter(f"{{{TYPES}}}Override")]
    for name, count in Counter(o.lower() for o in overrides).items():
        if count > 1:
            yield f"[Content_Types].xml: {name} has {count} overrides"
    lowered = {"/" + n.lower() for n in names}
    for override in overrides:
        if override.lower() not in lowered:
            yield f"[Content_Types].xml: an override names {override}, which is not in the package"
    kinds = content_types(parts)
    for name in sorted(names - {"[Content_Types].xml"} - set(kinds)):
        yield f"[Content_Types].xml: {name} has no content type"


def _ids(stories: dict[str, etree._Element]) -> Iterator[str]:
    """Bookmarks, revision marks and drawings: each id (and bookmark name) once in the document;
    every bookmark end closes a start of its part."""
    seen: dict[str, Counter[str]] = {k: Counter() for k in ("bookmark", "name", "mark", "drawing")}
    for part, root in stories.items():
        starts = set()
        for element in root.iter(_w("bookmarkStart")):
            starts.add(element.get(_w("id")))
            seen["bookmark"][element.get(_w("id"), "")] += 1
            seen["name"][element.get(_w("name"), "")] += 1
        for element in root.iter(_w("bookmarkEnd")):
            if element.get(_w("id")) not in starts:
                yield f"{part}: w:bookmarkEnd {element.get(_w('id'))} closes no w:bookmarkStart"
        for element in root.iter(*(_w(name) for name in REVISIONS)):
            seen["mark"][element.get(_w("id"), "")] += 1
        for element in root.iter(f"{{{WP}}}docPr"):
            seen["drawing"][element.get("id", "")] += 1
    for kind, counts in seen.items():
        for value, count in counts.items():
            if count > 1:
                yield f"{kind} id or name {value!r} is used {count} times"


def _styles(stories: dict[str, etree._Element], styles: etree._Element | None) -> Iterator[str]:
    """Style ids once each, and every style named by a paragraph, run, table or style defined."""
    defined = Counter(
        s.get(_w("styleId"), "") for s in ([] if styles is None else styles.iter(_w("style")))
    )
    for sid, count in defined.items():
        if count > 1:
            yield f"word/styles.xml: style id {sid!r} is defined {count} times"
    named = {**stories, "word/styles.xml": styles} if styles is not None else stories
    for part, root in named.items():
        for element in root.iter(*(_w(n) for n in STYLE_REFERENCES)):
            if element.get(_w("val")) not in defined:
                yield f"{part}: w:{_local(element)} names style {element.get(_w('val'))!r}, which is not defined"


CORE_ONCE = {
    f"{{{ns}}}{n}"
    for ns, names in (
        (CP, "category contentStatus keywords lastModifiedBy lastPrinted revision version"),
        (DC, "creator description identifier language subject title"),
        (DCTERMS, "created modified"),
    )
    for n in names.split()
}


def _core(data: bytes) -> Iterator[str]:
    root = etree.fromstring(data)
    if root.tag != f"{{{CP}}}coreProperties":
        yield f"docProps/core.xml: its root is {root.tag}"
    for tag, count in Counter(child.tag for child in root).items():
        if tag not in CORE_ONCE:
            yield f"docProps/core.xml: {tag} is not a core property"
        elif count > 1:
            yield f"docProps/core.xml: {tag} is given {count} times"
    for element in root.iter():
        if f"{{{XML}}}lang" in element.attrib:
            yield f"docProps/core.xml: {element.tag} has an xml:lang"
        kind = element.get(f"{{{XSI}}}type")
        dated = element.tag in (f"{{{DCTERMS}}}created", f"{{{DCTERMS}}}modified")
        if kind is not None and (not dated or kind != "dcterms:W3CDTF"):
            yield f"docProps/core.xml: {element.tag} has xsi:type={kind!r}"
        if dated and (kind is None or not W3CDTF.fullmatch(element.text or "")):
            yield f"docProps/core.xml: {element.tag} {element.text!r} is not a W3CDTF date"


APP_NUMBERS = "TotalTime Pages Words Characters Lines Paragraphs CharactersWithSpaces DocSecurity"
APP_BOOLEANS = "ScaleCrop LinksUpToDate SharedDoc HyperlinksChanged"


def _app(data: bytes) -> Iterator[str]:
    root = etree.fromstring(data)
    if root.tag != f"{{{EP}}}Properties":
        yield f"docProps/app.xml: its root is {root.tag}"
    for tag, count in Counter(child.tag for child in root).items():
        if count > 1:
            yield f"docProps/app.xml: {tag} is given {count} times"
    for child in root:
        name = child.tag.rpartition("}")[2]
        if name in APP_NUMBERS.split() and not re.fullmatch(r"-?\d+", child.text or ""):
            yield f"docProps/app.xml: {name} {child.text!r} is not an integer"
        if name in APP_BOOLEANS.split() and child.text not in ("true", "false", "1", "0"):
            yield f"docProps/app.xml: {name} {child.text!r} is not a boolean"


def problems(data: bytes) -> list[str]:
    """Everything in the DOCX ``data`` that Word would not read as it is (see the module)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    names = set(parts)
    found = list(_content_types(names, parts))
    kinds = content_types(parts)
    if b"/relationships/officeDocument" not in parts.get("_rels/.rels", b""):
        found.append("_rels/.rels: no relationship to the main document")
    for part in ["", *sorted(names)]:
        if not part.endswith(".rels"):
            found += _relationships(parts, part, kinds)
    trees = {
        name: etree.fromstring(content)
        for name, content in parts.items()
        if name.startswith("word/") and name.endswith(".xml")
    }
    for name, root in sorted(trees.items()):
        found += _part_problems(name, root)
    stories = {n: t for n, t in trees.items() if _local(t) in ("document", "hdr", "ftr")}
    found += _ids(stories)
    found += _styles(stories, trees.get("word/styles.xml"))
    found += _core(parts["docProps/core.xml"]) if "docProps/core.xml" in parts else []
    found += _app(parts["docProps/app.xml"]) if "docProps/app.xml" in parts else []
    return found
