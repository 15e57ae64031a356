"""The lines of a title page that make its title: which name the kind, which are no title's (a
place, a year, a date, an edition's or a copy's note), and which go on with a title set on
several lines ("ПОЛОЖЕНИЕ" / "ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ" / "И ЦИФРОВЫХ ТЕХНОЛОГИЙ")."""

from __future__ import annotations

import re

from . import classify, doc_code, title_block
from .source import Line

# "ереже" at a word's start ("энергосбережения" holds it); its plural only ending the line, the
# title's kind ("… бөлімінің ережелері"), not what a phrase is about ("ережелерін әзірлеу …"), nor
# the chapter "Жалпы ережелер"; a code in brackets may follow it
EREJE = r"ереже(?:(?!лер)\w*|(?<!жалпы\sереже)лер(?:і)?(?=\s*(?:\([^()]*\))?[\s.,:;]*$))"
GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$", re.IGNORECASE)
KIND_NAME = re.compile(
    r"(?<![^\W\d_])(?:лауазымдық\s+нұсқаулы\w*|должностн\w*\s+инструкци\w*|"
    + EREJE
    + r"|положени\w*)",
    re.IGNORECASE,
)
# a Kazakh title's last line, ending with its kind ("… ТУРАЛЫ ЕРЕЖЕ", "… нұсқаулығы"; not
# "Ереженің мақсаты", the kind in the genitive opening a chapter)
_KAZAKH_END = re.compile(r"(?<![^\W\d_])(?:ереже(?:сі|лері)?|нұсқаулы(?:ғы|қ))\W*$", re.IGNORECASE)
# a heading that names the kind as a title does: in Russian the kind first, alone or over what
# it is about ("ПОЛОЖЕНИЕ", "Положение об отделе …", "Должностная инструкция начальника …"; not
# "Положение отдела в структуре …", the word in another sense); in Kazakh the kind last
_KIND_EDGE = re.compile(
    r"^\W*(?:положение|должностная\s+инструкция|инструкция)(?:\W*$|\s+(?:о|об|по|для)\s"
    r"|(?<=инструкция)\s)|" + _KAZAKH_END.pattern,
    re.IGNORECASE,
)
# a Kazakh kind comes last in its title ("… туралы ереже", "… бастығының лауазымдық нұсқаулығы")
KAZAKH_KIND = re.compile(r"(?<![^\W\d_])(?:ереже|лауазымдық|нұсқаулы)", re.IGNORECASE)

