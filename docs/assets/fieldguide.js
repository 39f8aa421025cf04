/* Field Guide: the matrix's framework filter and the decision wizard.
   No dependencies, no network: the wizard's data is embedded in its page by the build
   (fieldguide/compare_render.py computes every scored line; this file only adds them up).
   State lives in the address: ?fw=django,flask for the matrix, ?output=api&admin=yes... for
   the wizard, so a view can be shared and is restored on load. */
(function () {
  "use strict";

  function setQuery(params) {
    var query = params.toString().replace(/%2C/g, ",");
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  /* --- matrix filter --- */
  function initFilter(form) {
    var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="fw"]'));
    var known = boxes.map(function (box) { return box.value; });

    function fromUrl() {
      var wanted = [];
      new URLSearchParams(location.search).getAll("fw").forEach(function (value) {
        value.split(",").forEach(function (id) {
          if (known.indexOf(id) !== -1 && wanted.indexOf(id) === -1) { wanted.push(id); }
        });
      });
      return wanted.length ? wanted : known.slice();
    }

    function apply(shown) {
      boxes.forEach(function (box) {
        var on = shown.indexOf(box.value) !== -1;
        if (box.checked !== on) { box.checked = on; }
      });
      /* Touch only cells whose state changes: on load every framework is usually shown, and
         writing `hidden` on each of the matrix's cells cost a long task (style and layout). */
      document.querySelectorAll(".fg-matrix [data-fw]").forEach(function (el) {
        var hide = shown.indexOf(el.getAttribute("data-fw")) === -1;
        if (el.hidden !== hide) { el.hidden = hide; }
      });
    }

    function update() {
      var shown = boxes.filter(function (box) { return box.checked; })
        .map(function (box) { return box.value; });
      if (!shown.length) { shown = known.slice(); }
      var params = new URLSearchParams(location.search);
      params.delete("fw");
      if (shown.length !== known.length) { params.set("fw", shown.join(",")); }
      setQuery(params);
      apply(shown);
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    apply(fromUrl());
  }

  /* --- decision wizard --- */
  function initWizard(form) {
    var data = JSON.parse(document.getElementById("fg-wizard-data").textContent);
    var base = form.getAttribute("data-base") || "";
    var result = document.querySelector("[data-fg-result]");

    function answers() {
      var chosen = {};
      data.questions.forEach(function (q) {
        var input = form.querySelector('input[name="' + q.id + '"]:checked');
        if (input && q.options[input.value]) { chosen[q.id] = input.value; }
      });
      return chosen;
    }

    function el(tag, text, className) {
      var node = document.createElement(tag);
      if (text) { node.textContent = text; }
      if (className) { node.className = className; }
      return node;
    }

    /* The same rule as fieldguide/scores.py: per framework and row, the line with the largest
       weight counts (the first of equal weights); the others are listed as counted once. */
    function render(chosen) {
      var scores = {};
      data.frameworks.forEach(function (f) { scores[f.id] = { f: f, total: 0, lines: [] }; });
      var chosenLines = [];
      var best = {};
      data.questions.forEach(function (q) {
        (q.options[chosen[q.id]] || []).forEach(function (line) {
          var key = line.fw + " " + line.row;
          if (!best[key] || line.weight > best[key].weight) { best[key] = line; }
          chosenLines.push(line);
        });
      });
      chosenLines.forEach(function (line) {
        var counts = best[line.fw + " " + line.row] === line;
        if (counts) { scores[line.fw].total += line.points; }
        scores[line.fw].lines.push({ line: line, counts: counts });
      });
      var ranked = Object.keys(scores).map(function (id) { return scores[id]; });
      ranked.sort(function (a, b) { return b.total - a.total || a.f.order - b.f.order; });

      result.textContent = "";
      result.appendChild(el("h2", "Ranking", null)).id = "ranking";
      data.situations.forEach(function (s) {
        var same = data.questions.every(function (q) { return s.answers[q.id] === chosen[q.id]; });
        if (!same) { return; }
        var note = el("p", "These are the answers of the guide's situation ", "fg-rank-situation");
        var link = el("a", s.title, null);
        link.href = base + s.href;
        note.appendChild(link);
        note.appendChild(document.createTextNode(
          ": it picks " + s.pick + ", runner-up " + s.runner_up + ", and says why."));
        result.appendChild(note);
      });
      var list = el("ol", null, "fg-ranking");
      ranked.forEach(function (entry) {
        var above = ranked.filter(function (o) { return o.total > entry.total; }).length;
        var tied = ranked.filter(function (o) { return o.total === entry.total; }).length > 1;
        var item = el("li", null, null);
        item.value = above + 1;
        item.setAttribute("data-fw", entry.f.id);
        var head = el("h3", null, null);
        head.appendChild(el("span", entry.f.name, "fg-rank-name"));
        head.appendChild(document.createTextNode(" "));
        head.appendChild(el("span", entry.total + " points", "fg-rank-score"));
        if (tied) {
          head.appendChild(document.createTextNode(" "));
          head.appendChild(el("span", "tied", "fg-rank-tie"));
        }
        item.appendChild(head);
        var lines = el("ul", null, null);
        entry.lines.forEach(function (shown) {
          var li = el("li", null, shown.counts ? null : "fg-rank-once");
          li.appendChild(el("strong", "+" + (shown.counts ? shown.line.points : 0), null));
          li.appendChild(document.createTextNode(" "));
          var link = el("a", shown.line.text, null);
          link.href = base + shown.line.href;
          li.appendChild(link);
          if (!shown.counts) {
            li.appendChild(document.createTextNode(" Not added again: another answer weights this row as much or more."));
          }
          lines.appendChild(li);
        });
        if (!entry.lines.length) { lines.appendChild(el("li", "No answer scored rows yet.", null)); }
        item.appendChild(lines);
        list.appendChild(item);
      });
      result.appendChild(list);
    }

    function submit(event) {
      if (event) { event.preventDefault(); }
      var chosen = answers();
      var params = new URLSearchParams(location.search);
      Object.keys(chosen).forEach(function (id) { params.set(id, chosen[id]); });
      setQuery(params);
      render(chosen);
    }

    form.addEventListener("submit", submit);
    var params = new URLSearchParams(location.search);
    var restored = false;
    data.questions.forEach(function (q) {
      var value = params.get(q.id);
      if (value !== null && q.options[value]) {
        var input = form.querySelector('input[name="' + q.id + '"][value="' + value + '"]');
        if (input) { input.checked = true; restored = true; }
      }
    });
    if (restored) { render(answers()); }
  }

  /* Material wraps each code block's copy button in its own unlabelled <nav>: several
     landmarks with the same name (axe landmark-unique). Name each one once the page has loaded
     (Material adds them while it starts; a MutationObserver here cost a long task). */
  function labelCodeNavs() {
    document.querySelectorAll("nav.md-code__nav:not([aria-label])").forEach(function (nav, i) {
      nav.setAttribute("aria-label", "Code block " + (i + 1) + " actions");
    });
  }

  function init() {
    document.querySelectorAll("[data-fg-filter]").forEach(initFilter);
    document.querySelectorAll("[data-fg-wizard]").forEach(initWizard);
    if (document.readyState === "complete") {
      labelCodeNavs();
    } else {
      window.addEventListener("load", labelCodeNavs);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
