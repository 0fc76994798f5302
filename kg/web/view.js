/* kg relationship view: a vis-network graph with filters and an evidence panel.
 *
 * Data: the JSON block #kg-data written by kg.views.html.  Nodes and edges
 * are vis DataSets; filters never remove items, they set "hidden", so the
 * layout computed once stays put.  Physics runs a bounded stabilisation and
 * is then switched off: large graphs stay responsive.  window.kgView exposes
 * the network and the filter state (the browser tests read it).
 */
"use strict";

(function () {
  var started = performance.now();
  var el = KG.el, clear = KG.clear;
  var data = KG.readData();
  var timings = {script: started, parsed: performance.now()};
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var typeInfo = {};
  data.types.forEach(function (t) { typeInfo[t.id] = t; });
  var kindInfo = {};
  data.edgeKinds.forEach(function (k) { kindInfo[k.id] = k; });

  var panel = document.getElementById("panel");
  var status = document.getElementById("status");
  var state = {topic: -1, from: data.range ? data.range.min : 0, to: data.range ? data.range.max : 0,
               types: {}, focus: null, neighboursOnly: false, depth: 1};
  data.types.forEach(function (t) { state.types[t.id] = true; });

  // -- vis data ------------------------------------------------------------------
  function nodeItem(n) {
    var t = typeInfo[n.type];
    return {id: n.id, label: n.label, shape: t.shape, value: n.size,
            color: {background: t.color, border: t.border,
                    highlight: {background: t.color, border: "#111"}},
            font: {color: "#222"}, hidden: false};
  }
  function edgeItem(e) {
    var k = kindInfo[e.kind];
    // Only discussions scale the line width (the issue's "width by number of
    // discussions"); other kinds keep a thin fixed width so they do not dominate.
    var item = {id: e.id, from: e.from, to: e.to, dashes: k.dashes,
            arrows: k.arrow ? {to: {enabled: true, scaleFactor: 0.6}} : undefined,
            color: {color: k.color, highlight: "#111", opacity: 0.85}, hidden: false, count: e.facts.length};
    item.width = widthOf(e, e.facts.length);
    return item;
  }
  function scaled(e) { return e.kind === "discussed with"; }
  /* An absolute scale, so that the same number of discussions looks the same in every view. */
  function widthOf(e, count) { return scaled(e) ? Math.min(12, 2 + 1.5 * (count - 1)) : 1.2; }
  var nodes = new vis.DataSet(data.nodes.map(nodeItem));
  var edges = new vis.DataSet(data.edges.map(edgeItem));
  var edgeById = {};
  data.edges.forEach(function (e) { edgeById[e.id] = e; });

  var large = data.layout.large;
  // Roomy springs for a handful of nodes (labels must not collide); tighter
  // ones and more pull to the centre as the graph grows, so that scattered
  // small components do not force the initial fit to zoom out until labels vanish.
  var small = data.nodes.length <= 40;
  var options = {
    autoResize: true,
    nodes: {scaling: {min: 8, max: 36, label: {enabled: true, min: 11, max: 22, drawThreshold: 6}},
            borderWidth: 1},
    edges: {smooth: false, selectionWidth: 2},
    interaction: {hover: !large, tooltipDelay: 200, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
                  multiselect: false},
    // vis's improved (Kamada-Kawai) initial layout is slow and gives up on many components.
    layout: {improvedLayout: data.nodes.length <= 100, randomSeed: 7},
    physics: {
      enabled: data.nodes.length > 0,
      solver: "barnesHut",
      barnesHut: {gravitationalConstant: small ? -8000 : -3000, springLength: small ? 170 : 95,
                  centralGravity: small ? 0.3 : 0.8, springConstant: 0.04, damping: 0.3,
                  avoidOverlap: large ? 0 : 0.2},
      stabilization: {enabled: true, iterations: data.layout.iterations, updateInterval: 10, fit: true},
      minVelocity: 1.0
    }
  };
  var container = document.getElementById("network");
  timings.datasets = performance.now();
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  timings.network = performance.now();

  var api = window.kgView = {network: network, nodes: nodes, edges: edges, data: data, state: state,
                             ready: false, readyAt: null, stabilizationIterations: 0, timings: timings};
  network.on("stabilizationProgress", function (p) {
    api.stabilizationIterations = p.iterations;
    // Bounded in time as well as in iterations: on a slow or busy machine the
    // layout stops early rather than keeping the page frozen.
    if (performance.now() - timings.network > data.layout.budgetMs) network.stopSimulation();
  });
  function markReady() {
    if (api.ready) return;
    timings.stabilized = performance.now();
    // Physics off: the layout is final and filtering, dragging and clicking stay instant.
    network.setOptions({physics: {enabled: false}});
    network.once("afterDrawing", function () {
      api.ready = true;
      api.readyAt = performance.now();
      document.documentElement.setAttribute("data-ready", "true");
    });
    network.redraw();
  }
  network.once("stabilizationIterationsDone", markReady);
  if (!options.physics.enabled) markReady();

  // -- filters -------------------------------------------------------------------
  function narrowed() {
    return data.range !== null && (state.from > data.range.min || state.to < data.range.max);
  }
  function factVisible(i) {
    return KG.factPasses(data.facts[i], state.topic, state.from, state.to, narrowed());
  }
  function activeFilter() { return state.topic >= 0 || narrowed(); }

  /* Which edges and nodes pass the filters: an edge needs a visible fact and
   * two shown endpoint types; a node needs its type on and a visible edge or a
   * visible statement of its own (or, with no fact filter, just its type). */
  function compute() {
    var edgeVisible = {}, edgeCount = {}, nodeVisible = {};
    data.edges.forEach(function (e) {
      if (!state.types[byId[e.from].type] || !state.types[byId[e.to].type]) return;
      var n = 0;
      e.facts.forEach(function (f) { if (factVisible(f)) n++; });
      if (n > 0) { edgeVisible[e.id] = true; edgeCount[e.id] = n; nodeVisible[e.from] = true; nodeVisible[e.to] = true; }
    });
    var filtering = activeFilter();
    data.nodes.forEach(function (n) {
      if (!state.types[n.type]) { delete nodeVisible[n.id]; return; }
      if (nodeVisible[n.id]) return;
      if (!filtering || n.statements.some(factVisible) || n.facts.some(factVisible)) nodeVisible[n.id] = true;
    });
    if (state.neighboursOnly && state.focus !== null && nodeVisible[state.focus]) {
      var near = neighbourhood(state.focus, state.depth, edgeVisible);
      Object.keys(nodeVisible).forEach(function (id) { if (!near[id]) delete nodeVisible[id]; });
      Object.keys(edgeVisible).forEach(function (id) {
        var e = edgeById[id];
        if (!near[e.from] || !near[e.to]) delete edgeVisible[id];
      });
    }
    return {nodes: nodeVisible, edges: edgeVisible, counts: edgeCount};
  }

  function neighbourhood(start, depth, edgeVisible) {
    var adjacency = {};
    data.edges.forEach(function (e) {
      if (!edgeVisible[e.id]) return;
      (adjacency[e.from] = adjacency[e.from] || []).push(e.to);
      (adjacency[e.to] = adjacency[e.to] || []).push(e.from);
    });
    var seen = {}, frontier = [start];
    seen[start] = true;
    for (var d = 0; d < depth; d++) {
      var next = [];
      frontier.forEach(function (id) {
        (adjacency[id] || []).forEach(function (m) { if (!seen[m]) { seen[m] = true; next.push(m); } });
      });
      frontier = next;
    }
    return seen;
  }

  var current = null;
  function apply() {
    var v = compute();
    var nodeUpdates = [], edgeUpdates = [];
    data.nodes.forEach(function (n) {
      var hidden = !v.nodes[n.id];
      if (!current || (!current.nodes[n.id]) !== hidden) nodeUpdates.push({id: n.id, hidden: hidden});
    });
    data.edges.forEach(function (e) {
      var hidden = !v.edges[e.id];
      var value = v.counts[e.id] || e.facts.length;
      if (!current || (!current.edges[e.id]) !== hidden || (current.counts[e.id] || e.facts.length) !== value) {
        // The width follows the discussions that pass the filters.
        edgeUpdates.push({id: e.id, hidden: hidden, width: widthOf(e, value), count: value});
      }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    current = v;
    var shownNodes = Object.keys(v.nodes).length, shownEdges = Object.keys(v.edges).length;
    status.textContent = shownNodes + " of " + data.nodes.length + " nodes, " + shownEdges + " of " +
      data.edges.length + " edges shown";
    document.getElementById("empty").hidden = shownNodes > 0;
  }
  api.apply = apply;
  api.visibleNodeIds = function () { return nodes.getIds({filter: function (n) { return !n.hidden; }}); };
  api.visibleEdgeIds = function () { return edges.getIds({filter: function (e) { return !e.hidden; }}); };
  api.labelOf = function (id) { return byId[id].label; };

  // -- controls ------------------------------------------------------------------
  var topicSelect = document.getElementById("topic");
  data.topics.map(function (label, i) { return [label, i]; })
    .sort(function (a, b) { return a[0].localeCompare(b[0]); })
    .forEach(function (pair) { topicSelect.appendChild(el("option", {value: pair[1]}, pair[0])); });
  topicSelect.addEventListener("change", function () { state.topic = parseInt(topicSelect.value, 10); apply(); });

  var fromInput = document.getElementById("from"), toInput = document.getElementById("to");
  var fromLabel = document.getElementById("from-label"), toLabel = document.getElementById("to-label");
  function showRange() {
    fromLabel.textContent = data.range ? KG.dayToIso(state.from) : "no dates";
    toLabel.textContent = data.range ? KG.dayToIso(state.to) : "";
  }
  if (data.range) {
    [fromInput, toInput].forEach(function (input) {
      input.min = data.range.min; input.max = data.range.max; input.step = 1;
    });
    fromInput.value = data.range.min; toInput.value = data.range.max;
    function onRange(changed) {
      var a = parseInt(fromInput.value, 10), b = parseInt(toInput.value, 10);
      // The two thumbs cannot cross: the one being moved pushes the other.
      if (a > b) { if (changed === fromInput) { toInput.value = a; b = a; } else { fromInput.value = b; a = b; } }
      state.from = a; state.to = b;
      showRange();
      apply();
    }
    fromInput.addEventListener("input", function () { onRange(fromInput); });
    toInput.addEventListener("input", function () { onRange(toInput); });
  } else {
    fromInput.disabled = toInput.disabled = true;
  }
  showRange();

  var toggles = document.getElementById("types");
  data.types.forEach(function (t) {
    if (!data.nodes.some(function (n) { return n.type === t.id; })) return;
    var box = el("input", {type: "checkbox", id: "type-" + t.id, "data-type": t.id});
    box.checked = true;
    box.addEventListener("change", function () { state.types[t.id] = box.checked; apply(); });
    toggles.appendChild(el("label", {class: "toggle"}, box, swatch(t), t.label));
  });

  var search = document.getElementById("search");
  var names = document.getElementById("names");
  data.nodes.slice().sort(function (a, b) { return a.label.localeCompare(b.label); })
    .forEach(function (n) { names.appendChild(el("option", {value: n.label})); });
  function findNode(text) {
    var q = text.trim().toLowerCase();
    if (!q) return null;
    var exact = data.nodes.filter(function (n) {
      return n.label.toLowerCase() === q || n.aliases.some(function (a) { return a.toLowerCase() === q; });
    });
    if (exact.length) return exact[0];
    var partial = data.nodes.filter(function (n) {
      return n.label.toLowerCase().indexOf(q) >= 0 ||
        n.aliases.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
    });
    return partial.length ? partial[0] : null;
  }
  function focusOn(node) {
    state.focus = node.id;
    apply();
    network.selectNodes([node.id]);
    network.focus(node.id, {scale: large ? 1.2 : 1.4, animation: false});
    showNode(node.id);
  }
  api.focusOn = function (text) { var n = findNode(text); if (n) focusOn(n); return n ? n.id : null; };
  document.getElementById("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var n = findNode(search.value);
    if (n) { focusOn(n); search.setCustomValidity(""); }
    else { search.setCustomValidity("no node called that"); search.reportValidity(); }
  });
  search.addEventListener("input", function () { search.setCustomValidity(""); });

  var neighbours = document.getElementById("neighbours"), depthInput = document.getElementById("depth");
  neighbours.addEventListener("change", function () { state.neighboursOnly = neighbours.checked; apply(); });
  depthInput.addEventListener("change", function () {
    state.depth = Math.max(1, parseInt(depthInput.value, 10) || 1); apply();
  });
  document.getElementById("reset").addEventListener("click", function () {
    state.topic = -1; topicSelect.value = "-1";
    if (data.range) {
      state.from = data.range.min; state.to = data.range.max;
      fromInput.value = state.from; toInput.value = state.to;
    }
    data.types.forEach(function (t) {
      state.types[t.id] = true;
      var box = document.getElementById("type-" + t.id);
      if (box) box.checked = true;
    });
    state.focus = null; state.neighboursOnly = false; neighbours.checked = false;
    showRange(); apply(); network.unselectAll(); network.fit({animation: false}); showIntro();
  });

  // -- legend --------------------------------------------------------------------
  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function swatch(t) {
    var box = svg("svg", {width: 16, height: 16, viewBox: "0 0 16 16", class: "swatch"});
    var paint = {fill: t.color, stroke: t.border, "stroke-width": 1};
    var shape;
    if (t.shape === "square") shape = svg("rect", Object.assign({x: 2, y: 2, width: 12, height: 12}, paint));
    else if (t.shape === "diamond") shape = svg("polygon", Object.assign({points: "8,1 15,8 8,15 1,8"}, paint));
    else if (t.shape === "triangle") shape = svg("polygon", Object.assign({points: "8,1 15,14 1,14"}, paint));
    else if (t.shape === "star") shape = svg("polygon", Object.assign(
      {points: "8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6"}, paint));
    else shape = svg("circle", Object.assign({cx: 8, cy: 8, r: 6}, paint));
    box.appendChild(shape);
    return box;
  }
  function edgeSwatch(k) {
    var box = svg("svg", {width: 28, height: 10, viewBox: "0 0 28 10", class: "swatch"});
    var line = {x1: 1, y1: 5, x2: k.arrow ? 21 : 27, y2: 5, stroke: k.color, "stroke-width": 2};
    if (k.dashes) line["stroke-dasharray"] = "4 3";
    box.appendChild(svg("line", line));
    if (k.arrow) box.appendChild(svg("polygon", {points: "21,1 27,5 21,9", fill: k.color}));
    return box;
  }
  var legend = document.getElementById("legend");
  data.types.forEach(function (t) {
    if (data.nodes.some(function (n) { return n.type === t.id; })) {
      legend.appendChild(el("div", {class: "legend-item"}, swatch(t), t.label));
    }
  });
  data.edgeKinds.forEach(function (k) {
    if (data.edges.some(function (e) { return e.kind === k.id; })) {
      legend.appendChild(el("div", {class: "legend-item"}, edgeSwatch(k), k.id));
    }
  });
  legend.appendChild(el("div", {class: "legend-note"},
    "node size: " + data.sizeBy + "; line width: number of discussions"));

  // -- side panel ----------------------------------------------------------------
  function heading(text, sub) {
    return [el("h2", null, text), sub ? el("div", {class: "sub"}, sub) : null];
  }
  function filteredNote(total, shown) {
    return shown < total ? el("p", {class: "note"}, (total - shown) + " more hidden by the current filters") : null;
  }
  function showEdge(id) {
    var e = edgeById[id];
    var a = byId[e.from].label, b = byId[e.to].label;
    var shown = e.facts.filter(factVisible);
    var noun = {"discussed with": "discussion", "said about": "statement", "issued": "measure",
                "targets": "measure", "discussed": "discussion", "concerns": "measure"}[e.kind] || "fact";
    clear(panel);
    panel.appendChild(el("div", {class: "panel-edge", "data-edge": e.id},
      heading(e.kind === "discussed with" ? a + " — " + b : a + " → " + b,
              e.kind + ": " + shown.length + " " + noun + (shown.length === 1 ? "" : "s")),
      shown.map(function (i) { return KG.factBlock(data, data.facts[i]); }),
      filteredNote(e.facts.length, shown.length)));
  }
  var INCOMING = {"said about": "mentioned by", "issued": "issued by", "targets": "targeted by",
                  "discussed": "discussed by", "concerns": "subject of"};
  function list(title, items) {
    if (!items.length) return null;
    return el("section", null, el("h3", null, title), el("ul", {class: "plain"}, items));
  }
  function showNode(id) {
    var n = byId[id];
    var t = typeInfo[n.type];
    clear(panel);
    var posts = n.posts.map(function (p) {
      // Reference posts run from a first to a last day; a claim is what one article said on its date.
      var reference = p.status === "reference";
      var when = reference ? (p.start || "?") + " – " + (p.end || "present") : "as of " + (p.start || "an unknown date");
      var how = reference ? "reference data" : "claimed by " + (p.source || "a source") + " (" + p.status + ")";
      return el("li", null, el("strong", null, p.label), p.org ? " (" + p.org + ")" : "", el("br"),
                el("span", {class: "meta"}, when + " · " + how));
    });
    var statements = n.statements.filter(factVisible).map(function (i) { return KG.factBlock(data, data.facts[i]); });
    var own = n.type === "policy" ? n.facts.map(function (i) { return KG.factBlock(data, data.facts[i]); }) : [];
    var links = [];
    data.edges.forEach(function (e) {
      if (e.from !== id && e.to !== id) return;
      if (current && !current.edges[e.id]) return;
      var outgoing = e.from === id;
      var other = byId[outgoing ? e.to : e.from];
      var link = el("a", {href: "#", class: "edge-link"}, other.label);
      link.addEventListener("click", function (ev) { ev.preventDefault(); network.selectEdges([e.id]); showEdge(e.id); });
      // Directed kinds read from this node's side: "issued by X", not "issued X".
      var verb = outgoing || e.kind === "discussed with" ? e.kind : (INCOMING[e.kind] || e.kind);
      links.push(el("li", null, verb + " ", link, " (" + e.facts.filter(factVisible).length + ")"));
    });
    panel.appendChild(el("div", {class: "panel-node", "data-node": n.id},
      heading(n.label, t.label),
      el("div", {class: "iri"}, n.iri),
      n.aliases.length ? el("section", null, el("h3", null, "Also called"), el("p", null, n.aliases.join(", "))) : null,
      list("Posts", posts),
      own.length ? el("section", null, el("h3", null, "Measure"), own) : null,
      statements.length ? el("section", null, el("h3", null, "Statements"), statements) : null,
      filteredNote(n.statements.length, statements.length),
      list("Relationships", links)));
  }
  function showIntro() {
    clear(panel);
    panel.appendChild(el("div", {class: "intro"},
      el("h2", null, "Evidence"),
      el("p", null, "Click a line to see each discussion, statement or measure behind it: date, kind, " +
        "topics, the sentence it was read from and the source file. Click a node for its posts, " +
        "aliases and statements.")));
  }
  api.showEdge = showEdge;
  api.showNode = showNode;

  /* Where on the screen a user would click an edge (a point of it that no node
   * or overlay covers) or a node: used by the browser tests and the screenshot
   * script, which then click there with the real mouse. */
  api.edgeScreenPoint = function (id) {
    var e = edgeById[id];
    var pos = network.getPositions([e.from, e.to]);
    var canvas = container.querySelector("canvas"), box = canvas.getBoundingClientRect();
    var steps = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];
    for (var k = 0; k < steps.length; k++) {
      var t = steps[k];
      var p = network.canvasToDOM({x: pos[e.from].x + t * (pos[e.to].x - pos[e.from].x),
                                   y: pos[e.from].y + t * (pos[e.to].y - pos[e.from].y)});
      var x = box.left + p.x, y = box.top + p.y;
      if (network.getNodeAt(p) === undefined && network.getEdgeAt(p) === id &&
          document.elementFromPoint(x, y) === canvas) return {x: x, y: y};
    }
    return null;
  };
  api.nodeScreenPoint = function (id) {
    var p = network.canvasToDOM(network.getPositions([id])[id]);
    var box = container.querySelector("canvas").getBoundingClientRect();
    return {x: box.left + p.x, y: box.top + p.y};
  };
  api.findEdge = function (a, b, kind) {
    var ids = data.nodes.filter(function (n) { return n.label === a || n.label === b; })
      .map(function (n) { return n.id; });
    var found = data.edges.filter(function (e) {
      return e.kind === (kind || "discussed with") && ids.indexOf(e.from) >= 0 && ids.indexOf(e.to) >= 0 &&
        e.from !== e.to;
    });
    return found.length ? found[0].id : null;
  };
  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  showIntro();
  apply();
})();
