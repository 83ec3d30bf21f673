  /* What the editing page does before Sveltia writes a file (its preSave event; included in beheer.js). The
     checker (make check) has rules the form cannot express; a file that breaks one stops the build, and the
     coordinator's meeting never reaches the site. RULES comes from leerlandschap/cms_rules.py, which takes each
     rule from the checker's own definition. A preSave handler that returns data has Sveltia write that data; one
     that throws stops the save, and Sveltia shows the `cause`'s message of a "saving_failed" error in its dialog. */
  var RULES = {{ save_rules | tojson }};
  var BREAK = new RegExp(RULES.breaks, "gu");
  var FORBIDDEN = new RegExp(RULES.forbidden, "gu");
  var DIRECTION = new RegExp(RULES.direction, "gu");
  var ONE_LINE = new RegExp(RULES.one_line, "gu");
  var INVISIBLE = new RegExp("^" + RULES.invisible + "$", "u");
  var ATTACHED = new RegExp("^" + RULES.attached + "$", "u");

  // Text pasted from Word, a PDF or Outlook brings characters a coordinator cannot see: tabs ("·<tab>Warme
  // overdracht"), the vertical tab of Word's line break, the form feed of a PDF's page break, NEL, U+2028 and
  // U+2029, a byte order mark, and the marks Outlook puts around a phone number (U+202A ... U+202C) that turn the
  // text's direction. The checker refuses each. So the editor never writes one: in a longer text (a Markdown field)
  // each line break becomes a line break and a tab at the start of a line four spaces (Markdown's indent, so a
  // nested list stays nested); in a one-line text (a title, an insight) a line break or tab becomes a space. Every
  // other refused character is taken out. Sveltia has trimmed the values already, so a one-line text is trimmed again,
  // of everything that shows nothing (textcheck.invisible); a text of nothing else is left out.
  function clean(text, multiline) {
    if (multiline) {
      text = text.replace(/\r\n/g, "\n").replace(BREAK, "\n")
        .replace(/^\t+/gm, function (tabs) { return "    ".repeat(tabs.length); }).replace(/\t/g, " ");
    } else {
      text = text.replace(BREAK, " ").replace(/\t/g, " ");
    }
    text = text.replace(FORBIDDEN, "").replace(DIRECTION, "");
    var chars = Array.from(multiline ? text : text.replace(ONE_LINE, ""));
    if (chars.every(function (char) { return INVISIBLE.test(char); })) { return ""; } // nothing to read: left out
    if (multiline) { return text; }
    // A one-line text neither starts nor ends with what shows nothing (a zero-width space copied from a web page);
    // a mark that belongs to the character before it (the end of "❤️") may end it.
    while (INVISIBLE.test(chars[0])) { chars.shift(); }
    while (INVISIBLE.test(chars[chars.length - 1]) && !ATTACHED.test(chars[chars.length - 1])) { chars.pop(); }
    return chars.join("");
  }

  function uncleanPaths(value, path, multiline, found) {
    if (typeof value === "string") {
      if (clean(value, multiline.indexOf(path[0]) >= 0) !== value) { found.push(path); }
    } else if (value && typeof value === "object") {
      Object.keys(value).forEach(function (key) {
        uncleanPaths(value[key], path.concat(Array.isArray(value) ? Number(key) : key), multiline, found);
      });
    }
    return found;
  }

  function registerClean(CMS) {
    CMS.registerEventListener({ name: "preSave", handler: function (args) {
      var data = args.entry.get("data");
      var multiline = RULES.multiline[args.entry.get("collection")] || [];
      var paths = uncleanPaths(data.toJS(), [], multiline, []);
      // Last first: a text that was nothing but such characters is left out, and a list's later items keep their place.
      paths.reverse().forEach(function (path) {
        var text = clean(data.getIn(path), multiline.indexOf(path[0]) >= 0);
        data = text ? data.setIn(path, text) : data.deleteIn(path);
      });
      var found = misreadTexts(data.toJS(), [], args.entry.get("collection"), multiline, []);
      if (found.length) { refuse(found.join(" ")); }
      return paths.length ? data : undefined; // Sveltia writes returned data (an Immutable Map, like the one it gave)
    } });
  }

  // What a feed reader makes of a one-line text it takes for UTF-8 read as Latin-1 ("CafÃ©" -> "Café"), as the
  // checker's textcheck.mojibake; "" when no reader would change it.
  function repaired(text) {
    if (!/[^\u0000-\u007f]/.test(text) || /[^\u0000-\u00ff]/.test(text)) { return ""; }
    try {
      var bytes = Uint8Array.from(text, function (char) { return char.charCodeAt(0); });
      var fixed = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      return fixed !== text ? fixed : "";
    } catch (error) {
      return "";
    }
  }

  // One-line texts a feed reader or a calendar would read as something else, and Markdown texts of more lines than
  // the checker takes: the checker's words, after the field's label ("Locatie: In deze tekst staat \N. ...",
  // "Inzichten 2: ...", "Verslag: Deze tekst heeft 812 regels. ...").
  function misreadTexts(value, path, collection, multiline, found) {
    if (typeof value === "string") {
      var fixed = multiline.indexOf(path[0]) < 0 && repaired(value), lines = value.split(/\r\n|[\n\r]/).length;
      var message = multiline.indexOf(path[0]) >= 0 ?
        (lines > RULES.lines[0] ? RULES.lines[1].replace("{lines}", lines).replace("{most}", RULES.lines[0]) : "") :
        fixed ? RULES.mojibake.replace("{fixed}", Array.from(fixed).slice(0, 60).join("")) :
        value.indexOf(RULES.calendar_break[0]) >= 0 ? RULES.calendar_break[1] : "";
      if (message) {
        var names = path.filter(function (key) { return typeof key === "string"; }).join(".");
        var index = path.filter(function (key) { return typeof key === "number"; }).pop();
        var label = ((RULES.labels[collection] || {})[names] || names) + (index === undefined ? "" : " " + (index + 1));
        found.push(label + ": " + message);
      }
    } else if (value && typeof value === "object") {
      Object.keys(value).forEach(function (key) {
        misreadTexts(value[key], path.concat(Array.isArray(value) ? Number(key) : key), collection, multiline, found);
      });
    }
    return found;
  }

  function refuse(message) {
    throw new Error("saving_failed", { cause: new Error(message) });
  }

  function numbered(word, numbers) { // ("afspraak", [1, 2, 3]) -> "Afspraak 1, 2 en 3"; ("vraag", [2]) -> "Vraag 2"
    var name = word.charAt(0).toUpperCase() + word.slice(1), last = numbers[numbers.length - 1];
    return name + " " + (numbers.length > 1 ? numbers.slice(0, -1).join(", ") + " en " + last : last);
  }

  // The checker refuses a new agreement without its text or owner; an update of an earlier one (the same short name,
  // a new status) may leave both out. Whether a short name is an earlier one the form cannot know, but an agreement
  // without a short name is always new: refuse to save it incomplete, before anything is written.
  function incompleteAgreements(data) {
    var list = (data.opbrengst && data.opbrengst.afspraken) || [];
    var numbers = [];
    list.forEach(function (afspraak, index) {
      if (afspraak && !afspraak.id && !(afspraak.tekst && afspraak.eigenaar)) { numbers.push(index + 1); }
    });
    return numbers;
  }

  function registerAgreementCheck(CMS) {
    CMS.registerEventListener({ name: "preSave", handler: function (args) {
      if (!/^bijeenkomsten-/.test(args.entry.get("collection") || "")) { return undefined; }
      var numbers = incompleteAgreements(args.entry.get("data").toJS());
      if (!numbers.length) { return undefined; }
      var which = numbers.length === 1 ? "Afspraak " + numbers[0] + " is" :
        "De afspraken " + numbers.slice(0, -1).join(", ") + " en " + numbers[numbers.length - 1] + " zijn";
      refuse(which + " nog niet compleet: vul de tekst en de eigenaar in. " +
        "Werk je een afspraak uit een eerdere bijeenkomst bij? Vul dan de korte naam van toen in. " +
        "Dan mogen de tekst en de eigenaar leeg blijven.");
    } });
  }

  // The checker refuses a short name twice in one list (two agreements of one meeting, two questions of one
  // bouwsteen): the site could not tell them apart. Say which items share one, before anything is written. Also a
  // short name the site uses itself (a question named 'index' would replace the bouwsteen's page), with the reason.
  function sameNames(data) {
    var found = [];
    RULES.unique.forEach(function (rule) {
      var list = rule.path.reduce(function (value, key) { return value && value[key]; }, data);
      var seen = {};
      (Array.isArray(list) ? list : []).forEach(function (item, index) {
        var id = item && item.id;
        if (typeof id !== "string" || !id) { return; }
        (seen[id] = seen[id] || []).push(index + 1);
        if (rule.reserved.indexOf(id) >= 0) {
          found.push(numbered(rule.word, [index + 1]) + " heeft de korte naam '" + id + "'. " +
            rule.why.charAt(0).toUpperCase() + rule.why.slice(1) + ". Kies een andere korte naam.");
        }
      });
      Object.keys(seen).forEach(function (id) {
        if (seen[id].length > 1) {
          found.push(numbered(rule.word, seen[id]) + " hebben dezelfde korte naam: '" + id + "'. Geef elke " +
            rule.word + " een eigen, andere korte naam.");
        }
      });
    });
    return found;
  }

  // The checker refuses an addition's question with the short name of a question the bouwsteen has itself (the file
  // name of an addition is its bouwsteen's id); the same words, with the question's number.
  function takenNames(collection, slug, data) {
    var taken = collection === RULES.taken.collection ? RULES.taken.questions[slug] || [] : [];
    return (Array.isArray(data.reflectievragen) ? data.reflectievragen : []).map(function (vraag, index) {
      return vraag && taken.indexOf(vraag.id) >= 0 ? numbered("vraag", [index + 1]) + ": " +
        RULES.taken.message.replace("{bouwsteen}", slug).replace("{id}", vraag.id) : "";
    }).filter(Boolean);
  }

  function registerUniqueNames(CMS) {
    CMS.registerEventListener({ name: "preSave", handler: function (args) {
      var data = args.entry.get("data").toJS();
      var found = sameNames(data).concat(takenNames(args.entry.get("collection"), String(args.entry.get("slug") || ""), data));
      if (found.length) { refuse(found.join(" ")); }
      return undefined;
    } });
  }

  // The checker refuses a meeting that ends before it starts ("15:00-13:00") and a tafel whose end date lies before
  // its start date. The same rules, with the checker's words (RULES.in_order), before anything is written.
  function outOfOrder(collection, data) {
    return (RULES.in_order[collection] || []).map(function (rule) {
      var start, end;
      if (rule.time) {
        var times = typeof data[rule.time] === "string" ? data[rule.time].split("-") : [];
        if (times.length !== 2 || times[1] > times[0]) { return ""; } // HH:MM: text order is time order
        start = times[0]; end = times[1];
      } else {
        start = data[rule.dates[0]]; end = data[rule.dates[1]];
        if (typeof start !== "string" || typeof end !== "string" || !(end < start)) { return ""; } // JJJJ-MM-DD
        start = showDate(start); end = showDate(end);
      }
      return rule.message.replace("{start}", start).replace("{end}", end);
    }).filter(Boolean);
  }

  function registerOrderCheck(CMS) {
    CMS.registerEventListener({ name: "preSave", handler: function (args) {
      var found = outOfOrder(args.entry.get("collection"), args.entry.get("data").toJS());
      if (found.length) { refuse(found.join(" ")); }
      return undefined;
    } });
  }

  // A new item's file name, made by Sveltia from its title (the entry's slug): the name the checker accepts
  // (RULES.file_names). Sveltia checks that only where the name is typed; a praktijk titled "Nul" became nul.yml.
  function registerFileNameCheck(CMS) {
    CMS.registerEventListener({ name: "preSave", handler: function (args) {
      var rule = RULES.file_names[args.entry.get("collection")];
      var slug = args.entry.get("slug");
      if (rule && args.entry.get("newRecord") && !new RegExp(rule.pattern).test(String(slug || ""))) {
        refuse(rule.message.replace("{slug}", String(slug || "")));
      }
      return undefined;
    } });
  }
