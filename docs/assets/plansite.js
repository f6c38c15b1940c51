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
    form.hidden = false;
    form.addEventListener("change", apply);
    apply();
  }
  function init() { document.querySelectorAll("form[data-ps-filters]").forEach(setup); }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(init); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
