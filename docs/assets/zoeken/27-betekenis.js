// A part of zoeken.js: the parts in docs/assets/zoeken/ are joined in name order into that one file when the site is
// built (one scope for all). This part: what Pagefind answers for a word, narrowed to what the word means (searchPlan
// in 30-plan.js): not another word with the same stem, and the other words of Begrippen in their forms.

  // An other word from Begrippen is searched in its other forms too, as the reader's own word is (withForms): Pagefind
  // does not find "coördinatoren" (the title of the role) for "coördinator" ("aanjager" in Begrippen). Its letter's
  // file has those forms; it is loaded only for an other word that is searched.
  async function otherForms(term, alt) {
    alt.other = false;
    if (alt.q.includes(" ")) return;
    await loadLetter(alt.q[0]);
    for (const { q } of withForms(alt.q).slice(1)) {
      if (!term.alts.some((other) => other.q === q)) term.alts.push({ q, w: alt.w, extra: alt.extra });
    }
  }

  // Pagefind's answer for a word without the pages it found only through another word of the same stem: Snowball
  // stems "oudere" (older) as "ouders" (parents), "gezin" (family) as "zinnen" (sentences); searchfamilies.py lists them.
  function ownWord(q, found) {
    const apart = vocab && vocab.apart[q];
    if (!apart) return found;
    const results = found.results.filter((result) => !apart.has(result.id));
    const gone = found.results.length - results.length;
    return Object.assign({}, found, { results, unfilteredResultCount: Math.max(0, (found.unfilteredResultCount || 0) - gone) });
  }
