// thidua review page: evidence highlights <-> form fields, keyboard shortcuts, adding rows from
// selected text. Plain JavaScript, no inline handlers (the page's CSP forbids inline script).
(function () {
  "use strict";

  function fieldElement(id) {
    var el = document.querySelector('[data-field="' + CSS.escape(id) + '"]');
    if (!el && id.indexOf("-") > 0) {
      el = document.querySelector('[data-field="' + CSS.escape(id.split("-")[0]) + '"]');
    }
    return el;
  }

  function clearActive() {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
  }

  function showEvidence(id) {
    clearActive();
    var marks = Array.prototype.filter.call(document.querySelectorAll("mark.ev"), function (m) {
      return (m.dataset.fields || "").split(" ").indexOf(id) >= 0;
    });
    marks.forEach(function (m) { m.classList.add("active"); });
    if (marks.length) { marks[0].scrollIntoView({ block: "center", behavior: "smooth" }); }
    var field = fieldElement(id);
    if (field) { field.classList.add("active"); }
  }

  function showField(id) {
    var field = fieldElement(id);
    if (!field) { return; }
    showEvidence(id);
    field.scrollIntoView({ block: "center", behavior: "smooth" });
    var input = field.querySelector("input:not([type=hidden]), select");
    if (input) { input.focus({ preventScroll: true }); }
  }

  function addRow(list, values, evidence) {
    var tpl = document.getElementById("tpl-" + list);
    var body = document.getElementById("rows-" + list);
    if (!tpl || !body) { return null; }
    var n = 0;
    body.querySelectorAll("tr[data-field]").forEach(function (tr) {
      var k = parseInt(tr.dataset.field.split("-").pop(), 10);
      if (!isNaN(k) && k >= n) { n = k + 1; }
    });
    var html = tpl.innerHTML.split("__N__").join(String(n));
    var holder = document.createElement("tbody");
    holder.innerHTML = html;  // the template is our own markup; values are set below as properties
    var row = holder.querySelector("tr");
    row.classList.add("added");
    body.appendChild(row);
    Object.keys(values || {}).forEach(function (attr) {
      var input = row.querySelector('[name="' + list + "-" + n + "-" + attr + '"]');
      if (input) { input.value = values[attr]; }
    });
    if (evidence) { row.querySelector('[name="' + list + "-" + n + '-ev"]').value = evidence[0] + ":" + evidence[1]; }
    var first = row.querySelector("input:not([type=hidden])");
    if (first) { first.focus(); }
    return row;
  }

  function offsetOf(node, offset) {
    var el = node.nodeType === 3 ? node.parentElement : node;
    while (el && !(el.dataset && el.dataset.s !== undefined)) { el = el.parentElement; }
    if (!el) { return null; }
    var start = parseInt(el.dataset.s, 10);
    return node.nodeType === 3 ? start + offset : start;
  }

  function selectionSpan() {
    var sel = window.getSelection();
    var text = document.getElementById("doc-text");
    if (!sel || sel.isCollapsed || !text || !text.contains(sel.anchorNode) || !text.contains(sel.focusNode)) { return null; }
    var range = sel.getRangeAt(0);
    var a = offsetOf(range.startContainer, range.startOffset);
    var b = offsetOf(range.endContainer, range.endOffset);
    var raw = sel.toString();
    if (a === null || b === null || b <= a) { return null; }
    var lead = raw.length - raw.replace(/^\s+/, "").length;
    var trail = raw.length - raw.replace(/\s+$/, "").length;
    var value = raw.trim().replace(/\s+/g, " ");
    if (!value) { return null; }
    return { text: value, start: a + lead, end: b - trail, rect: range.getBoundingClientRect() };
  }

  function setupRecordPage() {
    var form = document.getElementById("record-form");
    if (!form) { return; }
    var tools = document.getElementById("sel-tools");
    var pending = null;
    var editable = !form.classList.contains("readonly");

    document.addEventListener("click", function (ev) {
      var target = ev.target;
      if (target.closest && target.closest(".show-ev")) {
        showEvidence(target.closest(".show-ev").dataset.target);
        return;
      }
      var mark = target.closest && target.closest("mark.ev");
      if (mark && window.getSelection().isCollapsed) {
        showField((mark.dataset.fields || "").split(" ")[0]);
        return;
      }
      var add = target.closest && target.closest(".add-row");
      if (add) { addRow(add.dataset.list, {}, null); return; }
      var choice = target.closest && target.closest("[data-add]");
      if (choice && pending) {
        var list = choice.dataset.add;
        var key = list === "participants" ? "name" : "unit";
        var values = {};
        values[key] = pending.text;
        addRow(list, values, [pending.start, pending.end]);
        tools.hidden = true;
        pending = null;
      }
    });

    document.getElementById("doc-text").addEventListener("mouseup", function () {
      if (!editable) { return; }
      window.setTimeout(function () {
        pending = selectionSpan();
        if (!pending) { tools.hidden = true; return; }
        var pane = tools.parentElement.getBoundingClientRect();
        tools.style.left = Math.max(0, pending.rect.left - pane.left) + "px";
        tools.style.top = (pending.rect.bottom - pane.top + 6) + "px";
        tools.hidden = false;
      }, 0);
    });

    document.addEventListener("keydown", function (ev) {
      var typing = /^(INPUT|SELECT|TEXTAREA)$/.test((ev.target.tagName || "")) || ev.target.isContentEditable;
      if ((ev.ctrlKey || ev.metaKey) && (ev.key === "s" || ev.key === "S")) {
        ev.preventDefault();
        if (editable) { document.getElementById("save-btn").click(); }
        return;
      }
      if ((ev.ctrlKey || ev.metaKey) && ev.key === "Enter") {
        ev.preventDefault();
        if (editable) { document.getElementById("save-next-btn").click(); }
        return;
      }
      if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
      var link = ev.key === "j" ? document.getElementById("next-link") : ev.key === "k" ? document.getElementById("prev-link") : null;
      if (link) { ev.preventDefault(); window.location.href = link.href; }
      if (ev.key === "Escape") { tools.hidden = true; clearActive(); }
    });

    form.addEventListener("change", function (ev) {
      if (ev.target.name && /-remove$/.test(ev.target.name)) {
        ev.target.closest("tr").classList.toggle("removed", ev.target.checked);
      }
    });
  }

  function setupQueuePage() {
    if (!document.body.classList.contains("queue-page")) { return; }
    var links = Array.prototype.slice.call(document.querySelectorAll("table.queue a.open"));
    var at = -1;
    document.addEventListener("keydown", function (ev) {
      if (/^(INPUT|SELECT|TEXTAREA)$/.test(ev.target.tagName || "") || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
      if (ev.key === "j" || ev.key === "k") {
        at = Math.max(0, Math.min(links.length - 1, at + (ev.key === "j" ? 1 : -1)));
        if (links[at]) { links[at].focus(); }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupRecordPage();
    setupQueuePage();
  });
})();
