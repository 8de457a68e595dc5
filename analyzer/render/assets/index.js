(function () {
  "use strict";
  var table = document.getElementById("articles");
  if (!table) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var el = function (id) { return document.getElementById(id); };
  var type = el("f-type"), from = el("f-from"), to = el("f-to"),
      person = el("f-person"), actor = el("f-actor"), shown = el("shown");
  var counts = {};
  rows.forEach(function (r) {
    (r.getAttribute("data-types") || "").split("|").forEach(function (t) {
      if (t) counts[t] = (counts[t] || 0) + 1;
    });
  });
  Object.keys(counts).sort().forEach(function (t) {
    var o = document.createElement("option");
    o.value = t;
    o.textContent = t + " (" + counts[t] + ")";
    type.appendChild(o);
  });
  function has(list, want) {
    if (!want) return true;
    return list.split("|").some(function (x) { return x.indexOf(want) >= 0; });
  }
  function apply() {
    var t = type.value, f = from.value, u = to.value,
        p = person.value.trim(), a = actor.value.trim(), n = 0;
    rows.forEach(function (r) {
      var d = r.getAttribute("data-date") || "";
      var ok = (!t || ("|" + (r.getAttribute("data-types") || "") + "|").indexOf("|" + t + "|") >= 0) &&
        (!f || (d && d >= f)) && (!u || (d && d.slice(0, u.length) <= u)) &&
        has(r.getAttribute("data-people") || "", p) &&
        has(r.getAttribute("data-actors") || "", a);
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = String(n);
  }
  [type, from, to, person, actor].forEach(function (x) {
    x.addEventListener("input", apply);
    x.addEventListener("change", apply);
  });
  el("filters").addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();
