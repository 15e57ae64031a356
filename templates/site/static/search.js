/* dlo_docs intranet site: client-side search, and the language switch keeping the reader's place
 * (keepPlace). A static file (never generated from data): it
 * fetches search-index.<lang>.json (the URL is in #search-status[data-index]) and searches every
 * clause and item of the regulations in force.
 *
 * Typo tolerance for Kazakh and Russian: words are normalised (lower case, ё→е, a Latin i inside
 * a Cyrillic word → і), common endings are stripped (Kazakh: up to four agglutinated suffixes;
 * Russian: one ending), and stems of 5 letters or more match with one edit (a letter changed,
 * added, removed or two swapped). A word also matches the beginning of a longer word.
 * Every query word must match. Results are built with DOM methods only (no HTML from data).
 * A query is searched for its first MAX_WORDS distinct words (a pasted clause is cut, and the
 * page says so): each word searched scores the index's words once more.
 *
 * A keyboard without the Kazakh letters types their Russian look-alikes ("казакстан" for
 * "қазақстан", "билим" for "білім"): in a Kazakh text, a word also matches with its Kazakh
 * letters read as those (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и), endings stripped as so
 * typed, ranked as a typo is.
 */
(function () {
  "use strict";

  var SUFFIXES = {
    kk: [
      "ларының", "лерінің", "дарының", "дерінің", "тарының", "терінің",
      "ндағы", "ндегі", "сында", "сінде", "ларға", "лерге", "ымыз", "іміз", "ыңыз", "іңіз",
      "ымен", "імен", "дағы", "дегі", "тағы", "тегі", "атын", "етін", "йтын", "йтін",
      "ның", "нің", "дың", "дің", "тың", "тің", "дан", "ден", "тан", "тен", "нан", "нен",
      "мен", "бен", "пен", "лар", "лер", "дар", "дер", "тар", "тер", "нда", "нде", "сын", "сін",
      "сына", "сіне", "ады", "еді", "йды", "йді", "ған", "ген", "қан", "кен", "мыз", "міз",
      "ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді", "ты", "ті", "да", "де", "та", "те",
      "сы", "сі", "ым", "ім", "ың", "ің", "уы", "уі",
      "ы", "і", "а", "е", "н"
    ],
    ru: [
      "ениями", "ениях", "ением", "ениям", "остями", "остей", "остью", "ение", "ения", "ению", "ении",
      "ений", "ость", "ости", "иями", "ями", "ами", "ией", "ием", "иям", "иях", "ого", "его", "ому", "ему",
      "ыми", "ими", "ать", "ять", "ить", "еть", "уть", "ует", "уют", "ала", "али", "ало", "ила", "или",
      "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ой", "ей", "ий", "ый", "ом", "ем", "ам", "ям",
      "ых", "их", "ым", "им", "ах", "ях", "ов", "ев", "ия", "ию", "ии", "ет", "ит", "ут", "ют", "ат", "ят", "ал", "ил",
      "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й"
    ]
  };
  var PLAIN = { "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и" };
  var KAZAKH = /[әғқңөұүһі]/g;
  function plain(word) {
    return word.replace(KAZAKH, function (c) { return PLAIN[c]; });
  }
  /* the Kazakh endings as typed without the Kazakh letters ("ның" as "нын") */
  SUFFIXES.kkPlain = SUFFIXES.kk.map(plain).filter(function (s, i, all) { return all.indexOf(s) === i; });

  var MIN_STEM = 3;
  var FUZZY_MIN = 5;
  var MAX_SHOWN = 100;
  var MAX_WORDS = 10;  /* the distinct words of a query searched (the page says when it is cut) */
  var WORD = /[\p{L}\p{N}]+/gu;
  var CYRILLIC = /[\u0400-\u04FF]/;

  for (var lang in SUFFIXES) {
    SUFFIXES[lang].sort(function (a, b) { return b.length - a.length; });
  }

  function normalise(text) {
    return String(text).toLowerCase().replace(/ё/g, "е");
  }

  function fixWord(word) {
    return CYRILLIC.test(word) ? word.replace(/i/g, "і") : word;
  }

  function words(text) {
    return (normalise(text).match(WORD) || []).map(fixWord);
  }

  function stem(word, lang) {
    var list = SUFFIXES[lang] || SUFFIXES.ru;
    var rounds = lang === "kk" || lang === "kkPlain" ? 4 : 1;
    for (var r = 0; r < rounds; r++) {
      var cut = false;
      for (var i = 0; i < list.length; i++) {
        var s = list[i];
        if (word.length - s.length >= MIN_STEM && word.slice(-s.length) === s) {
          word = word.slice(0, -s.length);
          cut = true;
          break;
        }
      }
      if (!cut) break;
    }
    return word;
  }

  /* true when a and b differ by at most one edit (substitution, insertion, deletion, swap) */
  function nearby(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* The query's distinct words, each searched once however often it is typed (``count``), the
   * first MAX_WORDS of them: a pasted clause (or a whole page) would otherwise score every word
   * of the index once for each of its words. ``words``: the query's words up to the first word
   * left out; ``cut``: whether one was. */
  function queryTerms(query) {
    var all = words(query);
    var terms = [];
    var seen = new Map();
    var kept = all.length;
    for (var i = 0; i < all.length; i++) {
      var w = all[i];
      var term = seen.get(w);
      if (!term) {
        if (terms.length === MAX_WORDS) { kept = i; break; }
        var stems = [w, stem(w, "kk"), stem(w, "ru")].filter(function (s, i, all) { return all.indexOf(s) === i; });
        var p = plain(w);
        var plains = [p, stem(p, "kkPlain")].filter(function (s, i, all) {
          return s.length >= 4 && all.indexOf(s) === i;
        });
        term = { word: w, stems: stems, plains: plains, count: 0 };
        seen.set(w, term);
        terms.push(term);
      }
      term.count++;
    }
    return { terms: terms, words: all.slice(0, kept), cut: kept < all.length };
  }

  /* score of one token for one query term: 3 same stem, 2 beginning, 1 one edit, 0 none */
  function tokenScore(term, token) {
    if (token.word === term.word) return 3;
    for (var i = 0; i < term.stems.length; i++) {
      var s = term.stems[i];
      if (token.stem === s) return 3;
    }
    if (term.word.length >= MIN_STEM && token.word.indexOf(term.word) === 0) return 2;
    for (var j = 0; j < term.stems.length; j++) {
      var q = term.stems[j];
      /* the beginning of the token's stem, or of the word itself (a word whose ending looks like
       * a suffix, "режим", "отдых", loses it: "режима" still finds it) */
      if (q.length >= 4 && (token.stem.indexOf(q) === 0 || token.word.indexOf(q) === 0)) return 2;
      if (q.length >= FUZZY_MIN && token.stem.length >= FUZZY_MIN && nearby(token.stem, q)) return 1;
    }
    /* a Kazakh word typed without the Kazakh letters: the beginning of the word so read */
    if (token.plain) {
      for (var k = 0; k < term.plains.length; k++) {
        if (token.plain.indexOf(term.plains[k]) === 0) return 1;
      }
    }
    return 0;
  }

  function prepare(index) {
    var docs = [];
    var known = {};  /* lang -> word -> token: a word is stemmed once, however often it occurs */
    function add(reg, number, anchor, text, lang) {
      var tokens = [];
      var all = words(text);
      var mine = known[lang] || (known[lang] = new Map());
      var at = docs.length;
      for (var i = 0; i < all.length; i++) {
        var w = all[i];
        var token = mine.get(w);
        if (!token) {
          token = { word: w, stem: stem(w, lang), doc: -1, query: 0, scores: null,
                    plain: lang === "kk" ? plain(w) : "" };  /* Kazakh texts only */
          mine.set(w, token);
        }
        if (token.doc === at) continue;  /* once a text, as often as it occurs */
        token.doc = at;
        tokens.push(token);
      }
      docs.push({ reg: reg, number: number, anchor: anchor, text: text, norm: all.join(" "), tokens: tokens });
    }
    index.regs.forEach(function (reg) {
      add(reg, "", "", reg.code + " " + reg.title, reg.lang);
    });
    index.hits.forEach(function (h) {
      var reg = index.regs[h[0]];
      add(reg, h[1], h[2], h[3], reg.lang);
    });
    return docs;
  }

  var queries = 0;  /* each search's number: a token's scores are worked out once a search */

  /* The texts every word of ``query`` matches, best first; the list's ``cut`` tells a query cut
   * to its first MAX_WORDS distinct words. */
  function search(docs, query) {
    var asked = queryTerms(query);
    var terms = asked.terms;
    var hits = [];
    hits.cut = asked.cut;
    if (!terms.length) return hits;
    var phrase = asked.words.join(" ");
    var query_ = ++queries;
    /* the token's score for term t, the same in every text: worked out once a search, and only
     * for the terms a text is scored for (a text leaves at the first term it lacks) */
    function score(token, t) {
      if (token.query !== query_) {
        token.query = query_;
        token.scores = [];
      }
      var s = token.scores[t];
      if (s === undefined) s = token.scores[t] = tokenScore(terms[t], token);
      return s;
    }
    docs.forEach(function (doc, order) {
      var total = 0;
      var matched = {};
      for (var t = 0; t < terms.length; t++) {
        var best = 0;
        for (var k = 0; k < doc.tokens.length; k++) {
          var s = score(doc.tokens[k], t);
          if (s) matched[doc.tokens[k].word] = true;
          if (s > best) best = s;
        }
        if (!best) return;
        total += best * terms[t].count;
      }
      if (asked.words.length > 1 && doc.norm.indexOf(phrase) >= 0) total += 5;
      if (!doc.anchor) total -= 1;  /* a title is found, but its clauses come first */
      hits.push({ doc: doc, score: total, order: order, matched: matched });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return hits;
  }

  function highlighted(text, matched) {
    var frag = document.createDocumentFragment();
    var last = 0;
    String(text).replace(WORD, function (w, at) {
      if (matched[fixWord(normalise(w))]) {
        if (at > last) frag.appendChild(document.createTextNode(text.slice(last, at)));
        var mark = document.createElement("mark");
        mark.textContent = w;
        frag.appendChild(mark);
        last = at + w.length;
      }
      return w;
    });
    if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }

  function show(results, status, hits, root, query) {
    while (results.firstChild) results.removeChild(results.firstChild);
    if (!query.trim()) { status.textContent = ""; return; }
    var cut = hits.cut ? " " + status.dataset.cut.replace("{n}", MAX_WORDS) : "";
    if (!hits.length) { status.textContent = status.dataset.none + cut; return; }
    var text = status.dataset.count.replace("{n}", hits.length);
    if (hits.length > MAX_SHOWN) text += " " + status.dataset.more.replace("{n}", MAX_SHOWN);
    status.textContent = text + cut;
    hits.slice(0, MAX_SHOWN).forEach(function (hit) {
      var doc = hit.doc;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + doc.reg.url + (doc.anchor ? "#" + doc.anchor : "");
      var where = document.createElement("span");
      where.className = "hit-where";
      where.lang = doc.reg.lang;  /* the code is in the text's language, as on its page */
      where.textContent = doc.reg.code;
      a.appendChild(where);
      /* spaces between the spans: the link's name read aloud is "code title number", not a run */
      a.appendChild(document.createTextNode(" "));
      var title = document.createElement("span");
      title.className = "hit-title";
      title.lang = doc.reg.lang;
      title.textContent = doc.reg.title;
      a.appendChild(title);
      a.appendChild(document.createTextNode(" "));
      var number = document.createElement("span");
      number.className = "hit-number";
      number.textContent = doc.number || status.dataset.titleHit;
      a.appendChild(number);
      li.appendChild(a);
      if (doc.anchor) {
        var p = document.createElement("p");
        p.className = "hit-text";
        p.lang = doc.reg.lang;
        p.appendChild(highlighted(doc.text, hit.matched));
        li.appendChild(p);
      }
      results.appendChild(li);
    });
  }

  /* The language switch keeps the reader's place: the page in the other language has the same
   * anchors, so the link takes the fragment along (#clause-11), as it is when the page opens and
   * whenever it changes. Without script the link leads to the top of that page. */
  function keepPlace() {
    var swap = document.getElementById("lang-switch");
    if (!swap) return;
    function follow() {
      swap.setAttribute("href", swap.getAttribute("href").split("#")[0] + window.location.hash);
    }
    follow();
    window.addEventListener("hashchange", follow);
  }

  function start() {
    keepPlace();
    var status = document.getElementById("search-status");
    var results = document.getElementById("search-results");
    if (!status || !results) return;
    var root = document.documentElement.dataset.root || "";
    var input = document.getElementById("q");
    var form = document.getElementById("search-form");
    var swap = document.getElementById("lang-switch");
    var swapBase = swap ? swap.getAttribute("href").split(/[?#]/)[0] : "";
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    var docs = null;
    var timer = null;

    function run() {
      var q = input.value;
      if (swap) swap.setAttribute("href", swapBase + (q ? "?q=" + encodeURIComponent(q) : ""));
      if (docs) show(results, status, search(docs, q), root, q);
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      run();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        history.replaceState(null, "", input.value ? "?q=" + encodeURIComponent(input.value) : "?");
        run();
      }, 150);
    });
    fetch(status.dataset.index, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (index) {
        docs = prepare(index);
        document.documentElement.dataset.searchReady = "true";
        run();
      })
      .catch(function () {  /* no index (a page opened from the disk, a server error) */
        status.textContent = status.dataset.unavailable;
      });
  }

  window.dloSearch = { normalise: normalise, words: words, stem: stem, nearby: nearby, search: search,
                       prepare: prepare, plain: plain };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