# what a title page writes by its kind and code that is no title's: a date; a place and/or a
# year ("Костанай, 2024", "г.Костанай", "Қостанай қаласы, 2024 жыл", "2024 г."); an edition's,
# a copy's or an enactment's note ("Введена впервые", "Редакция 2", "Издание второе",
# "Экземпляр № 1", "Алғаш рет енгізілді", "Бірінші басылым", "… қолданысқа енгізілді"). A year
# ending a title is the title's ("о приёмной комиссии на 2025 год").
_TOWNS = (
    "астана|алматы|шымкент|костанай|қостанай|караганда|қарағанды|павлодар|петропавловск|"
    "петропавл|кокшетау|көкшетау|актобе|ақтөбе|атырау|актау|ақтау|уральск|орал|семей|"
    "усть-каменогорск|өскемен|тараз|кызылорда|қызылорда|талдыкорган|талдықорған|туркестан|"
    "түркістан|рудный|лисаковск|аркалык|арқалық|жезказган|жезқазған|экибастуз|екібастұз|"
    "темиртау|теміртау"
)
_PLACE = r"(?:г\.\s*)?(?-i:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])[^\W\d_]*(?:-[^\W\d_]+)?(?:\s+(?:қаласы|қ\.|г\.))?"
_NOT_TITLE = re.compile(
    r"^[\W_]+$|\d{1,2}\.\d{1,2}\.\d{2,4}|^\(?дата\s"
    r"|^(?:" + _PLACE + r")?[\s,–—-]*(?:19|20)\d\d\s*(?:ж|г|жыл\w*|год\w*)?\.?$"
    r"|^[гқ]\.\s*[^\W\d_]|^[^\W\d_]+(?:\s+қаласы|\s+қ\.)$|^(?:" + _TOWNS + r")$"
    r"|^\(?(?:введен[аоы]?|разработан[аоы]?|утвержден[аоы]?|согласован[аоы]?"
    r"|редакци[яи]|издание|экземпляр|экз\.|версия|проект$)(?![^\W\d_])"
    r"|^\(?(?:в|с|жаңа)\s+(?:редакци|изменени)|впервые|алғаш"
    r"|^\(?(?:\d+\W{0,2}\w{0,3}\s*)?(?:редакци|издани|басылым)\w*(?:\s*№?\s*\d+)?\W*$"
    r"|^[^\W\d_]+\s+(?:редакция|издание)\W*$|(?<![^\W\d_])басылым\W*$|енгізіл(?:ді|ген)\W*$",
    re.IGNORECASE,
)
# what a year closing a title is written as ("на 2025 год", "НА 2025-2026 УЧЕБНЫЙ ГОД")
_YEAR_OF_TITLE = re.compile(
    r"^(?:на|в|за)\s+(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?\s+(?:уч(?:\.|ебн\w+)\s+)?год\w*\W*$",
    re.IGNORECASE,
)
# a line set by a title that is a note, not more of it: a label ("Разработчик: …", "Срок
# действия: 3 года"), a note in brackets ("(новая редакция)", "(в ред. приказа № 15)"), a copy's,
# a page's, a version's or a change's number ("Копия № 2", "Лист 1 из 12", "Хаттама № 5"), a
# copy's kind, an edition, a town, a quality system's name, or opening with the word of an
# enactment, an approval or a review ("Одобрено …", "Вводится в действие", "Келісілді", "Жоба")
_NOTE = re.compile(
    r"^\W*(?:разработ\w*|исполнитель|ответственн\w+|автор|составител\w*|составил\w*"
    r"|подготовил\w*|владелец(?:\s+\w+)?|статус|срок\s+действия|дата(?:\s+[^\W\d_]+){0,2}"
    r"|основание|әзірлеуші|әзірле\w*|құрастырған|дайындаған|жауапты)\s*:"
    r"|^\W*[(\[][^)\]]*(?<![^\W\d_])(?:(?:копия|проект|образец|дсп|изм|ред)(?![^\W\d_])"
    r"|редакци|изменени|дополнени|нұсқа)"
    r"|(?<![^\W\d_])(?:копи[яи]|экземпляр|экз|страниц[аы]|стр|лист\w*|изменени[ея]|изм|верси[яи]"
    r"|редакци[яи]|ред|издани[ея]|выпуск|инв|хаттама|протокол|дана|нұсқа|парақ|өзгеріс|көшірме)"
    r"\.?\s*№?\s*\d|(?<![^\W\d_])всего\s+\d+\s+лист|^\W*утв\.\s|\d+\s+из\s+\d+"
    r"|(?:19|20)\d\d\s+жылғы\s+\d|(?<![^\W\d_])(?:қаралды|келісілді|бекітілді|енгізілді"
    r"|мақұлданды|ұсынылды|әзірленді)(?![^\W\d_])"
    r"|[^\W\d_]+(?:нда|нде|да|де|та|те|пен|мен|бен)\s+(?:қаралған|келісілген|бекітілген"
    r"|мақұлданған|ұсынылған)\W*$"
    r"|(?<![^\W\d_])(?:учт[её]нн\w+|контрольн\w+)\s+(?:копи|экземпляр)|бақылау\s+дана"
    r"|^\W*(?:нов\w+|втор\w+|треть\w+|перв\w+)\s+редакци|^\W*(?:город|г\.?)\s+[^\W\d_]"
    r"|^\W*(?:интегрированн\w+\s+)?система\s+менеджмента"
    r"|^\W*(?:документ\s+)?(?:смк|смж|дсп)(?:\s+[^\W\d_]+)?\W*$"
    r"|^\W*(?:жоба|проект)\W*(?:\(|$)|^\W*сапа\s+менеджменті\s+жүйесі\W*$"
    r"|^\W*әзірлеген(?![^\W\d_])"
    r"|қолданысқа\s+енгіз\w*\s+күні"
    r"|^\W*(?:взамен|разработчик|разработан[оаы]?|одобрен[оаы]?|принят[оаы]?|рассмотрен[оаы]?"
    r"|утвержден[оаы]?|согласован[оаы]?|введен[оаы]?|вводится|действует|рекомендован[оаы]?"
    r"|лист\s+согласования)(?![^\W\d_])",
    re.IGNORECASE,
)
# an organisation's or a system's name above a title ("«Қостанай өңірлік университеті» КеАҚ",
# "НАО «…»", "… министрлігі", "А. Байтұрсынов атындағы Қостанай өңірлік университеті", "Сапа
# менеджменті жүйесі"): its form, or the noun that names it last
_ORGANISATION = re.compile(
    r"(?<![^\W\d_])(?:КеАҚ|НАО|АО|АҚ|ТОО|ЖШС|РГП|РМК|ШЖҚ)(?![^\W\d_])|министерств|министрліг"
    r"|(?<![^\W\d_])(?:университет[іы]?|институт[ы]?|академия(?:сы)?|колледж[і]?|жүйесі"
    r"|министрлігі|комитет[і]?)\W*$",
    re.IGNORECASE,
)
_MOST_LINES = 12  # lines one title is read from
_ABOUT_ONLY = re.compile(r"\W*туралы(?![^\W\d_])", re.IGNORECASE)
_ABOUT_END = re.compile(r"(?<![^\W\d_])туралы\W*$", re.IGNORECASE)


