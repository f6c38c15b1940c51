/* The header search box, answered by the site's chunked index (pagefind/, from plansite.search).
 *
 * The index holds every run of Chinese characters as overlapping pairs (森林蓄积量 -> 森林 林蓄
 * 蓄积 积量); tokens() turns the query into pairs the same way, so both sides cut alike (the
 * browser's own word segmenter and the index's disagree). It is loaded on demand: nothing is
 * fetched until the reader focuses the box, then only the chunks a query needs. Every result
 * says what it is (任务 / 部门 / 指标 / 章节 / 规划) and which plan it belongs to. Keyboard: "/"
 * or "s" opens the box, arrows move through the results, Enter opens the first one, Escape
 * closes. A page opened with ?q=words searches at once.
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
  var latest = 0;
  var MAX_RESULTS = 10;
  var RANKED = 50; /* results whose records are loaded and ranked again by phraseFirst */

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
        /* Pairs repeat in long texts; a lower weight on how often a pair occurs lets names and
           titles (weighted in the index) decide, as readers expect. */
        var ranking = { termFrequency: 0.5 };
        return pagefind.options({ baseUrl: "/", ranking: ranking }).then(function () {
          return Promise.all(members.map(function (member) {
            return merge(pagefind, member, ranking);
          }));
        }).then(function () {
          return pagefind;
        });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
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

  /* The index finds records holding all the query's character pairs, wherever they stand. A
     record that holds the words as written ranks first: its title is the query (耕地保有量 is
     the indicator, though a task's title also begins so), then the words stand in its title
     (规划局 in 市城乡规划局), then in its text; otherwise the index's order stands. */
  function phraseFirst(records, query) {
    var whole = plainName(query);
    var parts = query.normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean);
    function holds(text) {
      text = plainName(text || "");
      return parts.every(function (part) { return text.indexOf(part) >= 0; });
    }
    function tier(r) {
      if (plainName(r.meta.title || "") === whole) return 0;
      if (holds(r.meta.title)) return 1;
      if (holds((r.meta.context || "") + (r.meta.text || ""))) return 2;
      return 3;
    }
    return records.map(function (r, i) { return [tier(r), i, r]; })
      .sort(function (x, y) { return x[0] - y[0] || x[1] - y[1]; })
      .map(function (x) { return x[2]; });
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
      status(words.psPlaceholder);
      return Promise.resolve();
    }
    if (!engine) status(words.psLoading);
    var pairs = tokens(query);
    return load().then(function (pagefind) {
      return pagefind.search(pairs.join(" "));
    }).then(function (found) {
      if (ticket !== latest) return;
      var top = found.results.slice(0, RANKED);
      return Promise.all(top.map(function (r) { return r.data(); })).then(function (records) {
        if (ticket !== latest) return;
        records = phraseFirst(records, query).slice(0, MAX_RESULTS);
        list.replaceChildren.apply(list, records.map(function (data) { return item(data, pairs); }));
        list.setAttribute("data-ps-query", query);
        status(count(found.results.length));
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
