// html-validate settings for the built site (tests/test_html_valid.py). The accepted rules below are all about
// markup that Material for MkDocs writes itself; our own templates pass the full recommended set otherwise.
module.exports = {
  extends: ["html-validate:recommended"],
  rules: {
    "no-trailing-whitespace": "off", // Material's templates leave spaces at line ends; not visible, not content
    "doctype-style": "off", // Material writes <!doctype html> in lower case, which browsers accept
    "valid-id": "off", // Material's own ids such as "__drawer" and "__search" start with underscores
    "valid-autocomplete": "off", // Material puts autocomplete="off" on its drawer and search checkboxes
    "attribute-allowed-values": "off", // Material's navigation labels carry tabindex=""
    "unique-landmark": "off", // Material repeats its "Inhoudsopgave" navigation on pages with a hidden TOC
    "long-title": "off", // a page title is an item's title plus the site name; long titles are content
  },
};