# a restriction's mark ("ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ", quoted or not): a note, the document's
# stamp, unless the title is about documents bearing it: under a line ending in documents,
# information or a mark ("… С ДОКУМЕНТАМИ С ПОМЕТКОЙ" / "«…»"), or over one opening with the
# Kazakh word for the mark ("…" / "БЕЛГІСІ БАР ҚҰЖАТТАРМЕН …")
_RESTRICTED = re.compile(
    r"^\W*(?:для\s+служебного\s+пользования|қызмет\w*\s+(?:бабында\s+)?пайдалану\s+үшін)\W*$",
    re.IGNORECASE,
)
_OF_DOCUMENTS = re.compile(
    r"(?<![^\W\d_])(?:документ|информаци|сведени|материал|пометк|гриф|категори|құжат|ақпарат"
    r"|мәлімет|белгі)\w*\W*$",
    re.IGNORECASE,
)
_MARK_FIRST = re.compile(
    r"^\W*(?:белгісі(?:мен|нде)?|гриф\w*|пометк\w*)(?![^\W\d_])", re.IGNORECASE
)


def note(text: str) -> bool:
    """``text``, by a title, is a note or no title's (``_NOTE``, ``not_title``); a year
    closing the title ("на 2025 год") and a line saying what about ("… туралы", "…
    бастығының") are the title's."""
    if _YEAR_OF_TITLE.match(text) or _ABOUT_END.search(text) or GENITIVE.search(text):
        return False
    return _NOTE.search(text) is not None or _RESTRICTED.match(text) is not None or not_title(text)


def not_title(text: str) -> bool:
    """``text``, by the kind's line (and its code's), is no part of the title: a date, a place
    and year, an edition's note (``_NOT_TITLE``). Whatever else goes on with the title: the
    position ("Методиста", "Заведующей библиотекой"), the unit ("Кафедры информатики"), what
    about ("об отделе …", "… туралы")."""
    if not text:
        return False
    return _NOT_TITLE.search(text) is not None or title_block.read_date(text) is not None


def names_kind(text: str) -> bool:
    """``text`` opens or ends with the kind's name, as a title does, and is no first chapter's
    title ("Общие положения")."""
    text = text.strip()
    return _KIND_EDGE.search(text) is not None and not classify.chapter_title(text)


def kind_heading(line: Line) -> bool:
    """``line``, styled as a heading before the text begins, is the title set in a heading
    style ("ПОЛОЖЕНИЕ" / "ОБ ОТДЕЛЕ КАДРОВ" in Heading 1): it names the kind (``names_kind``)."""
    return line.hint in ("chapter", "paragraph") and names_kind(line.text)


# what the title is about, going on with its kind's line ("ОБ ОТДЕЛЕ КАДРОВ", "по охране труда")
_ABOUT = re.compile(r"^\W*(?:о|об|обо|по|для|на|при|и)\s", re.IGNORECASE)
# a sentence of the text (four words or more, ending with a full stop), not a title page's line
_SENTENCE = re.compile(r"^\S+(?:\s+\S+){3,}\.$")


