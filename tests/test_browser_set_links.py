"""A shared set's link is untrusted text: any word in it is a question the site has or one it lacks, never a member
of a JavaScript object, in a real headless Chromium.

Found by a red-team walk: the page looked words of the link up in plain objects ({}), which also hold Object's own
members. A link with 'constructor' said "De vragen konden niet worden geladen. Laad de pagina opnieuw." (reloading
never helped) and an old link with 'toString' showed questions "Bij undefined". Expected, as for any word the site
lacks: the other questions appear, and the page names the word that was left out.
"""

import pytest
from playwright.sync_api import expect
from test_browser_bestuurder import site  # noqa: F401  (a fixture: the example site and its vragen.json)


@pytest.fixture
def page(chromium, site):  # noqa: F811  (the fixture imported above)
    url, _ = site
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors, requests = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    yield page
    assert errors == []
    assert [r for r in requests if not r.startswith(url)] == []  # no third-party requests
    context.close()


def first_question(data):
    ident = sorted(data["vragen"])[0]
    return ident, data["vragen"][ident]


@pytest.mark.parametrize(("tokens", "left_out"), [
    (["constructor"], "constructor"),  # the example: a question's code that is a member of every object
    (["_constructor", "___proto__"], "_constructor, ___proto__"),  # an extra question's code
    (["__proto__", "tostring"], "__proto__, tostring"),  # the object's prototype itself (codes are read in lower case)
])
def test_a_short_link_with_object_member_names_leaves_them_out_and_says_so(page, site, tokens, left_out):  # noqa: F811  (the fixture imported above)
    url, data = site
    _, question = first_question(data)
    page.goto(url + "mijn-vragenset/?Overleg." + ".".join([*tokens, question["code"]]))
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(1)
    expect(page.locator("#ll-mijnset-lijst .ll-vraagtekst")).to_have_text(question["vraag"])
    n = len(tokens)
    said = ("Eén vraag uit de link bestaat niet meer op deze site en is weggelaten" if n == 1 else
            f"{n} vragen uit de link bestaan niet meer op deze site en zijn weggelaten")
    expect(page.locator("#ll-mijnset-melding")).to_have_text(f"{said}: {left_out}. De andere vragen staan hieronder.")


def test_an_old_long_link_with_object_member_names_leaves_them_out_and_says_so(page, site):  # noqa: F811  (the fixture imported above)
    url, data = site
    ident, question = first_question(data)
    page.goto(url + f"mijn-vragenset/?v=constructor,toString,__proto__,{ident}&titel=Overleg")
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(1)
    expect(page.locator("#ll-mijnset-lijst .ll-vraagtekst")).to_have_text(question["vraag"])
    expect(page.locator("#ll-mijnset-melding")).to_have_text(
        "3 vragen uit de link bestaan niet meer op deze site en zijn weggelaten: constructor, toString, __proto__. "
        "De andere vragen staan hieronder.")
