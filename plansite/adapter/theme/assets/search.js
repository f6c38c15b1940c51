/* The header search box, answered by the site's chunked index (pagefind/, from plansite.search).
 *
 * The index holds every run of Chinese characters as overlapping pairs (森林蓄积量 -> 森林 林蓄
 * 蓄积 积量); tokens() turns the query into pairs the same way, so both sides cut alike (the
 * browser's own word segmenter and the index's disagree). It is loaded on demand: nothing is
 * fetched until the reader focuses the box, then only the chunks a query needs. Every result
 * says what it is (任务 / 部门 / 指标 / 章节 / 规划) and which plan it belongs to. Keyboard: "/"
 * or "s" opens the box, arrows move through the results, Enter opens the first one, Escape
 * closes. A page opened with ?q=words searches at once. The box says what is going on: 正在加载…
 * until the index has loaded, then how many records were found, or that none was, with the
 * closest department and indicator names. Short forms (医保, CPI) need nothing here: the index
 * holds them beside the terms they stand for (plansite.language.abbreviations).
 *
 * A portal (data/portal.yml) lists its member sites in data-ps-members: their indexes are
 * merged into this one (Pagefind's mergeIndex), so one query searches every site, and each
 * result links to the member's own page and names its site. A member's host must allow this
 * site to read its pagefind/ folder (Access-Control-Allow-Origin); a member that does not answer
 * is left out, and the others still answer.
 */
