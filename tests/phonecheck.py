"""Measurements of a rendered page in Chromium, for the people-level phone tests (tests/test_browser_phone.py).

TAP_TARGETS: every visible tap target smaller than 24 x 24 CSS px that does not meet the spacing exception of
WCAG 2.2 success criterion 2.5.8 (Target Size, Minimum): a 24 px circle centred on the target's bounding box may
not intersect another target, nor the circle of another undersized target. The inline exception is not used:
links in running text must be big enough or far enough apart as well.

BROKEN_WORDS: words in headings and table cells that the browser broke over two lines somewhere other than after a
hyphen or a soft hyphen (where the reader sees a hyphen). Lines are found from the rectangles of each character
(Range.getClientRects), compared with the words of the text.

EMPTY_COLUMNS: visible sidebars (Material's navigation and table of contents) that show no link and no text.
"""
TARGET_SELECTOR = ("a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], "
                   "[role=checkbox], [role=tab], [tabindex]:not([tabindex='-1'])")

TAP_TARGETS = """(selector) => {
  const root = document.documentElement;
  const shown = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const targets = [...document.querySelectorAll(selector)].filter(shown).map((el) => {
    const r = el.getBoundingClientRect();
    return { el, left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY,
             width: r.width, height: r.height };
  }).filter((t) => t.width > 0 && t.height > 0 && t.right > 0 && t.bottom > 0 && t.left < root.scrollWidth);
  // A target inside another target (a label's input, an icon in a link) is part of that target.
  const own = targets.filter((t) => !targets.some((o) => o !== t && o.el.contains(t.el) && o.el !== t.el
    && o.width >= t.width && o.height >= t.height));
  const small = own.filter((t) => t.width < 23.99 || t.height < 23.99);
  const centre = (t) => [(t.left + t.right) / 2, (t.top + t.bottom) / 2];
  const distanceToBox = ([x, y], t) => Math.hypot(Math.max(t.left - x, 0, x - t.right), Math.max(t.top - y, 0, y - t.bottom));
  const failing = small.filter((t) => {
    const c = centre(t);
    const hitsTarget = own.some((o) => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) && distanceToBox(c, o) < 12);
    const hitsCircle = small.some((o) => o !== t && Math.hypot(c[0] - centre(o)[0], c[1] - centre(o)[1]) < 24);
    return hitsTarget || hitsCircle;
  });
  const name = (el) => (el.getAttribute("aria-label") || el.textContent || el.getAttribute("name") || el.id || el.type || "")
    .trim().replace(/\\s+/g, " ").slice(0, 50);
  return failing.map((t) => `${t.el.tagName.toLowerCase()} "${name(t.el)}" ${Math.round(t.width)}x${Math.round(t.height)}`);
}"""

BROKEN_WORDS = """(selector) => {
  const broken = [];
  const range = document.createRange();
  for (const el of document.querySelectorAll(selector)) {
    if (!el.checkVisibility()) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        let previous = null;
        for (let i = match.index; i < match.index + match[0].length; i += 1) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rects = [...range.getClientRects()].filter((r) => r.height > 0);
          if (!rects.length) continue;
          const rect = rects[rects.length - 1];
          if (previous && rect.top >= previous.rect.bottom - previous.rect.height / 2 && !"-_\\u00ad\\u2010\\u2013/".includes(node.data[previous.index])) {
            broken.push(el.tagName.toLowerCase() + ": " + match[0].replaceAll("\\u00ad", "").slice(0, i - match.index) + "|"
              + match[0].replaceAll("\\u00ad", "").slice(i - match.index));
          }
          previous = { rect: rects[0], index: i };
          if (rects.length > 1) previous.rect = rects[rects.length - 1];
        }
      }
    }
  }
  return broken;
}"""

HEADINGS_AND_TABLES = "h1, h2, h3, h4, h5, h6, th, td, caption"

SIDEWAYS = """() => document.documentElement.scrollWidth > document.documentElement.clientWidth
  ? document.documentElement.scrollWidth : null"""

EMPTY_COLUMNS = """() => [...document.querySelectorAll(".md-sidebar")].filter((bar) => {
  const box = bar.getBoundingClientRect();
  if (!bar.checkVisibility({ checkVisibilityCSS: true }) || box.width < 1 || box.height < 1) return false;
  const inner = bar.querySelector(".md-sidebar__inner") || bar;
  const visible = [...inner.querySelectorAll("a, li, p")].filter((el) => el.checkVisibility({ checkVisibilityCSS: true })
    && el.getBoundingClientRect().width > 0 && el.textContent.trim());
  return visible.length === 0;
}).map((bar) => bar.className)"""
