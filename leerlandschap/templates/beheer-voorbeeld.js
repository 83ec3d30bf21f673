  /* The preview of a meeting and of a praktijk (included in beheer.js): the page as the site will show it, with
     the site's own stylesheet, headings and facts. The words come from the real page templates at build time
     (leerlandschap/cms_preview.py); the form's values are shown as text (React escapes them), choices from a
     list through Sveltia's own field previews (widgetFor). Markdown is shown by `markdown` below, never by
     Sveltia's preview: that one loads an image from another host as soon as its address is typed, and the
     site shows such an image as its alt text (render.py). Every other form gets `fields`: each filled field
     under its label, Markdown the same way. What depends on other items (agreements of earlier meetings, the
     tafel's other pages) is not shown. */
  var WORDS = {{ preview_words | tojson }};

  function registerPreviews(CMS) {
    var h = window.h;

    function plain(entry) {
      var data = entry && entry.getIn ? entry.getIn(["data"]) : null;
      return data && data.toJS ? data.toJS() : (data || {});
    }

    function longDate(value) {
      var parts = ISO_DATE.exec(String(value || ""));
      return parts ? (+parts[3]) + " " + MONTHS[+parts[2] - 1] + " " + parts[1] : showDate(value);
    }

    function filled(value) {
      return Array.isArray(value) ? value.some(filled) : value !== undefined && value !== null && String(value).trim() !== "";
    }

    function section(id, words, body) {
      return [h("h2", { id: id, key: id + "-kop" }, words.koppen[id]), h("div", { key: id }, body)];
    }

    function facts(words, rows) {
      var items = [];
      rows.forEach(function (row) {
        if (!row[1]) { return; }
        items.push(h("dt", { key: row[0] + "-dt" }, words.feiten[row[0]]), h("dd", { key: row[0] + "-dd" }, row[1]));
      });
      return h("dl", { className: "ll-feiten" }, items);
    }

    function list(values) {
      return h("ul", null, values.filter(filled).map(function (value, i) { return h("li", { key: i }, String(value)); }));
    }

    // Markdown as text elements: paragraphs, headings, lists, quotes; bold, italic, code and links inline. An
    // image is its alt text, a link goes only to a page of the web (http, https), an address or this site.
    var INLINE = /\\([!-\/:-@[-`{-~])|!\[([^\]]*)\]\([^)]*\)|\[([^\]]+)\]\(\s*([^)\s]*)[^)]*\)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|\b_([^_]+)_\b|`([^`]+)`/g;
    var LINK = /^(https?:|mailto:|[^:]*$)/i;

    function inline(text) {
      var out = [], last = 0, m, n = 0;
      INLINE.lastIndex = 0;
      while ((m = INLINE.exec(text))) {
        if (m.index > last) { out.push(text.slice(last, m.index)); }
        var key = "i" + n++;
        if (m[1] !== undefined) { out.push(m[1]); }  // an escaped character: as written ("\\*" is "*")
        else if (m[2] !== undefined) { out.push(m[2]); }
        else if (m[3] !== undefined) { out.push(LINK.test(m[4]) ? h("a", { key: key, href: m[4] }, m[3]) : m[3]); }
        else if (m[5] || m[6]) { out.push(h("strong", { key: key }, m[5] || m[6])); }
        else if (m[7] || m[8]) { out.push(h("em", { key: key }, m[7] || m[8])); }
        else { out.push(h("code", { key: key }, m[9])); }
        last = INLINE.lastIndex;
      }
      out.push(text.slice(last));
      return out;
    }

    function markdown(value) {
      var blocks = String(value || "").replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/);
      return h("div", { className: "ll-prose" }, blocks.filter(function (b) { return b.trim(); }).map(function (block, i) {
        var lines = block.split("\n").filter(function (l) { return l.trim(); }), heading = /^(#{1,6})\s+(.*)$/.exec(block.trim());
        var item = function (pattern) { return lines.every(function (l) { return pattern.test(l); }); };
        if (heading && lines.length === 1) { return h("h" + Math.min(6, Math.max(2, heading[1].length)), { key: i }, inline(heading[2])); }
        if (item(/^\s*[-*+]\s+/) || item(/^\s*\d+[.)]\s+/)) {
          return h(/^\s*\d/.test(lines[0]) ? "ol" : "ul", { key: i }, lines.map(function (l, j) {
            return h("li", { key: j }, inline(l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "")));
          }));
        }
        if (item(/^\s*>/)) { return h("blockquote", { key: i }, h("p", null, inline(lines.map(function (l) { return l.replace(/^\s*>\s?/, ""); }).join(" ")))); }
        return h("p", { key: i }, inline(lines.join(" ")));
      }));
    }

    function notice() {
      return h("p", { className: "ll-voorbeeld-label", role: "note" },
        "Zo ziet de pagina eruit na controle. Wat uit andere pagina's komt, zie je hier nog niet.");
    }

    // The line naming the source, as at the bottom of the page (the source's title, from Sveltia's field preview).
    function sourceLine(d, w) {
      return filled(d.bron) ? h("p", { className: "ll-bron", key: "bron" }, WORDS.bron, w("bron")) : null;
    }

    function page(kind, children) {
      return h("div", { className: "md-typeset" }, h("article", { className: "ll-item ll-" + kind }, children));
    }

    function meeting(tafel) {
      var words = WORDS.bijeenkomst;
      return function (props) {
        var d = plain(props.entry), o = d.opbrengst || {}, w = props.widgetFor;
        var when = filled(d.datum) ? longDate(d.datum) + (filled(d.tijd) ? ", " + d.tijd + " uur" : "") : "";
        var agreements = (o.afspraken || []).filter(function (a) { return a && filled(a.tekst); });
        return page("bijeenkomst", [
          notice(),
          h("p", { className: "ll-kicker", key: "k" }, tafel + " · " + words.soort),
          h("h1", { key: "t" }, filled(d.titel) ? d.titel : WORDS.titel_bijeenkomst + longDate(d.datum)),
          facts(words, [["datum", when], ["locatie", d.locatie], ["fase", d.fase],
                        ["deelnemers", filled(d.deelnemers) ? w("deelnemers") : ""]]),
          filled(o.inzichten) ? section("inzichten", words, list(o.inzichten)) : null,
          agreements.length ? section("afspraken", words, h("ul", null, agreements.map(function (a, i) {
            return h("li", { key: i }, a.tekst, filled(a.status) ? h("span", { className: "ll-meta" }, " (" + a.status + ")") : null);
          }))) : null,
          filled(o.vervolgacties) ? section("vervolg", words, list(o.vervolgacties)) : null,
          filled(d.verslag) ? section("verslag", words, markdown(d.verslag)) : null,
          filled(o.bouwstenen) ? section("bouwstenen", words, w("opbrengst.bouwstenen")) : null,
          sourceLine(d, w)
        ]);
      };
    }

    function praktijk(props) {
      var words = WORDS.praktijk;
      var d = plain(props.entry), w = props.widgetFor;
      return page("praktijk", [
        notice(),
        h("p", { className: "ll-kicker", key: "k" }, words.soort),
        h("h1", { key: "t" }, d.titel || ""),
        filled(d.samenvatting) ? h("p", { className: "ll-lead", key: "s" }, d.samenvatting) : null,
        facts(words, [["status", d.status], ["periode", d.periode],
                      ["organisaties", filled(d.organisaties) ? d.organisaties.filter(filled).join(", ") : ""],
                      ["contact_rol", filled(d.contact_rol) ? w("contact_rol") : ""], ["datum", filled(d.datum) ? longDate(d.datum) : ""]]),
        filled(d.beschrijving) ? h("div", { key: "b" }, markdown(d.beschrijving)) : null,
        filled(d.geleerd) ? section("geleerd", words, list(d.geleerd)) : null,
        filled(d.bouwstenen) ? section("bouwstenen", words, w("bouwstenen")) : null,
        sourceLine(d, w)
      ]);
    }

    // Any other form: its filled fields in order, each under its label ([name, label, is Markdown]).
    function fields(list) {
      return function (props) {
        var d = plain(props.entry), w = props.widgetFor;
        return h("div", { className: "md-typeset" }, list.filter(function (f) { return filled(d[f[0]]); }).map(function (f) {
          return h("section", { key: f[0] }, h("h3", null, f[1]), f[2] ? markdown(d[f[0]]) : h("div", null, w(f[0])));
        }));
      };
    }

    Object.keys(WORDS.vergaderverslagen).forEach(function (name) { CMS.registerPreviewTemplate(name, meeting(WORDS.vergaderverslagen[name])); });
    CMS.registerPreviewTemplate(WORDS.praktijkformulier, praktijk);
    Object.keys(WORDS.velden).forEach(function (name) { CMS.registerPreviewTemplate(name, fields(WORDS.velden[name])); });
  }
