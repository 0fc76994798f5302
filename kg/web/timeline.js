/* kg timeline: one row per actor, its discussions, statements and measures on a time axis.
 *
 * Drawn as SVG from the JSON block #kg-data (kg.views.timeline); text goes in
 * with textContent only.  Filters: actor (name or alias, part of it), topic,
 * and fact kinds.  Clicking an item shows the fact and its evidence in the
 * side panel, as on the relationship page.  window.kgTimeline exposes the
 * state for the browser tests.
 */
"use strict";

(function () {
  var el = KG.el, clear = KG.clear;
  var data = KG.readData();
  var SVG = "http://www.w3.org/2000/svg";
  var KIND_STYLE = {
    discussion: {label: "discussions", color: "#555555"},
    statement: {label: "statements", color: "#4e79a7"},
    policy: {label: "policy measures", color: "#c0392b"}
  };
  var ROW = 28, LANE = 16, LABEL_W = 220, TOP = 34, PAD_DAYS = 3, MIN_BAR = 8;
  var svg = document.getElementById("timeline");
  var panel = document.getElementById("panel");
  var status = document.getElementById("status");
  var state = {actor: "", topic: -1, kinds: {discussion: true, statement: true, policy: true}, selected: null};

  function node(tag, attrs, text) {
    var n = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text !== undefined) n.textContent = text;
    return n;
  }

  function rowMatches(row) {
    var q = state.actor.trim().toLowerCase();
    if (!q) return true;
    return row.label.toLowerCase().indexOf(q) >= 0 ||
      row.aliases.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
  }
  function factShown(i) {
    var f = data.facts[i];
    return state.kinds[f.kind] && KG.factPasses(f, state.topic, 0, 0, false);
  }

  /* Month ticks for spans up to ~4 years, year ticks beyond, day ticks under two months. */
  function ticks(min, max) {
    var out = [], span = max - min;
    var d = new Date(min * 86400000);
    if (span <= 62) {
      var step = span <= 21 ? 1 : 7;
      for (var t = min; t <= max; t += step) out.push([t, KG.dayToIso(t).slice(5)]);
      return out;
    }
    var yearly = span > 4 * 366;
    var cur = new Date(Date.UTC(d.getUTCFullYear(), yearly ? 0 : d.getUTCMonth(), 1));
    while (cur.getTime() / 86400000 <= max) {
      var day = Math.round(cur.getTime() / 86400000);
      if (day >= min) out.push([day, yearly ? String(cur.getUTCFullYear()) : KG.dayToIso(day).slice(0, 7)]);
      if (yearly) cur.setUTCFullYear(cur.getUTCFullYear() + 1); else cur.setUTCMonth(cur.getUTCMonth() + 1);
    }
    return out;
  }

  var items = [];
  function draw() {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    items = [];
    var rows = data.rows.filter(rowMatches).map(function (r) {
      return {row: r, facts: r.facts.filter(factShown)};
    }).filter(function (r) { return r.facts.length > 0; });
    var width = Math.max(600, svg.parentNode.clientWidth - 4);
    var dated = rows.some(function (r) { return r.facts.some(function (i) { return data.facts[i].start !== null; }); });
    var min = data.range ? data.range.min - PAD_DAYS : 0, max = data.range ? data.range.max + PAD_DAYS : 1;
    var x = function (day) { return LABEL_W + (day - min) / Math.max(1, max - min) * (width - LABEL_W - 16); };
    // Lay out each row first: marks that would overlap (same day, overlapping
    // spans) go to separate lanes, so that every mark stays visible and clickable.
    var undated = [], undatedSeen = {};
    var layout = rows.map(function (r) {
      var marks = [], laneEnds = [];
      r.facts.forEach(function (i) {
        var f = data.facts[i];
        if (f.start === null) {
          // Listed once under the axis, however many rows it belongs to.
          if (!undatedSeen[i]) { undatedSeen[i] = true; undated.push([r.row, i]); }
          return;
        }
        var x0 = x(f.start), x1 = x(f.end + 1), bar = x1 - x0 > MIN_BAR;
        if (!bar) { var mid = (x0 + x1) / 2; x0 = mid - 7; x1 = mid + 7; }
        marks.push({fact: i, x0: x0, x1: x1, bar: bar});
      });
      marks.sort(function (a, b) { return a.x0 - b.x0; });
      marks.forEach(function (m) {
        var lane = 0;
        while (lane < laneEnds.length && laneEnds[lane] > m.x0) lane++;
        laneEnds[lane] = m.x1 + 2;
        m.lane = lane;
      });
      return {row: r.row, marks: marks, height: Math.max(ROW, laneEnds.length * LANE + 8)};
    });
    var height = TOP + layout.reduce(function (sum, r) { return sum + r.height; }, 0) + 10;
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
    if (data.range && dated) {
      ticks(min, max).forEach(function (t) {
        svg.appendChild(node("line", {class: "tick", x1: x(t[0]), x2: x(t[0]), y1: TOP - 6, y2: height}));
        svg.appendChild(node("text", {x: x(t[0]) + 2, y: TOP - 10}, t[1]));
      });
    }
    var y = TOP;
    layout.forEach(function (r, k) {
      if (k % 2 === 0) svg.appendChild(node("rect", {class: "row-band", x: 0, y: y, width: width, height: r.height}));
      svg.appendChild(node("text", {class: "row-label", x: 6, y: y + ROW / 2 + 4, "data-row": r.row.iri}, r.row.label));
      r.marks.forEach(function (m) {
        var f = data.facts[m.fact], color = KIND_STYLE[f.kind].color, shape;
        var cy = y + 4 + m.lane * LANE + LANE / 2;
        if (m.bar) {
          shape = node("rect", {x: m.x0, y: cy - 6, width: m.x1 - m.x0, height: 12, rx: 3, fill: color,
                                "fill-opacity": 0.55});
        } else {
          shape = node("circle", {cx: (m.x0 + m.x1) / 2, cy: cy, r: 6, fill: color});
        }
        shape.setAttribute("class", "item item-" + f.kind);
        shape.setAttribute("data-fact", m.fact);
        shape.appendChild(node("title", {}, f.date + " — " + summary(f)));
        shape.addEventListener("click", function () { select(m.fact, shape); });
        svg.appendChild(shape);
        items.push({fact: m.fact, row: r.row.iri});
      });
      y += r.height;
    });
    var box = document.getElementById("undated");
    clear(box);
    if (undated.length) {
      box.appendChild(el("strong", null, "Undated: "));
      undated.forEach(function (pair, k) {
        var link = el("a", {href: "#", class: "undated-item", "data-fact": pair[1]}, summary(data.facts[pair[1]]));
        link.addEventListener("click", function (ev) { ev.preventDefault(); select(pair[1], null); });
        box.appendChild(link);
        if (k < undated.length - 1) box.appendChild(document.createTextNode(" · "));
        items.push({fact: pair[1], row: pair[0].iri, undated: true});
      });
    }
    document.getElementById("empty").hidden = rows.length > 0;
    status.textContent = rows.length + " of " + data.rows.length + " actors, " + items.length + " marks";
  }

  function summary(f) {
    var text;
    if (f.kind === "discussion") text = (f.mkind || "discussion") + " between " + f.participants.join(", ");
    else if (f.kind === "statement") text = (f.speaker || "someone") + ": " + f.text;
    else text = f.label;
    return text.length > 90 ? text.slice(0, 89) + "…" : text;
  }

  function select(i, shape) {
    var previous = svg.querySelectorAll(".item.selected");
    for (var k = 0; k < previous.length; k++) previous[k].classList.remove("selected");
    if (shape) shape.classList.add("selected");
    state.selected = i;
    clear(panel);
    panel.appendChild(el("div", {class: "panel-fact", "data-fact": i}, KG.factBlock(data, data.facts[i])));
  }

  // -- controls --------------------------------------------------------------------
  var names = document.getElementById("names");
  data.rows.slice().sort(function (a, b) { return a.label.localeCompare(b.label); })
    .forEach(function (r) { names.appendChild(el("option", {value: r.label})); });
  var actor = document.getElementById("actor");
  actor.addEventListener("input", function () { state.actor = actor.value; draw(); });
  var topic = document.getElementById("topic");
  data.topics.map(function (label, i) { return [label, i]; })
    .sort(function (a, b) { return a[0].localeCompare(b[0]); })
    .forEach(function (p) { topic.appendChild(el("option", {value: p[1]}, p[0])); });
  topic.addEventListener("change", function () { state.topic = parseInt(topic.value, 10); draw(); });
  var kinds = document.getElementById("kinds");
  Object.keys(KIND_STYLE).forEach(function (k) {
    var box = el("input", {type: "checkbox", id: "kind-" + k});
    box.checked = true;
    box.addEventListener("change", function () { state.kinds[k] = box.checked; draw(); });
    var dot = node("svg", {width: 12, height: 12, class: "swatch"});
    dot.appendChild(node("circle", {cx: 6, cy: 6, r: 5, fill: KIND_STYLE[k].color}));
    kinds.appendChild(el("label", {class: "toggle"}, box, dot, KIND_STYLE[k].label));
  });
  document.getElementById("reset").addEventListener("click", function () {
    state.actor = ""; actor.value = ""; state.topic = -1; topic.value = "-1";
    Object.keys(state.kinds).forEach(function (k) { state.kinds[k] = true; document.getElementById("kind-" + k).checked = true; });
    draw();
  });
  window.addEventListener("resize", draw);

  clear(panel);
  panel.appendChild(el("div", {class: "intro"}, el("h2", null, "Evidence"),
    el("p", null, "Each row is an actor; each mark a discussion (grey), statement (blue) or policy measure (red) " +
      "it takes part in, at its date (a bar when the source gives only a week or a month). Click a mark for " +
      "its details, the sentence it was read from and the source file.")));
  draw();
  window.kgTimeline = {data: data, state: state, items: function () { return items.slice(); }, redraw: draw,
                       ready: true};
  document.documentElement.setAttribute("data-ready", "true");
})();
