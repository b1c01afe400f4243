/* Navigation and filters for reconcile's report. The page reads without this script: it only
   adds the reader's one-or-two sources view, jumps between cards and marks, and the filters,
   whose state lives in the URL fragment so that a link shows a colleague the same view. */
(function () {
  "use strict";
  var doc = document;
  doc.documentElement.classList.add("js");
  function all(selector, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(selector)); }
  var FILTER = "filter?";

  function show(source) {
    var reader = source.closest(".reader");
    all(".source", reader).forEach(function (s) { s.classList.toggle("current", s === source); });
    all(".tabs button", reader).forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-show") === source.id));
    });
  }

  function pin(source) {
    var reader = source.closest(".reader");
    var on = !source.classList.contains("pinned");
    all(".source.pinned", reader).forEach(function (s) {
      s.classList.remove("pinned");
      s.querySelector(".pin").setAttribute("aria-pressed", "false");
    });
    source.classList.toggle("pinned", on);
    source.querySelector(".pin").setAttribute("aria-pressed", String(on));
    if (on && source.classList.contains("current")) {
      // The other half of the pair: the next source along, so that two stand side by side.
      var sources = all(".source", reader);
      var next = sources[(sources.indexOf(source) + 1) % sources.length];
      if (next !== source) { show(next); }
    }
  }

  function reveal(element) {
    for (var d = element.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      d.open = true;
    }
    var card = element.closest(".card");
    if (card && card.hidden) { clearFilters(); }
    var source = element.closest(".source");
    if (source && !source.classList.contains("current") && !source.classList.contains("pinned")) { show(source); }
  }

  function go(id) {
    var target = doc.getElementById(id);
    if (!target) { return false; }
    reveal(target);
    all(".active").forEach(function (e) { e.classList.remove("active"); });
    var marks = target.classList.contains("anchor") ? all('[data-c~="' + id + '"]', target.closest(".source")) : [target];
    if (!marks.length) { marks = [target]; }
    marks.forEach(function (m) { m.classList.add("active"); });
    var first = marks[0];
    first.scrollIntoView({ block: "center", inline: "nearest" });
    if (first.focus) { first.focus({ preventScroll: true }); }
    return true;
  }

  doc.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-show], button[data-pin]");
    if (button) {
      var source = doc.getElementById(button.getAttribute("data-show") || button.getAttribute("data-pin"));
      if (button.hasAttribute("data-pin")) { pin(source); } else { show(source); }
      return;
    }
    var link = event.target.closest("a[href^='#']");
    if (!link) { return; }
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    if (id && id.indexOf(FILTER) !== 0 && go(id)) { event.preventDefault(); }
  });

  // Filters: verdict, kind, flag, outlet and words of the card, kept in the URL fragment.
  var forms = all("form.filters");
  function state() {
    var params = new URLSearchParams();
    forms.forEach(function (form) {
      all("input[name=verdict]:checked", form).forEach(function (box) { params.append("verdict", box.value); });
      ["kind", "flag", "outlet", "q"].forEach(function (name) {
        var value = form.elements[name].value.trim();
        if (value) { params.set(name, value); }
      });
    });
    return params;
  }

  function apply(params) {
    var verdicts = params.getAll("verdict");
    var kind = params.get("kind"), flag = params.get("flag"), outlet = params.get("outlet");
    var words = (params.get("q") || "").toLowerCase();
    var filtering = Array.from(params.keys()).length > 0;
    var shown = 0, cards = all(".card");
    cards.forEach(function (card) {
      var ok = (!verdicts.length || verdicts.indexOf(card.getAttribute("data-verdict")) >= 0)
        && (!kind || card.getAttribute("data-kind") === kind)
        && (!flag || card.getAttribute("data-flags").split(" ").indexOf(flag) >= 0)
        && (!outlet || card.getAttribute("data-outlets").split("|").indexOf(outlet) >= 0)
        && (!words || card.textContent.toLowerCase().indexOf(words) >= 0);
      card.hidden = !ok;
      if (ok) { shown += 1; }
    });
    all("[data-section]").forEach(function (section) {
      var visible = all(".card", section).filter(function (c) { return !c.hidden; }).length;
      var count = section.querySelector(".count");
      var total = all(".card", section).length;
      count.textContent = filtering ? "(" + visible + " of " + total + ")" : "(" + total + ")";
      section.hidden = filtering && visible === 0;
      // Filtering opens the sections it finds cards in; clearing folds them as they first were.
      section.open = filtering ? visible > 0 || section.open : section.hasAttribute("data-open");
    });
    forms.forEach(function (form) {
      form.querySelector(".shown").textContent = filtering ? shown + " of " + cards.length + " groups shown" : "";
    });
  }

  function load(params) {
    forms.forEach(function (form) {
      all("input[name=verdict]", form).forEach(function (box) {
        box.checked = params.getAll("verdict").indexOf(box.value) >= 0;
      });
      ["kind", "flag", "outlet", "q"].forEach(function (name) { form.elements[name].value = params.get(name) || ""; });
    });
    apply(params);
  }

  function changed() {
    var params = state();
    var text = params.toString();
    history.replaceState(null, "", text ? "#" + FILTER + text : location.pathname + location.search);
    apply(params);
  }

  function clearFilters() { load(new URLSearchParams()); changed(); }

  function fromHash() {
    var hash = location.hash.slice(1);
    if (hash.indexOf(FILTER) === 0) { load(new URLSearchParams(hash.slice(FILTER.length))); return; }
    if (hash) { go(decodeURIComponent(hash)); }
  }

  forms.forEach(function (form) {
    form.hidden = false;
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(clearFilters, 0); });
  });
  all(".reader").forEach(function (reader) {
    var first = reader.querySelector(".source");
    if (first) { show(first); }
  });
  window.addEventListener("hashchange", fromHash);
  window.addEventListener("beforeprint", function () { all("details").forEach(function (d) { d.open = true; }); });
  fromHash();
}());