(function () {
  "use strict";

  var box = document.querySelector("[data-ps-search]");
  if (!box) return;
  var input = box.querySelector("input[name=q]");
  var form = box.querySelector("form");
  var list = box.querySelector("#ps-search-results");
  var meta = box.querySelector("#ps-search-meta");
  var toggle = document.getElementById("__search");
  var root = new URL(box.getAttribute("data-ps-root") || "./", location.href);
  /* an address like http://host//page/ would make the index's own paths protocol-relative */
  root = new URL(root.pathname.replace(/\/{2,}/g, "/"), root.origin);
  var words = box.dataset;
  var members = JSON.parse(box.getAttribute("data-ps-members") || "[]");
  var engine = null;
  var ready = false; /* the index is loaded: until then a typed query says it is loading */
  var latest = 0;
  var MAX_RESULTS = 10;
  var RANKED = 50; /* results whose records are loaded and ranked again by phraseFirst */
  var NAMED = 10; /* and departments and indicators among them, however far down they rank */
  var NAMED_KINDS = { kind_id: { any: ["department", "indicator"] } };

  /* The index holds character pairs in a language Pagefind does not segment (the index's
     language, plansite.site.search.tokens.INDEX_LANGUAGE). Pagefind takes the language of its
     queries from the page when it starts, and for zh it cuts every query into single
     characters again: on a large site those match nearly every record and a department's own
     record drops out. So it starts while the page says the index's language, and the page's
     own is put back at once (the page is not drawn in between). */
  var INDEX_LANGUAGE = "en";

  function start(pagefind) {
    var page = document.documentElement;
    var lang = page.getAttribute("lang");
    page.setAttribute("lang", INDEX_LANGUAGE);
    try {
      return pagefind.init();
    } finally {
      if (lang === null) page.removeAttribute("lang"); else page.setAttribute("lang", lang);
    }
  }

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
        /* Pairs repeat in long texts; a lower weight on how often a pair occurs lets names and
           titles (weighted in the index) decide, as readers expect. */
        var ranking = { termFrequency: 0.5 };
        return pagefind.options({ baseUrl: "/", ranking: ranking }).then(function () {
          return start(pagefind);
        }).then(function () {
          return Promise.all(members.map(function (member) {
            return merge(pagefind, member, ranking);
          }));
        }).then(function () {
          ready = true;
          return pagefind;
        });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  /* The names suggested when a query finds nothing, fetched only then (plansite.search). */
  var names = null;
  function loadNames() {
    if (!names) {
      names = fetch(new URL("pagefind/plansite-names.json", root).href).then(function (r) {
        return r.ok ? r.json() : [];
      }).catch(function () { names = null; return []; });
    }
    return names;
  }

  /* A member's index, searched with this site's: its records' addresses are made absolute
     on the member's site. Its entry file is read first: Pagefind fails every search when one
     merged index cannot load, and a member may be offline. */
  function merge(pagefind, member, ranking) {
    var bundle = new URL("pagefind/", member.url).href;
    return fetch(bundle + "pagefind-entry.json", { mode: "cors" }).then(function (answer) {
      if (!answer.ok) throw new Error(answer.status);
      return pagefind.mergeIndex(bundle, { baseUrl: member.url, ranking: ranking });
    }).catch(function () { /* left out of this page's searches */ });
  }

  /* The member site a result belongs to, by its address; none for this site's own records. */
  function memberOf(url) {
    for (var i = 0; i < members.length; i++) {
      if (url.indexOf(members[i].url) === 0) return members[i];
    }
    return null;
  }

  function open(on) {
    if (toggle && toggle.checked !== on) toggle.checked = on;
  }

  function status(text) {
    meta.textContent = text;
  }

  /* Same ranges as plansite.search.HAN: the query must be cut exactly like the index. */
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

  function tokens(text) {
    text = text.normalize("NFKC").toLowerCase();
    return text.replace(HAN, function (run) {
      if (run.length === 1) return " " + run + " ";
      var pairs = [];
      for (var i = 0; i < run.length - 1; i++) pairs.push(run.slice(i, i + 2));
      return " " + pairs.join(" ") + " ";
    }).split(/\s+/).filter(Boolean);
  }

  /* Where no indexed word is a query's pair, Pagefind matches the longest word that begins
     it instead (化 for 化律 in 城镇化律): a record found only so does not hold the query, and a
     query that no record holds says 没有找到 and offers the closest names. */
  function holdsEvery(record, pairs) {
    var meta = record.meta || {};
    /* the indexed words: a run's pairs, then its last character alone, then the next run's */
    var content = (record.content || "").normalize("NFKC").toLowerCase();
    /* the shown fields as written, without the marks between words (市“十二五”规划纲要) */
    var fields = Object.keys(meta).map(function (k) { return plainName(String(meta[k])); })
      .join(" ").replace(/[^\p{L}\p{N}\s]/gu, "");
    return pairs.every(function (pair) {
      var chars = Array.from(pair);
      return content.indexOf(pair) >= 0 || fields.indexOf(pair) >= 0
        || (chars.length === 2 && content.indexOf(chars[0] + " " + chars[1]) >= 0);
    });
  }

  /* The record's text around its first hit, with every query pair or word marked; built from
     text nodes only, so nothing in a record can become markup. */
  function excerpt(text, words) {
    var lower = text.normalize("NFKC").toLowerCase();
    var marked = new Array(text.length).fill(false);
    var first = -1;
    words.forEach(function (word) {
      if (!word) return;
      for (var at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
        for (var k = at; k < at + word.length && k < text.length; k++) marked[k] = true;
        if (first < 0 || at < first) first = at;
      }
    });
    var start = Math.max(0, first - 30);
    var end = Math.min(text.length, start + 120);
    var out = document.createDocumentFragment();
    if (start > 0) out.appendChild(document.createTextNode("…"));
    for (var i = start; i < end;) {
      var j = i;
      while (j < end && marked[j] === marked[i]) j++;
      var piece = document.createTextNode(text.slice(i, j));
      if (marked[i]) {
        var mark = document.createElement("mark");
        mark.appendChild(piece);
        out.appendChild(mark);
      } else {
        out.appendChild(piece);
      }
      i = j;
    }
    if (end < text.length) out.appendChild(document.createTextNode("…"));
    return out;
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function item(data, words) {
    var li = element("li", "md-search-result__item ps-result");
    var link = element("a", "md-search-result__link");
    /* record URLs are site-relative; the site may live in a sub-folder */
    link.href = new URL(data.url.replace(/^\/+/, ""), root).href;
    var article = element("article", "md-search-result__article md-typeset");
    var head = element("div", "ps-result__head");
    var kind = data.meta.kind_id || "page";
    head.appendChild(element("span", "ps-kind ps-kind-" + kind, data.meta.kind || ""));
    var member = memberOf(link.href);
    if (member) head.appendChild(element("span", "ps-result__site", member.name));
    if (data.meta.plan) head.appendChild(element("span", "ps-result__plan", data.meta.plan));
    article.appendChild(head);
    var title = element("h2", "ps-result__title", data.meta.title || data.url);
    if (data.meta.status) {
      /* a task's reported status beside its title: words with a mark, never colour alone */
      title.appendChild(document.createTextNode(" "));
      title.appendChild(element("span", "ps-progress ps-progress-" + data.meta.status_id,
                                data.meta.status));
    }
    article.appendChild(title);
    if (data.meta.context) article.appendChild(element("p", "ps-result__context", data.meta.context));
    var p = element("p", "ps-result__excerpt");
    p.appendChild(excerpt(data.meta.text || "", words));
    article.appendChild(p);
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function plainName(text) {
    return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  }

  /* Words that ask about a thing rather than name it: 城镇化率目标 asks for 城镇化率, 住建委负责
     哪些 for 住建委. They are left out of the search (its records hold all the query's pairs) and
     of the ranking; a query of nothing else is searched as typed. */
  var QUALIFIERS = ["完成情况", "进展情况", "落实情况", "是多少", "有多少", "多少", "哪个部门",
    "哪些部门", "什么部门", "谁负责", "负责", "怎么样", "如何", "目标值", "目标", "进展", "进度",
    "情况", "有哪些", "哪些", "什么", "指标"];

  /* Those that ask for a figure: the indicators holding the thing named come first. */
  var FIGURE = /目标|是多少|有多少|多少|完成情况|进展|进度|怎么样|如何|指标/;

  function named(query) {
    var rest = query.normalize("NFKC");
    QUALIFIERS.forEach(function (word) { rest = rest.split(word).join(" "); });
    rest = rest.replace(/[的了吗呢?？,，。]/g, " ").replace(/\s+/g, " ").trim();
    return plainName(rest).length >= 2 ? rest : query.trim();
  }

  /* The index finds records holding all the query's character pairs, wherever they stand. A
     record that holds the words as written ranks first: its title or one of its names is the
     query (耕地保有量 is the indicator, though a task's title also begins so), then the words
     stand in its title or names (规划局 in 市城乡规划局), then in its text, a task led by a
     department the query names before others (住建委 保障房); otherwise the index's order. In
     each of these, when the query asked for a figure (低保目标), indicators come first. */
  function phraseFirst(records, query, figures) {
    var whole = plainName(query);
    var parts = query.normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean);
    function holds(text) {
      text = plainName(text || "");
      return parts.every(function (part) { return text.indexOf(part) >= 0; });
    }
    function someIn(text) {
      text = plainName(text || "");
      return parts.some(function (part) { return text.indexOf(part) >= 0; });
    }
    function tier(r) {
      var m = r.meta;
      var titles = [m.title || ""].concat((m.names || "").split("、"));
      if (titles.some(function (t) { return plainName(t) === whole; })) return 0;
      if (holds(titles.join(" "))) return 1;
      if (holds([m.context, m.text, m.also].join(" "))) return someIn(m.lead) ? 2 : 3;
      return 4;
    }
    /* among records a name of which is the query (COD names the indicator 化学需氧量排放 and
       the task whose title holds it), the shortest title is the most about it */
    function length(r, t) { return t === 0 ? (r.meta.title || "").length : 0; }
    function figure(r) { return figures && r.meta.kind_id !== "indicator" ? 1 : 0; }
    return records.map(function (r, i) {
      var t = tier(r);
      return [t, figure(r), length(r, t), i, r];
    }).sort(function (x, y) {
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3];
    }).map(function (x) { return x[4]; });
  }

  /* How alike two names are: shared characters, and shared pairs of them counting twice. */
  function likeness(a, b) {
    function pairs(t) {
      var out = [];
      for (var i = 0; i < t.length - 1; i++) out.push(t.slice(i, i + 2));
      return out;
    }
    function shared(x, y) {
      var left = y.slice();
      return x.filter(function (c) {
        var at = left.indexOf(c);
        if (at < 0) return false;
        left.splice(at, 1);
        return true;
      }).length;
    }
    var ca = Array.from(a), cb = Array.from(b);
    var pa = pairs(a), pb = pairs(b);
    return (shared(ca, cb) + 2 * shared(pa, pb)) / (ca.length + cb.length + pa.length + pb.length);
  }

  /* The closest department and indicator names to a query that found nothing. */
  function closest(query, all) {
    var q = plainName(named(query));
    var best = {};
    all.forEach(function (entry) {
      var score = likeness(q, plainName(entry[0]));
      var url = entry[1];
      if (score > 0.15 && (!best[url] || best[url].score < score)) {
        best[url] = { score: score, name: entry[0], url: url, kind: entry[2] };
      }
    });
    return Object.keys(best).map(function (url) { return best[url]; })
      .sort(function (x, y) { return y.score - x.score; }).slice(0, 3);
  }

  function suggestion(entry) {
    var li = element("li", "md-search-result__item ps-result ps-suggestion");
    var link = element("a", "md-search-result__link");
    link.href = new URL(entry.url.replace(/^\/+/, ""), root).href;
    var article = element("article", "md-search-result__article md-typeset");
    var head = element("div", "ps-result__head");
    head.appendChild(element("span", "ps-kind ps-kind-" + entry.kind,
                             words["psKind" + entry.kind[0].toUpperCase() + entry.kind.slice(1)] || ""));
    article.appendChild(head);
    article.appendChild(element("h2", "ps-result__title", entry.name));
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  /* Nothing found: say so plainly, and offer the closest names. */
  function nothing(query, ticket) {
    var said = words.psNothing.replace("#", query);
    status(said);
    list.replaceChildren();
    list.setAttribute("data-ps-query", query);
    list.setAttribute("data-ps-count", "0");
    return loadNames().then(function (all) {
      if (ticket !== latest) return;
      var near = closest(query, all);
      if (!near.length) return;
      status(said + " " + words.psSuggest);
      list.replaceChildren.apply(list, near.map(suggestion));
    });
  }

  function count(n) {
    if (n === 0) return words.psNone;
    if (n === 1) return words.psOne;
    return words.psOther.replace("#", n);
  }

  function search(query) {
    var ticket = ++latest;
    query = query.trim();
    if (!query) {
      list.replaceChildren();
      list.removeAttribute("data-ps-query");
      status(words.psPlaceholder);
      return Promise.resolve();
    }
    if (!ready) status(words.psLoading);
    var asked = named(query);
    var pairs = tokens(asked);
    return load().then(function (pagefind) {
      /* On a large site a department's or an indicator's own record can rank below the first
         RANKED records of the tasks that name it; a second search of those kinds alone brings
         it into the records ranked here. */
      return Promise.all([pagefind.search(pairs.join(" ")),
                          pagefind.search(pairs.join(" "), { filters: NAMED_KINDS })]);
    }).then(function (both) {
      if (ticket !== latest) return;
      var found = both[0];
      if (!found.results.length) return nothing(query, ticket);
      var seen = {};
      var top = found.results.slice(0, RANKED).concat(both[1].results.slice(0, NAMED))
        .filter(function (r) { return seen[r.id] ? false : (seen[r.id] = true); });
      return Promise.all(top.map(function (r) { return r.data(); })).then(function (records) {
        if (ticket !== latest) return;
        records = records.filter(function (r) { return holdsEvery(r, pairs); });
        if (!records.length) return nothing(query, ticket);
        /* every result was loaded: the count is of those that hold the query */
        var total = found.results.length <= RANKED ? records.length : found.results.length;
        records = phraseFirst(records, asked, asked !== query.trim() && FIGURE.test(query))
          .slice(0, MAX_RESULTS);
        list.replaceChildren.apply(list, records.map(function (data) { return item(data, pairs); }));
        list.setAttribute("data-ps-query", query);
        list.setAttribute("data-ps-count", String(total));
        status(count(total));
      });
    }).catch(function () {
      /* the index did not load (a dropped connection): the next keystroke tries again */
      if (ticket === latest) status(words.psPlaceholder);
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 120);
  });
  input.addEventListener("focus", function () {
    open(true);
    load();
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) input.focus();
    });
  }
  form.addEventListener("reset", function () {
    setTimeout(function () { search(""); input.focus(); }, 0);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search(input.value).then(function () {
      var first = list.querySelector("a");
      if (first) location.href = first.href;
    });
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) open(false);
  });

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  box.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      open(false);
      input.blur();
      event.preventDefault();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length) return;
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = at + step;
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)].focus();
      event.preventDefault();
    }
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (event.key === "/" || event.key === "s") {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });

  var asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    input.value = asked;
    input.focus();
    search(asked);
  }
})();
