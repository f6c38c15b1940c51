// plansite: filter an indicator table by plan, type, status and department.
// Without JavaScript the form stays hidden and the table is simply complete (or, for a long
// list, one page of it, with links to the other pages).
// A table that is one page of a longer list (data-chunks on the form) loads, once a filter is
// chosen, the rows of the plans the filter needs from one small file per plan
// (<data-chunks><plan>.json); once every filter is cleared it shows its own rows and the
// links to the other pages again. Such a list's plans and departments to choose from come from
// one file (data-choices), which the browser loads once for all its pages.
(function () {
  function setup(form) {
    var scroll = form.nextElementSibling;
    var table = scroll && scroll.querySelector("table");
    if (!table) return;
    var body = table.tBodies[0];
    var pageRows = Array.prototype.slice.call(body.rows);
    var rows = pageRows;
    var output = form.querySelector("output");
    var template = form.getAttribute("data-count") || "{shown} / {total}";
    var chunkBase = form.getAttribute("data-chunks");
    var choicesFile = form.getAttribute("data-choices");
    var loaded = {};
    var asked = 0;
    function wantedNow() {
      var wanted = {};
      form.querySelectorAll("select").forEach(function (s) { if (s.value) wanted[s.name] = s.value; });
      return wanted;
    }
    function pagers(show) {
      var article = form.closest("article") || document;
      article.querySelectorAll(".ps-pager").forEach(function (nav) { nav.hidden = !show; });
    }
    // The plans whose rows a filter needs: the chosen plan, else the plans of the chosen
    // department, else all of them.
    function plansFor(wanted) {
      if (wanted.plan) return [wanted.plan];
      var select = form.querySelector("select[name=departments]");
      var option = select && select.selectedOptions[0];
      if (wanted.departments && option && option.getAttribute("data-plans")) {
        return option.getAttribute("data-plans").split(" ");
      }
      return Array.prototype.map.call(form.querySelectorAll("select[name=plan] option"),
        function (o) { return o.value; }).filter(Boolean);
    }
    function load(plan) {
      if (!loaded[plan]) {
        var url = new URL(chunkBase + encodeURIComponent(plan) + ".json", location.href);
        loaded[plan] = fetch(url.href).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        }).then(function (chunk) {
          var holder = document.createElement("template");
          holder.innerHTML = chunk.rows.join("");
          // the file's links are relative to the file itself
          holder.content.querySelectorAll("a[href]").forEach(function (a) {
            a.setAttribute("href", new URL(a.getAttribute("href"), url).href);
          });
          return Array.prototype.slice.call(holder.content.children);
        });
      }
      return loaded[plan];
    }
    function show(list, wanted, total) {
      var shown = 0;
      list.forEach(function (row) {
        var ok = Object.keys(wanted).every(function (key) {
          var have = row.getAttribute("data-" + key) || "";
          return key === "departments" ? have.split(" ").indexOf(wanted[key]) >= 0 : have === wanted[key];
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (output) output.textContent = template.replace("{shown}", shown).replace("{total}", total);
    }
    function replaceRows(list) {
      if (list === rows) return;
      while (body.firstChild) body.removeChild(body.firstChild);
      list.forEach(function (row) { body.appendChild(row); });
      rows = list;
    }
    function apply() {
      var wanted = wantedNow();
      if (!chunkBase) { show(rows, wanted, rows.length); return; }
      var total = form.getAttribute("data-total");
      if (!Object.keys(wanted).length) {
        replaceRows(pageRows);
        pagers(true);
        show(rows, wanted, total);
        return;
      }
      var ask = ++asked;
      if (output) output.textContent = form.getAttribute("data-loading") || "…";
      // "all plans" are those the plan choices name: on a paged list they come with the file
      choicesReady.then(function () {
        return Promise.all(plansFor(wanted).map(load));
      }).then(function (chunks) {
        if (ask !== asked || !form.isConnected) return;  // a later choice, or page, took over
        replaceRows([].concat.apply([], chunks));
        pagers(false);
        show(rows, wanted, total);
      }).catch(function () {
        if (ask !== asked || !form.isConnected) return;
        // nothing more could be loaded: this page's own rows, filtered
        replaceRows(pageRows);
        pagers(true);
        show(rows, wanted, pageRows.length);
      });
    }
    // The choice lives in the address (?type=binding&departments=huanbaoju), so a filtered
    // view can be shared, and Back returns to the same view.
    function fromAddress() {
      var params = new URLSearchParams(location.search);
      form.querySelectorAll("select").forEach(function (s) {
        var value = params.get(s.name) || "";
        var known = Array.prototype.some.call(s.options, function (o) { return o.value === value; });
        s.value = known ? value : "";
      });
    }
    function toAddress() {
      var params = new URLSearchParams(location.search);
      form.querySelectorAll("select").forEach(function (s) {
        // a select whose choices are still loading keeps what the address says of it
        if (s.options.length < 2) return;
        if (s.value) params.set(s.name, s.value); else params.delete(s.name);
      });
      var url = new URL(location.href);
      url.search = params.toString();
      history.replaceState(history.state, "", url.href);
    }
    // [value, words, plans] for each choice of each select the file names
    function addChoices(choices) {
      Object.keys(choices).forEach(function (name) {
        var select = form.querySelector("select[name=" + name + "]");
        if (!select) return;
        choices[name].forEach(function (choice) {
          var option = document.createElement("option");
          option.value = choice[0];
          option.textContent = choice[1];
          if (choice[2]) option.setAttribute("data-plans", choice[2]);
          select.appendChild(option);
        });
      });
    }
    // a paged list's plans and departments, which every filter of its rows waits for
    var choicesReady = !choicesFile ? Promise.resolve() :
      fetch(new URL(choicesFile, location.href).href).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(addChoices);
    form.hidden = false;
    form.addEventListener("change", function () { apply(); toAddress(); });
    window.addEventListener("pageshow", function () { fromAddress(); apply(); });
    fromAddress();
    apply();
    choicesReady.then(function () {
      if (!form.isConnected) return;  // the reader has gone on to another page
      fromAddress();  // a plan or department named in the address is a choice now
      apply();
    }, function () { /* apply() filters this page's own rows */ });
  }
  function init() { document.querySelectorAll("form[data-ps-filters]").forEach(setup); }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(init); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();

// A table box that is wider than the screen says so (plansite.css words the cue), so a reader
// knows to swipe it sideways; every other table fits the screen.
(function () {
  function mark() {
    document.querySelectorAll(".ps-scroll").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) box.setAttribute("data-overflowing", "");
      else box.removeAttribute("data-overflowing");
    });
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(mark); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", mark); }
  else { mark(); }
  window.addEventListener("resize", mark);
})();
