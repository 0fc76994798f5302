/* kg views: helpers shared by the relationship page and the timeline page.
 *
 * Everything that comes from articles (names, sentences, file names) reaches
 * the page as JSON and is put into the DOM with textContent / createTextNode
 * only -- never innerHTML -- so markup inside an article stays text.
 */
"use strict";

var KG = (function () {
  function readData() {
    // The data block is JSON with every "<" escaped, so it cannot close its script element.
    return JSON.parse(document.getElementById("kg-data").textContent);
  }

  /* el("div", {class: "x"}, "text", child, ...): attributes are set one by one
   * and children are text nodes or elements, so nothing is ever parsed as HTML. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        if (attrs[name] !== null && attrs[name] !== undefined) node.setAttribute(name, String(attrs[name]));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  var DAY_MS = 86400000;
  function dayToIso(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  function topicLabels(data, fact) {
    return (fact.topics || []).map(function (t) { return data.topics[t]; });
  }

  /* One evidence sentence: the sentence as a quote, then file and sentence number. */
  function evidenceList(data, fact) {
    return el("ul", {class: "evidence"}, (fact.ev || []).map(function (e) {
      var where = data.sources[e[1]] || "unknown source";
      if (e[2] !== null && e[2] !== undefined) where += ", sentence " + (e[2] + 1);
      return el("li", null,
        el("blockquote", {class: "sentence"}, data.sentences[e[0]]),
        el("div", {class: "source"}, "— ", where));
    }));
  }

  function meta(parts) {
    return el("div", {class: "meta"}, parts.filter(Boolean).join(" · "));
  }

  /* A discussion, statement or policy measure, with its evidence. */
  function factBlock(data, fact) {
    var topics = topicLabels(data, fact);
    var box = el("div", {class: "fact fact-" + fact.kind});
    if (fact.kind === "discussion") {
      box.appendChild(el("div", {class: "fact-title"}, fact.date, " — ", fact.mkind || "discussion"));
      box.appendChild(meta([
        fact.participants.length ? "between " + fact.participants.join(", ") : null,
        fact.place ? "in " + fact.place : null,
        topics.length ? "about " + topics.join(", ") : null]));
    } else if (fact.kind === "statement") {
      box.appendChild(el("div", {class: "fact-title"}, fact.date, " — ", fact.speaker || "someone",
        fact.direct ? " said: " : " said that "));
      box.appendChild(el("div", {class: "statement-text"}, fact.direct ? "“" + fact.text + "”" : fact.text));
      box.appendChild(meta([
        fact.reportedBy ? "reported by " + fact.reportedBy : null,
        topics.length ? "about " + topics.join(", ") : null]));
    } else {
      box.appendChild(el("div", {class: "fact-title"}, fact.date, " — ", fact.label));
      box.appendChild(meta([
        fact.mtype, fact.status,
        fact.issuer ? "issued by " + fact.issuer : null,
        fact.target ? "targeting " + fact.target : null,
        topics.length ? "about " + topics.join(", ") : null]));
    }
    if (fact.conf !== null && fact.conf !== undefined) {
      box.appendChild(el("div", {class: "confidence"}, "confidence " + fact.conf));
    }
    box.appendChild(evidenceList(data, fact));
    return box;
  }

  /* Does a fact pass the topic filter (a topic index, or -1 for all) and the day range? */
  function factPasses(fact, topic, from, to, narrowed) {
    if (topic >= 0 && (fact.topics || []).indexOf(topic) < 0) return false;
    if (narrowed) {
      if (fact.start === null || fact.start === undefined) return false;
      if (fact.end < from || fact.start > to) return false;
    }
    return true;
  }

  return {readData: readData, el: el, clear: clear, dayToIso: dayToIso, factBlock: factBlock,
          factPasses: factPasses, topicLabels: topicLabels};
})();
