"""The site in a real browser: Debian's headless Chromium driven by Playwright (pointed at the
system browser; Playwright's own browser download is never used), against the built site served
by the same http.server as `dlo site serve`.

Opens the index, switches to Russian and back, searches a word from a duty with another ending
(and one with a typo), follows the hit to the right clause (URL fragment and :target text)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import _session_dlo, copy_of
from site_support import UNIT, add_unit, approve_seed, approve_unit, build, replace, serving

CHROMIUM = next(
    (p for p in ("/usr/bin/chromium", shutil.which("chromium") or "") if p and Path(p).is_file()),
    None,
)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EVIL = "<b>жуан</b> <script>window.HACKED = 1</script>"

pytestmark = [
    pytest.mark.slow,  # a browser
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
    ),
]


def _approved_with_markup(dlo, project):
    add_unit(project)
    replace(
        project,
        UNIT,
        "оқытушыларға электрондық курстарды",
        f'"{EVIL} оқытушыларға электрондық курстарды',
    )
    replace(project, UNIT, "әдістемелік көмек көрсету;", 'әдістемелік көмек көрсету;"')
    approve_seed(dlo, project)
    approve_unit(dlo, project)


@pytest.fixture(scope="module")
def base(prepared, tmp_path_factory):
    """The site built once for the module (the tests only read it), served."""
    state = prepared("site-browser", _approved_with_markup)  # prepared once, copied
    project = copy_of(state, tmp_path_factory.mktemp("site-browser"))
    build(_session_dlo, project)
    with serving(project / "public") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the module; each test opens its pages in a context of its own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM, args=ARGS, timeout=120_000
        )  # a loaded machine is slow
        try:
            yield chromium
        finally:
            chromium.close()


def search_from_header(page, words: str) -> None:
    page.fill("header.site input[name=q]", words)
    page.press("header.site input[name=q]", "Enter")
    page.wait_for_selector("#search-results li")


def test_index_language_switch_search_and_deep_link(base, browser):
    page = browser.new_page()
    page.set_default_timeout(60_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "response",
        lambda r: (
            errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico")
            else None
        ),
    )
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))

    page.goto(base)
    assert page.get_attribute("html", "lang") == "kk"
    assert "Нормативтік құжаттар" in page.inner_text("h1")
    assert page.is_visible("a[href='kk/dlo-head/index.html']")

    # to Russian and back
    page.click("#lang-switch")
    page.wait_for_url(base + "ru/index.html")
    assert page.get_attribute("html", "lang") == "ru"
    assert "Нормативные документы" in page.inner_text("h1")
    page.click("#lang-switch")
    page.wait_for_url(base + "index.html")
    assert page.get_attribute("html", "lang") == "kk"

    # a duty of clause 10: "...Moodle қашықтықтан оқыту жүйесін әкімшілендіру бойынша...";
    # searched with a dative ending the text does not have
    search_from_header(page, "әкімшілендіруге")
    assert "search.html?q=" in page.url
    first = page.locator("#search-results li").first
    assert "10. 4)" in first.inner_text()
    assert page.locator("#search-results li mark").first.inner_text() == "әкімшілендіру"
    first.locator("a").click()
    page.wait_for_url("**/kk/dlo-head/index.html#clause-10-4")
    assert page.evaluate("location.hash") == "#clause-10-4"
    target = page.locator(":target")
    assert target.get_attribute("id") == "clause-10-4"
    assert "Moodle қашықтықтан оқыту жүйесін әкімшілендіру" in target.inner_text()

    # one typo in a longer word: "біліктілігн" for "біліктілігін" (clause 10, item 10)
    search_from_header(page, "біліктілігн арттыруға")
    assert any("10. 10)" in t for t in page.locator("#search-results li").all_inner_texts())

    # the Russian interface, a Russian word with another ending: "ежеквартальный" for "ежеквартально"
    page.click("#lang-switch")
    page.wait_for_url("**/ru/search.html?q=*")
    assert page.get_attribute("html", "lang") == "ru"
    search_from_header(page, "ежеквартальный")
    hit = page.locator("#search-results li").first
    assert "Положение об отделе дистанционного обучения" in hit.inner_text()
    hit.locator("a").click()
    page.wait_for_url(f"**/ru/{UNIT}/index.html#clause-4")
    assert "ежеквартально отчитывается" in page.locator(":target").inner_text()

    # text from the YAML is text: shown with its tags, not run
    page.goto(base + f"kk/{UNIT}/index.html#clause-3-2")
    assert EVIL in page.locator(":target").inner_text()
    assert page.evaluate("window.HACKED") is None
    assert page.locator("article b").count() == 0
    assert errors == []


def test_the_language_switch_keeps_the_reader_s_place(base, browser):
    """On kk/<id>/index.html#clause-4 the switch led to ru/<id>/index.html, the top of the page,
    though the anchors are the same in both languages: it now takes the fragment along, the one
    the page opened at and the one a link on the page moved it to. Without script the link is
    the page itself (no fragment), which still works."""
    page = browser.new_page()
    page.set_default_timeout(60_000)
    html = page.context.request.get(base + f"kk/{UNIT}/index.html").text()
    assert f'id="lang-switch" class="lang" href="../../ru/{UNIT}/index.html"' in html
    page.goto(base + f"kk/{UNIT}/index.html#clause-4")
    page.click("#lang-switch")
    page.wait_for_url(f"**/ru/{UNIT}/index.html#clause-4")
    assert "ежеквартально отчитывается" in page.locator(":target").inner_text()
    page.click("a.anchor[href='#clause-3']")  # the clause's own link: the fragment changes
    page.click("#lang-switch")
    page.wait_for_url(f"**/kk/{UNIT}/index.html#clause-3")
    assert page.locator(":target").get_attribute("id") == "clause-3"
    page.goto(base + "ru/index.html")  # a page at no fragment: the switch as it is
    page.click("#lang-switch")
    page.wait_for_url(base + "index.html")


def test_search_functions(base, browser):
    from playwright.sync_api import expect

    page = browser.new_page()
    page.set_default_timeout(60_000)
    page.goto(base + "search.html")
    # waits through selectors, not wait_for_function: the site's CSP (script-src 'self') forbids
    # the eval a polled JavaScript predicate needs, so such a wait fails whenever it has to poll
    page.wait_for_selector("html[data-search-ready='true']", state="attached")
    s = "window.dloSearch"
    # Kazakh: agglutinated endings come off; Russian: one ending
    assert page.evaluate(f"{s}.stem('міндеттерінің', 'kk') === {s}.stem('міндеттері', 'kk')")
    assert page.evaluate(f"{s}.stem('міндеттерінің', 'kk')") == "міндет"
    assert page.evaluate(f"{s}.stem('обеспечения', 'ru') === {s}.stem('обеспечение', 'ru')")
    # a clause found by any case of its Russian words: the genitive plural of an adjective (-ых)
    # and of a noun in -ость (-остей) were not stripped, so those forms found no other
    forms = [
        ["должность", "должности", "должностей", "должностями"],
        ["учебный", "учебных", "учебного", "учебным"],
        ["структурные", "структурных", "структурным"],
        ["режим", "режима", "режимом"],  # an ending-like end of the word itself
    ]
    missed = page.evaluate(
        f"""forms => forms.flatMap(group => {{
            const hits = group.map((w, i) => [0, String(i), "a" + i, "текст " + w]);
            const docs = {s}.prepare({{regs: [{{code: "X", title: "x", url: "x/", lang: "ru"}}],
                                       hits: hits}});
            return group.flatMap(q => {{
                const found = {s}.search(docs, q).map(h => h.doc.number);
                return group.filter((w, i) => !found.includes(String(i))).map(w => q + "→" + w);
            }});
        }})""",
        forms,
    )
    assert missed == []
    # a word a text repeats is one token of it; each search scores the index's words afresh (a
    # word's scores are worked out once a search, not carried into the next one)
    first, other, again, tokens = page.evaluate(
        f"""() => {{
            const docs = {s}.prepare({{regs: [{{code: "X", title: "x", url: "x/", lang: "kk"}}],
                hits: [[0, "1", "a1", "міндет міндет құқық"], [0, "2", "a2", "құқық"]]}});
            const found = q => {s}.search(docs, q).map(h => [h.doc.number, h.score]);
            return [found("міндет"), found("құқық"), found("міндет"), docs[1].tokens.length];
        }}"""
    )
    assert first == again == [["1", 3]] and other == [["1", 3], ["2", 3]] and tokens == 2
    assert page.evaluate(f"{s}.words('Ёлка ЁЖ')") == ["елка", "еж"]
    assert page.evaluate(f"{s}.words('бiлiм')") == ["білім"]  # Latin i typed in a Kazakh word
    assert page.evaluate(f"{s}.nearby('біліктілік', 'біліктлік')")
    assert page.evaluate(f"{s}.nearby('порталы', 'протaлы')") is False  # two edits
    assert page.evaluate(f"{s}.nearby('портал', 'протал')")  # a swap is one edit
    # nothing found: the page says so
    page.fill("#q", "жжжжжжжж")
    page.press("#q", "Enter")
    expect(page.locator("#search-status")).to_have_text(re.compile(r"\S"))
    assert page.inner_text("#search-status") == "Ештеңе табылмады."


def test_a_pasted_long_query_is_searched_for_its_first_words_and_says_so(base, browser):
    """A pasted clause (168 words) scored every word of the index once for each of its words:
    120-175 ms a search on 31 regulations, seconds on a thousand, and a 4,000-word query ran
    out of memory. A query is now searched for its first ten distinct words (a word typed twice
    searched once, counted twice as before), and the page says, in its language, that it was cut."""
    page = browser.new_page()
    page.set_default_timeout(60_000)
    page.goto(base + "search.html")
    page.wait_for_selector("html[data-search-ready='true']", state="attached")
    found = page.evaluate(
        """() => {
            const words = Array.from({length: 30}, (_, i) => "сөз" + "абвгдежзиклмнопрстуфхцчшщэюя"[i]);
            const docs = window.dloSearch.prepare({
                regs: [{code: "X", title: "x", url: "x/", lang: "kk"}],
                hits: [[0, "1", "a1", words.slice(0, 10).join(" ")],
                       [0, "2", "a2", "міндет міндет құқық"]]});
            const long = window.dloSearch.search(docs, words.join(" "));
            const twice = window.dloSearch.search(docs, "міндет міндет");
            return {long: long.map(h => h.doc.number), cut: long.cut,
                    twice: twice.map(h => [h.doc.number, h.score]), short: twice.cut};
        }"""
    )
    # the 20 words after the tenth, in no text, are not searched
    assert found == {"long": ["1"], "cut": True, "twice": [["2", 11]], "short": False}, found
    clause = page.evaluate(
        """() => fetch("search-index.kk.json").then(r => r.json()).then(index =>
            index.hits.map(h => h[3]).reduce((a, b) => b.split(" ").length > a.split(" ").length ? b : a))"""
    )
    assert len(set(clause.split())) > 10
    page.fill("#q", clause)
    page.press("#q", "Enter")
    page.wait_for_selector("#search-results li")
    said = page.inner_text("#search-status")
    assert said.endswith("Сұрау тым ұзын: оның алғашқы 10 әртүрлі сөзі бойынша ғана ізделді."), said
    assert clause[:40] in page.locator("#search-results li").first.inner_text()
    page.goto(base + "ru/search.html?q=" + "+".join(f"w{i}" for i in range(12)))
    page.wait_for_selector("html[data-search-ready='true']", state="attached")
    assert page.inner_text("#search-status") == (
        "Ничего не найдено. Запрос слишком длинный: поиск выполнен только по первым 10 разным словам."
    )
    page.goto(base + "ru/search.html?q=" + "+".join(["приказ"] * 12))  # one word, typed often
    page.wait_for_selector("html[data-search-ready='true']", state="attached")
    assert "Запрос слишком длинный" not in page.inner_text("#search-status")


def test_search_says_so_when_its_index_cannot_be_loaded(base, browser):
    """A search page whose index does not come (opened from the disk, where a browser fetches
    nothing; a server error) says search is unavailable, not that nothing was found."""
    page = browser.new_page()
    page.set_default_timeout(60_000)
    page.route("**/search-index.*", lambda route: route.abort())
    page.goto(base + "search.html?q=" + "әкімшілендіру")
    page.wait_for_function("document.getElementById('search-status').textContent !== ''")
    said = page.inner_text("#search-status")
    assert said.startswith("Іздеу қолжетімсіз"), said
    assert "Ештеңе табылмады" not in said
    assert page.locator("#search-results li").count() == 0


def test_the_rendered_page_sets_the_approval_block_apart_from_the_organisation(
    project, dlo, browser
):
    """`dlo render --format html` set the approval block (БЕКІТІЛДІ …) right under the
    organisation's name, with no space between them, as if one heading: on the form they are
    apart. The block starts at least half a line below the name."""
    assert dlo("render", "dlo-head", "--format", "html", cwd=project).code == 0
    page = browser.new_page()
    page.goto((project / "build" / "dlo-head.kk.draft.html").as_uri())
    gap = page.evaluate(
        """() => {
        const org = document.querySelector("header .org").getBoundingClientRect();
        const block = document.querySelector("header .approval").getBoundingClientRect();
        const line = parseFloat(getComputedStyle(document.body).lineHeight);
        return (block.top - org.bottom) / line;
    }"""
    )
    page.close()
    assert gap >= 0.5, gap


def test_kazakh_words_typed_without_the_kazakh_letters_are_found(base, browser):
    """A keyboard without the Kazakh letters types their Russian look-alikes ("казакстан" for
    "Қазақстан", "билим" for "білім"): such a query found nothing in a Kazakh text (two letters
    changed are more than one typo). The Kazakh letters now also match the Russian ones that
    stand for them, in Kazakh texts, ranked after the words typed as written."""
    page = browser.new_page()
    page.set_default_timeout(60_000)
    page.goto(base + "search.html")
    page.wait_for_selector("html[data-search-ready='true']", state="attached")
    found = page.evaluate(
        """() => {
            const docs = window.dloSearch.prepare({
                regs: [{code: "X", title: "x", url: "x/", lang: "kk"},
                       {code: "Y", title: "y", url: "y/", lang: "ru"}],
                hits: [[0, "1", "a1", "Қазақстан Республикасының Еңбек кодексі"],
                       [0, "2", "a2", "жоғары білімі бар"],
                       [0, "3", "a3", "қазақстандағы білімге"],
                       [1, "4", "a4", "организация работы"]]});
            const numbers = q => window.dloSearch.search(docs, q).map(h => h.doc.number);
            return {
                country: numbers("казакстан"), cases: numbers("казакстаннын"),
                education: numbers("билим"), endings: numbers("Қазақстанда"),
                mixed: numbers("казакстандагы билимге"), exact: numbers("білімі"),
                russian: numbers("организаци"),
            };
        }"""
    )
    assert found["country"] == ["1", "3"], found
    assert found["cases"] == ["1", "3"], found  # "…ның" typed "…нын"
    assert found["education"] == ["2", "3"], found
    assert found["endings"] == ["1", "3"], found
    assert found["mixed"] == ["3"], found
    assert found["exact"][0] == "2", found  # the words as written rank first
    assert found["russian"] == ["4"], found  # a Russian text is searched as before
    search_from_header(page, "Казакстан Республикасынын Енбек кодексин")
    first = page.locator("#search-results li").first
    assert "Еңбек кодекс" in first.inner_text()
    assert page.locator("#search-results li").first.locator("mark").count() >= 3


def test_a_hit_s_link_names_its_code_title_and_clause_apart(base, browser):
    """A hit's link is its regulation's code, title and clause number, three spans: a screen
    reader read them as one run ("ЛН ҮББИ 01-2024Қашықтықтан … нұсқаулығы10. 4)"), the code's
    year and the title's first word as one word, the title's last word and the number too."""
    page = browser.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(base + "search.html?q=әкімшілендіруге")
        page.wait_for_selector("#search-results li")
        name = page.locator("#search-results li a").first.text_content()
        title = "Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы"
        assert name == f"ЛН ҮББИ 01-2024 {title} 10. 4)", name
        # the Russian search: the Kazakh regulation's code is marked Kazakh, as its title is
        page.goto(base + "ru/search.html?q=әкімшілендіруге")
        page.wait_for_selector("#search-results li")
        hit = page.locator("#search-results li a").first
        marked = [hit.locator(s).get_attribute("lang") for s in (".hit-where", ".hit-title")]
        assert marked == ["kk", "kk"], marked
    finally:
        page.close()