def headings(lines: list[Line], cands: list[classify.Cand], body: list[bool]) -> list[int]:
    """Indexes of the title's lines set in a heading style before the text (``body``: which
    lines are numbered elements), which are no chapters: an unnumbered heading naming the kind
    (``kind_heading``) with the unnumbered headings of its style right above and under it,
    but the last of them when it is the first chapter's (``_chapter_over_text``: "Назначение"
    under the title, over the clauses)."""
    end = next((i for i, is_body in enumerate(body) if is_body), len(lines))
    titles: set[int] = set()
    for i in range(end):
        if i in titles or cands[i].number is not None or not kind_heading(lines[i]):
            continue
        first = last = i
        while first > 0 and _same_heading(lines, cands, first - 1, i):
            first -= 1
        while last + 1 < end and _same_heading(lines, cands, last + 1, i):
            last += 1
        titled = any(KIND_NAME.search(lines[k].text) for k in range(first))
        if (last > i or titled) and _chapter_over_text(lines, cands, last):
            last -= 1  # the first chapter's title, over its clauses or its text
        titles.update(range(first, last + 1))
    return sorted(titles)


def _chapter_over_text(lines: list[Line], cands: list[classify.Cand], at: int) -> bool:
    """Heading ``at``, the last of a title's run (or alone under a title already written), is
    the first chapter's: a clause or a sentence of the text follows it, and it does not go on
    with the title (in lower case, in the genitive, saying what about, "ОБ ОТДЕЛЕ КАДРОВ", or
    in capitals as the line above it: "РУКОВОДИТЕЛЯ ОТДЕЛА")."""
    follows = _over_text(lines, cands, at)
    text = lines[at].text.strip()
    above = lines[at - 1].text.strip()
    capitals = (
        classify.upper_heading(text)
        and classify.upper_heading(above)
        and not _KAZAKH_END.search(above)  # (a Kazakh title ends with its kind)
        and not _ORGANISATION.search(text)
    )
    goes_on = text[:1].islower() or GENITIVE.search(text) or _ABOUT.match(text) or capitals
    return follows and not goes_on


def _same_heading(lines: list[Line], cands: list[classify.Cand], j: int, i: int) -> bool:
    """Line ``j`` is an unnumbered heading of line ``i``'s style, no first chapter's title."""
    return (
        lines[j].hint == lines[i].hint
        and cands[j].number is None
        and not classify.chapter_title(lines[j].text, _over_text(lines, cands, j))
    )


def _over_text(lines: list[Line], cands: list[classify.Cand], at: int) -> bool:
    """Line ``at`` stands right over the text: a clause or a sentence follows it."""
    return at + 1 < len(cands) and (
        cands[at + 1].kind == "clause" or _SENTENCE.match(lines[at + 1].text) is not None
    )


# a block's or label's opening word, which a table of signatures follows ("УТВЕРЖДЕНО:",
# "СОГЛАСОВАНО:", "Разработал:")
_SIGNED_BY = re.compile(
    r"^\W*(?:утвержд|согласов|бекіт|келісіл|разработ|подготов|составил|әзірле|дайында)",
    re.IGNORECASE,
)


def page_row(preamble: list[Line], cand: classify.Cand) -> bool:
    """An unnumbered table row before the text is the title page's (an approval block beside
    the organisation's name, the code and edition in a table), but for one a line ending with
    a colon leads in (``preamble``: the lines so far; "Сокращения:" over a table), which is
    text."""
    last = preamble[-1].text.strip() if preamble else ""
    led_in = last.endswith(":") and not _SIGNED_BY.match(last)
    return cand.kind == "item" and cand.style == "row" and not led_in


def before_chapter(page: list[Line]) -> list[Line]:
    """The title page's lines before a first chapter's title written unnumbered (``Lines.to_chapter``)."""
    return Lines(page).to_chapter().page


def _marked(upper: str, lower: str, under: bool) -> bool:
    """A restriction's mark is the title's: ``lower`` one under ``upper`` about documents or
    information (``under``), or ``upper`` one over ``lower`` naming the mark."""
    if under:
        return _RESTRICTED.match(lower) is not None and _OF_DOCUMENTS.search(upper) is not None
    return _RESTRICTED.match(upper) is not None and _MARK_FIRST.match(lower) is not None


