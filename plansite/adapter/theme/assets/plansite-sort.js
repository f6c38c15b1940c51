// plansite: sort a table (class ps-sortable) by any column, numbers by their data-sort value.
// Without JavaScript the table keeps the order it was built in (the matrix: total, most first).
(function () {
  function key(row, index) {
    var cell = row.cells[index];
    var value = cell ? (cell.getAttribute("data-sort") || cell.textContent) : "";
    var number = Number(value);
    return value !== "" && !isNaN(number) ? number : value;
  }
  function sortBy(table, index, button) {
    var header = button.closest("th");
    var descending = header.getAttribute("aria-sort") !== "descending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, index), y = key(b, index);
      var order = typeof x === "number" && typeof y === "number"
        ? x - y : String(x).localeCompare(String(y), document.documentElement.lang || undefined);
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    table.tHead.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }
  function setup(table) {
    if (table.getAttribute("data-sort-ready")) return;
    table.setAttribute("data-sort-ready", "true");
    var label = table.getAttribute("data-sort-label") || "";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ps-sort";
      button.textContent = "⇅";
      button.setAttribute("aria-label", label + ": " + th.textContent.trim());
      button.title = label;
      button.addEventListener("click", function () { sortBy(table, index, button); });
      th.appendChild(button);
    });
  }
  function init() { document.querySelectorAll("table.ps-sortable").forEach(setup); }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(init); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
