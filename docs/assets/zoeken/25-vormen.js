// A part of zoeken.js: the parts in docs/assets/zoeken/ are joined in name order into that one file when the site is
// built (one scope for all). This part: the forms of a word the site has (endings, diminutives, verbs and the words
// made from them), as the search page looks them up in the site's words (20-woorden.js).

  // The form of `word` the site has (itself, or with another Dutch ending, or the word of its diminutive), the word
  // itself while it is the start of a site word (still being typed), or null.
  function known(word) {
    if (/\d/.test(word) || word.length < 3) return word;
    return siteForm(word) || undiminished(word) || (startsSiteWord(word) ? word : null);
  }

  // The word, or the word with another Dutch ending, as the site has it. A long vowel is written double before one
  // consonant at the end and single before an ending: "logeer" is "logeren" on the site, "boom" "bomen".
  function siteForm(word) {
    if (vocab.set.has(word)) return word;
    // The word without an ending before a word with another: "ouderen" is "oudere" (older), not "ouders" (parents)
    for (const s of stems(word)) if (vocab.set.has(s)) return s;
    // A verb with the -t of "hij/zij" ("voelt", "leert") is its stem: "voelen", "leren" on the site.
    const verb = word.length >= 5 && /[^aeiout]t$/.test(word) ? [word.slice(0, -1)] : [];
    for (const s of [...stems(word), ...verb]) {
      const long = /([aeou])\1([^aeiou])$/.exec(s);
      for (const form of long ? [s, s.slice(0, -3) + long[1] + long[2]] : [s]) {
        for (const e of ["", ...ENDINGS]) if (vocab.set.has(form + e)) return form + e;
      }
    }
    return null;
  }

  // A diminutive is about its word: "stapjes" is "stap" (the site says "stappen": a short vowel doubles the consonant
  // before an ending), "tafeltje" "tafel", "teampje" "team", "vraagje" "vraag". The site's form of it, or null.
  const DIMINUTIVE = [/tje$/, /pje$/, /je$/];
  function undiminished(word) {
    const one = word.replace(/jes$/, "je");
    for (const end of DIMINUTIVE) {
      const base = end.test(one) ? one.replace(end, "") : "";
      if (base.length < 3) continue;
      const short = /[^aeiou][aeiou]([bdfgklmnprst])$/.exec(base);
      const form = siteForm(base) || (short && siteForm(base + short[1]));
      if (form) return form;
    }
    return null;
  }

  // The word and its other forms on the site whose stem Pagefind would not match ("opgave" and "opgaven",
  // "coördinator" and "coördinatoren": searchcommon.py), each searched.
  // And words made from it with a Dutch ending that the stemmer keeps apart: "reflectie" and "reflecteren",
  // "motivatie" and "motiveren", "verandering" and "veranderen" (only those the site has).
  function withForms(q) {
    return [...new Set([q, ...(vocab.forms[q] || []), ...derived(q)])].map((form) => ({ q: form, w: 1 }));
  }

  const DERIVED = [[/atie$/, "eren"], [/eren$/, "atie"], [/ectie$/, "ecteren"], [/ecteren$/, "ectie"], [/ing$/, "en"],
                   [/([^e])en$/, "$1ing"]];
  function derived(word) {
    const found = DERIVED.filter(([end]) => end.test(word)).map(([end, other]) => word.replace(end, other));
    return found.filter((form) => form !== word && vocab.set.has(form));
  }

