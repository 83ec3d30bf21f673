// A part of vragenset.js: the parts in docs/assets/vragenset/ are joined in name order into that one file when the
// site is built (one scope for all). This part: the "Mijn vragenset" page starts here (other pages stop):
// its elements, the text of a short link and reading a link.

  // --- The "Mijn vragenset" page --------------------------------------------------------------
  // Without a link the page shows the visitor's own set (localStorage) and saves every change.
  // With a link ("?code" or an old "?v=") it shows the set from that link, read-only: opening a link never changes
  // the visitor's own set; only "Bewaar bij mijn sets" or "Voeg toe aan mijn set" do (after a confirmation if work
  // would be lost).
  const page = document.getElementById("ll-mijnset");
  if (!page) return;
  const list = page.querySelector("#ll-mijnset-lijst");
  const titleInput = page.querySelector("#ll-mijnset-titel");
  const notice = page.querySelector("#ll-mijnset-melding");
  const empty = page.querySelector("#ll-mijnset-leeg");
  const shareInput = page.querySelector("#ll-mijnset-link");
  const tools = page.querySelector(".ll-settools");
  const clearButton = page.querySelector("#ll-mijnset-leegmaken");
  const copyButton = page.querySelector("#ll-mijnset-kopieer");
  const copied = page.querySelector("#ll-mijnset-gekopieerd");
  const printHeading = page.querySelector("#ll-mijnset-printkop");
  const message = page.querySelector("#ll-mijnset-bericht");
  const messageText = page.querySelector("#ll-mijnset-bericht-tekst");
  const undoButton = page.querySelector("#ll-mijnset-ongedaan");
  const method = page.querySelector("#ll-mijnset-werkwijze");
  const methodText = page.querySelector("#ll-mijnset-werkwijze-tekst");
  const methodSource = page.querySelector("#ll-mijnset-werkwijze-bron");
  const methodRemove = page.querySelector("#ll-mijnset-werkwijze-weg");
  const methodExample = page.querySelector("#ll-mijnset-werkwijze-voorbeeld");
  const setsBox = page.querySelector("#ll-mijnsets");
  const setsList = page.querySelector("#ll-mijnsets-lijst");
  const newSetButton = page.querySelector("#ll-mijnsets-nieuw");
  const finder = page.querySelector("#ll-mijnset-zoek");
  const finderInput = page.querySelector("#ll-mijnset-zoekveld");
  const finderBouwsteen = page.querySelector("#ll-mijnset-bouwsteen");
  const finderStatus = page.querySelector("#ll-mijnset-zoekstatus");
  const finderList = page.querySelector("#ll-mijnset-gevonden");

  // --- Text in a link: letters, digits and "-" as they are, "_" for a space, "~xx" per other UTF-8 byte.
  const encoder = new TextEncoder();
  function encodeText(text) {
    let out = "";
    for (const character of text) {
      if (/^[A-Za-z0-9-]$/.test(character)) out += character;
      else if (character === " ") out += "_";
      else for (const byte of encoder.encode(character)) out += "~" + byte.toString(16).padStart(2, "0");
    }
    return out;
  }
  function decodeText(code) {
    const bytes = [];
    for (let i = 0; i < code.length; i += 1) {
      const hex = code.slice(i + 1, i + 3);
      if (code[i] === "~" && /^[0-9a-fA-F]{2}$/.test(hex)) { bytes.push(parseInt(hex, 16)); i += 2; }
      else if (code[i] === "_") bytes.push(32);
      else bytes.push(...encoder.encode(code[i]));
    }
    return new TextDecoder().decode(new Uint8Array(bytes)).trim();
  }

  let known = table();
  let sets = table();
  let extras = table(); // code -> free-text id of a vragenset's extra question
  const extraCodes = table(); // free-text id -> code
  let ready = false; // vragen.json is read: codes, texts and werkwijzen are known
  const isKnown = (id) => isFree(id) || id in known;

  // What the address holds: null (the own set), {oud} (an old "?v=" link) or {kort} (a short link).
  const params = new URLSearchParams(location.search);
  // Some mail programs write "~" as "%7E": such escapes of safe characters are read back as the character.
  const short = location.search.slice(1).split("&")[0].replace(/%([0-9a-fA-F]{2})/g, (escape, hex) => {
    const character = String.fromCharCode(parseInt(hex, 16));
    return /^[A-Za-z0-9._~-]$/.test(character) ? character : escape;
  });
  const link = params.has("v") ? { oud: true, titel: params.get("titel") || "", vragen: unique((params.get("v") || "").split(",").filter(Boolean)) }
    : short && !short.includes("=") ? { kort: short.split("."), titel: decodeText(short.split(".")[0]) } : null;

  // A short link as a set, and the tokens nobody knows.
  function fromShort(tokens) {
    const byCode = table();
    for (const [id, vraag] of Object.entries(known)) byCode[vraag.code] = id;
    const setByCode = table();
    for (const [key, entry] of Object.entries(sets)) if (entry.code) setByCode[entry.code] = key;
    const out = { titel: decodeText(tokens[0]), vragen: [], werkwijze: "" };
    const unknown = [];
    for (const token of tokens.slice(1)) {
      if (!token) continue;
      if (token[0] === "-") out.vragen.push(FREE + decodeText(token.slice(1)));
      else if (token[0] === "_" && extras[token.slice(1).toLowerCase()]) out.vragen.push(extras[token.slice(1).toLowerCase()]);
      else if (token[0] === "~") out.werkwijze = setByCode[token.slice(1).toLowerCase()] || "";
      else if (byCode[token.toLowerCase()]) out.vragen.push(byCode[token.toLowerCase()]);
      else unknown.push(token);
    }
    out.vragen = unique(out.vragen);
    return { set: out, unknown };
  }

  function linkCode(s) {
    const tokens = [encodeText(s.titel)];
    for (const id of s.vragen) {
      if (extraCodes[id]) tokens.push("_" + extraCodes[id]);
      else if (isFree(id)) tokens.push("-" + encodeText(freeText(id)));
      else if (known[id]) tokens.push(known[id].code);
    }
    if (s.werkwijze && sets[s.werkwijze] && sets[s.werkwijze].code) tokens.push("~" + sets[s.werkwijze].code);
    return tokens.join(".");
  }

  let set = link ? { titel: link.titel, vragen: link.oud ? link.vragen : [], werkwijze: "" } : readStored();
  let shared = Boolean(link); // decided for good once vragen.json is read
  let undo = null; // the set before the last removal, while "Ongedaan maken" is shown
  let copiedTimer = null;

  function shareUrl() {
    const base = location.origin + location.pathname;
    return set.vragen.length || set.titel ? base + "?" + linkCode(set) : base;
  }