class Lines:
    """The title page's lines, each known as a code's line or not."""

    def __init__(self, page: list[Line]) -> None:
        self.page = page
        self.texts = [line.text.strip() for line in page]
        self.coded = [doc_code.code_line(text) for text in self.texts]

    def to_chapter(self) -> Lines:
        """These lines up to a first chapter's title written unnumbered ("Общие положения",
        "Жалпы ережелер"): what follows it is the text, not the title page; unless that line is
        one of the title's ("ЖАТАҚХАНАДА ТҰРУДЫҢ" / "НЕГІЗГІ ЕРЕЖЕЛЕРІ", "ОСНОВНЫЕ ПОЛОЖЕНИЯ" /
        "ОБ ОПЛАТЕ ТРУДА"). Each line is read once: the lines kept keep what was read of them."""
        end = next(
            (
                i
                for i, t in enumerate(self.texts)
                if classify.chapter_title(t) and not self.in_title(i)
            ),
            len(self.texts),
        )
        cut = Lines([])
        cut.page, cut.texts, cut.coded = self.page[:end], self.texts[:end], self.coded[:end]
        return cut

    def next(self, i: int) -> int | None:
        """The line after ``i`` but a code's line and a note (``note``)."""
        return next((j for j in range(i + 1, len(self.texts)) if self._part(j)), None)

    def previous(self, i: int) -> int | None:
        return next((j for j in reversed(range(i)) if not self.coded[j]), None)

    def _part(self, j: int) -> bool:
        return not self.coded[j] and not note(self.texts[j])

    def in_title(self, i: int) -> bool:
        """Line ``i`` goes on with the line above it, in the genitive, or the line under it
        goes on with it."""
        above = i > 0 and self._near(i - 1, i) and GENITIVE.search(self.texts[i - 1]) is not None
        return above or (i + 1 < len(self.texts) and self._goes_on(i, i + 1, i + 1))

    def around(self, title: str, at: int, up: bool, down: bool) -> str:
        """``title``, read from line ``at``, with the lines right above it (``up``) and under
        it (``down``) that go on with it (``_goes_on``): "ПОЛОЖЕНИЕ" / "ОБ ОТДЕЛЕ
        ДИСТАНЦИОННОГО ОБУЧЕНИЯ" / "И ЦИФРОВЫХ ТЕХНОЛОГИЙ"; "Қашықтықтан оқыту және цифрлық" /
        "технологиялар бөлімі туралы" / "ЕРЕЖЕ"."""
        first = last = at
        while down and last + 1 < len(self.texts) and last - first + 1 < _MOST_LINES:
            if not self._goes_on(last, last + 1, last + 1) or (
                _YEAR_OF_TITLE.match(self.texts[last]) and not self._lower(last + 1)
            ):
                break  # (a year closes a title, "НА 2025 ГОД", but for what goes on in lower case)
            last += 1
            title = f"{title} {self.texts[last]}"
        while up and first > 0 and last - first + 1 < _MOST_LINES:
            if not self._goes_on(first - 1, first, first - 1):
                break
            first -= 1
            title = f"{self.texts[first]} {title}"
        return title

    def _lower(self, i: int) -> bool:
        return next((c for c in self.texts[i] if c.isalpha()), "").islower()

    def _near(self, upper: int, lower: int) -> bool:
        return self.page[lower].where - self.page[upper].where <= 1  # no empty line between

    def _goes_on(self, upper: int, lower: int, new: int) -> bool:
        """Line ``lower``, right under ``upper``, is one text with it: it starts in lower case,
        or both are set in capitals; the ``new`` one is no code's, names no kind, is no note
        (``_NOTE``) and no place, year or date (a year closing a title is its), and, above a
        title in capitals, names no organisation."""
        one, two, added = self.texts[upper], self.texts[lower], self.texts[new]
        if not self._near(upper, lower) or self.coded[new] or KIND_NAME.search(added):
            return False
        if note(added) and not _marked(one, two, new == lower):
            return False
        if self._lower(lower):
            return True  # (an organisation's name above goes on in it: "«…» мекемесі туралы")
        # above "ТУРАЛЫ" alone, a name is what the title is about ("… ИНСТИТУТЫ" / "ТУРАЛЫ")
        named = new == upper and not _ABOUT_ONLY.match(two) and _ORGANISATION.search(one)
        return one.isupper() and two.isupper() and not named
