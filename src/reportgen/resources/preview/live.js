// reportgen serve: the preview follows the project as files are saved (server-sent events), a build
// error shows over the last good preview, the checks' findings are listed in a side panel, each
// linking to its place. No framework: the page is reportgen's HTML preview, this script added.
(function () {
  "use strict";
  var shown = Number(document.querySelector('meta[name="reportgen-preview"]').content);
  var ui = document.createElement("div");
  ui.id = "rg-ui";
  ui.innerHTML =
    '<div id="rg-bar"><span id="rg-state">connecting…</span>' +
    '<a id="rg-pdf" target="_blank" rel="noopener">PDF</a>' +
    '<a id="rg-board" href="/status" target="_blank" rel="noopener">Status</a>' +
    '<button id="rg-toggle" type="button" aria-controls="rg-panel">Findings</button></div>' +
    '<aside id="rg-panel"><h2>Findings</h2><p id="rg-summary"></p><ol id="rg-findings"></ol></aside>' +
    '<div id="rg-overlay" hidden role="alert"><div id="rg-box"><h2>The last save did not build</h2>' +
    '<pre id="rg-errors"></pre><p>The preview below is the last one that built. Mend the file and save: ' +
    'this goes away.</p><button id="rg-hide" type="button">Hide until the next save</button></div></div>';
  document.body.appendChild(ui);
  document.documentElement.classList.add("rg-open");
  var $ = function (id) { return document.getElementById(id); };
  $("rg-toggle").onclick = function () { document.documentElement.classList.toggle("rg-open"); };
  $("rg-hide").onclick = function () { $("rg-overlay").hidden = true; };
  var fetching = null;

  // The new preview replaces the old one in place: the scroll position stays.
  function refresh(version) {
    if (fetching !== null && fetching >= version) return;
    fetching = version;
    fetch("/_reportgen/preview.html?v=" + version, {cache: "no-store"})
      .then(function (response) { return response.text(); })
      .then(function (text) {
        if (version <= shown) return;
        var next = new DOMParser().parseFromString(text, "text/html");
        var x = window.scrollX, y = window.scrollY;
        document.head.querySelectorAll("style").forEach(function (s) { s.remove(); });
        next.head.querySelectorAll("style").forEach(function (s) {
          document.head.appendChild(document.importNode(s, true));
        });
        document.title = next.title;
        document.body.className = next.body.className;
        var nodes = Array.prototype.map.call(next.body.childNodes, function (n) {
          return document.importNode(n, true);
        });
        nodes.push(ui);
        document.body.replaceChildren.apply(document.body, nodes);
        window.scrollTo(x, y);
        shown = version;
        document.documentElement.dataset.preview = version;
      })
      .catch(function () { fetching = null; });
  }

  // The element a finding is about: the last one of its file that starts on or before its line.
  function place(path, line) {
    var best = null, bestLine = -1;
    document.querySelectorAll("[data-src]").forEach(function (el) {
      if (ui.contains(el)) return;
      var src = el.getAttribute("data-src"), cut = src.lastIndexOf(":");
      var file = cut > 0 ? src.slice(0, cut) : src, at = cut > 0 ? Number(src.slice(cut + 1)) : 0;
      if (file === path && at <= Math.max(line, 1) && at > bestLine) { best = el; bestLine = at; }
    });
    return best;
  }

  function go(path, line) {
    var el = place(path, line);
    if (!el) return;
    el.scrollIntoView({block: "center"});
    el.classList.add("rg-flash");
    setTimeout(function () { el.classList.remove("rg-flash"); }, 2000);
  }

  function findings(list) {
    var ol = $("rg-findings");
    ol.replaceChildren();
    list.forEach(function (f) {
      var li = document.createElement("li"), a = document.createElement("a");
      li.className = "rg-" + f.severity;
      a.href = "#";
      a.textContent = f.line ? f.path + ":" + f.line : f.path;
      a.onclick = function (event) { event.preventDefault(); go(f.path, f.line); };
      li.appendChild(a);
      li.appendChild(document.createTextNode(" " + f.severity + " " + f.rule + " " + f.message));
      ol.appendChild(li);
    });
  }

  function update(state) {
    $("rg-state").textContent = state.building ? "building…" :
      state.errors.length ? "the last save did not build" : "up to date " + state.built;
    $("rg-state").className = state.errors.length ? "rg-error" : "";
    $("rg-errors").textContent = state.errors.join("\n");
    if (!state.errors.length) $("rg-overlay").hidden = true;
    else if (state.errors_version > (update.errorsShown || 0)) $("rg-overlay").hidden = false;
    update.errorsShown = state.errors_version;
    $("rg-summary").textContent = state.summary;
    findings(state.findings);
    var pdf = $("rg-pdf");
    pdf.textContent = {off: "PDF (not built)", none: "PDF (not yet)", building: "PDF (building…)",
                       ready: "PDF (" + state.pdf.updated + ")", failed: "PDF (failed)"}[state.pdf.state];
    if (state.pdf.state === "ready") pdf.href = "/report.pdf?v=" + state.pdf.version;
    else pdf.removeAttribute("href");
    if (state.html_version > shown) refresh(state.html_version);
  }

  var source = new EventSource("/_reportgen/events");
  source.onmessage = function (event) { update(JSON.parse(event.data)); };
  source.onerror = function () { $("rg-state").textContent = "disconnected: is reportgen serve running?"; };
})();
