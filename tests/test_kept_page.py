"""The guard of the page that browser tests share (conftest.kept_page): a test that leaves a clock, a route or
another setting behind on its page is found when the tests are collected, also when a helper it calls does it."""
from conftest import LEAVES_STATE, _reaches


def leaves(test) -> bool:
    return _reaches(test.__code__, test.__globals__, set(), lambda name, _: name in LEAVES_STATE)


def _open(page, address):
    page.goto(address)


def _hold_back_the_script(page):
    page.route("**/zoeken.js", lambda route: None)


def test_a_clock_or_a_route_in_the_test_itself_is_found():
    def with_clock(page):
        page.clock.install()
        page.goto("/")

    def with_route_in_a_lambda(page):
        later = lambda: page.route("**/*", lambda route: route.abort())
        later()

    assert leaves(with_clock)
    assert leaves(with_route_in_a_lambda)


def test_a_setting_left_by_a_helper_in_tests_is_found():
    def through_helper(page):
        _hold_back_the_script(page)
        _open(page, "/zoeken/")

    assert leaves(through_helper)


def test_a_listener_a_size_or_a_script_for_the_whole_context_is_found():
    def with_listener(page):
        page.on("dialog", lambda dialog: dialog.accept())

    def with_size(page):
        page.set_viewport_size({"width": 320, "height": 640})

    def with_context_script(page):
        page.context.add_init_script("window.x = 1")

    assert leaves(with_listener)
    assert leaves(with_size)
    assert leaves(with_context_script)


def test_a_test_that_only_opens_and_reads_pages_may_share_the_page():
    def reads(page):
        _open(page, "/tafels/")
        route = page.locator("h1").inner_text()  # a variable called route is no route on the page
        assert route

    assert not leaves(reads)
