// plansite: filter an indicator table by plan, type, status and department.
// Without JavaScript the form stays hidden and the table is simply complete.
(function () {
  function setup(form) {
    var scroll = form.nextElementSibling;
    var table = scroll && scroll.querySelector("table");
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var output = form.querySelector("output");
    var template = form.getAttribute("data-count") || "{shown} / {total}";
    function apply() {
      var wanted = {};
      form.querySelectorAll("select").forEach(function (s) { if (s.value) wanted[s.name] = s.value; });
      var shown = 0;
      rows.forEach(function (row) {
        var ok = Object.keys(wanted).every(function (key) {
          var have = row.getAttribute("data-" + key) || "";
          return key === "departments" ? have.split(" ").indexOf(wanted[key]) >= 0 : have === wanted[key];
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (output) output.textContent = template.replace("{shown}", shown).replace("{total}", rows.length);
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
        if (s.value) params.set(s.name, s.value); else params.delete(s.name);
      });
      var url = new URL(location.href);
      url.search = params.toString();
      history.replaceState(history.state, "", url.href);
    }
    form.hidden = false;
    form.addEventListener("change", function () { apply(); toAddress(); });
    window.addEventListener("pageshow", function () { fromAddress(); apply(); });
    fromAddress();
    apply();
  }
  function init() { document.querySelectorAll("form[data-ps-filters]").forEach(setup); }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(init); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
