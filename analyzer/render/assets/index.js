(function () {
  "use strict";
  var STEP = 300;
  var el = function (id) { return document.getElementById(id); };
  var data = JSON.parse(el("index-data").textContent);
  var tbody = el("articles").tBodies[0];
  var type = el("f-type"), from = el("f-from"), to = el("f-to"),
      person = el("f-person"), actor = el("f-actor"), shown = el("shown"), more = el("more");
  var matched = [], drawn = 0;

  var counts = {};
  data.forEach(function (r) {
    r.types.forEach(function (t) { counts[t] = (counts[t] || 0) + 1; });
  });
  Object.keys(counts).sort().forEach(function (t) {
    var o = document.createElement("option");
    o.value = t;
    o.textContent = t + " (" + counts[t] + ")";
    type.appendChild(o);
  });

  function cell(tr, text, cls) {
    var td = document.createElement("td");
    if (cls) td.className = cls;
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }
  function row(r) {
    var tr = document.createElement("tr");
    cell(tr, r.date);
    var td = cell(tr, "");
    var a = document.createElement("a");
    a.href = r.href;
    var bdi = document.createElement("bdi");
    bdi.textContent = r.title;
    a.appendChild(bdi);
    td.appendChild(a);
    cell(tr, r.meeting);
    cell(tr, r.chairs.join("、"));
    cell(tr, String(r.items), "n");
    cell(tr, String(r.people.length), "n wide");
    return tr;
  }
  function draw() {
    var end = Math.min(matched.length, drawn + STEP), frag = document.createDocumentFragment();
    for (; drawn < end; drawn++) frag.appendChild(row(matched[drawn]));
    tbody.appendChild(frag);
    more.hidden = drawn >= matched.length;
  }
  function any(list, want) {
    return !want || list.some(function (x) { return x.indexOf(want) >= 0; });
  }
  function apply() {
    var t = type.value, f = from.value, u = to.value, p = person.value.trim(), w = actor.value.trim();
    matched = data.filter(function (r) {
      return (!t || r.types.indexOf(t) >= 0) && (!f || (r.date && r.date >= f)) &&
        (!u || (r.date && r.date <= u)) && any(r.people, p) && any(r.actors, w);
    });
    shown.textContent = String(matched.length);
    tbody.textContent = "";
    drawn = 0;
    draw();
  }
  [type, from, to, person, actor].forEach(function (x) {
    x.addEventListener("input", apply);
    x.addEventListener("change", apply);
  });
  more.addEventListener("click", draw);
  el("filters").addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();
