"""Marks that depend on the visitor's date: overdue agreements, planned meetings, texts due for review."""
import re

import pytest
from playwright.sync_api import expect


@pytest.fixture
def page_on(chromium, example_site):
    _, url = example_site
    contexts = []

    def open_at(path: str, today: str):
        context = chromium.new_context()
        contexts.append(context)
        page = context.new_page()
        page.clock.set_fixed_time(f"{today}T12:00:00")
        page.goto(url + path)
        return page

    yield open_at
    for context in contexts:
        context.close()


def test_overdue_agreements_are_marked(page_on):
    late = page_on("afspraken/", "2026-11-22").locator("tr[data-deadline='2026-11-15']")
    expect(late).to_contain_text("te laat")
    expect(late).to_have_class("ll-afspraak ll-te-laat")
    in_time = page_on("afspraken/", "2026-11-01").locator("tr[data-deadline='2026-11-15']")
    expect(in_time).not_to_contain_text("te laat")


def test_planned_meetings_and_review_notices(page_on):
    page = page_on("tafels/voorbeeldtafel-jongeren-rond-18/", "2026-10-01")
    expect(page.locator("li[data-datum='2026-11-17'] .ll-gepland")).to_have_text("gepland")
    expect(page.locator("li[data-datum='2026-08-25'] .ll-gepland")).to_have_count(0)
    due = page_on("praktijken/ontwikkelsessies-lerende-regio-2021/", "2026-11-22").locator(".ll-herzien")
    expect(due).to_be_visible()
    expect(due).to_contain_text("te herzien")
    fresh = page_on("praktijken/ontwikkelsessies-lerende-regio-2021/", "2026-01-01").locator(".ll-herzien")
    expect(fresh).to_be_hidden()


def test_an_announced_meeting_reads_as_planned_before_its_date_and_never_as_held(page_on):
    # Intervisiegroep 1: six dates the source only announces, none with a report.
    before = page_on("tafels/intervisiegroep-1/", "2024-10-01")
    expect(before.locator("li[data-datum='2024-10-07'] .ll-verslagstatus")).to_have_text("gepland")
    expect(before.locator("li[data-datum='2024-10-07'] .ll-verslagstatus")).to_have_class(re.compile("ll-gepland"))
    expect(before.locator("li[data-datum='2024-08-28'] .ll-verslagstatus")).to_have_text("aangekondigd, geen verslag")
    on_the_day = page_on("tafels/intervisiegroep-1/2024-10-07/", "2024-10-07")
    expect(on_the_day.locator(".ll-verslagstatus")).to_have_text("gepland")
    after = page_on("tafels/intervisiegroep-1/2024-10-07/", "2024-10-08")
    expect(after.locator(".ll-verslagstatus")).to_have_text("aangekondigd, geen verslag")
    expect(after.locator(".ll-gepland")).to_have_count(0)
    # A meeting with a report gets no such mark, before or after its date.
    held = page_on("tafels/voorbeeldtafel-jongeren-rond-18/", "2026-12-01")
    expect(held.locator("li[data-datum='2026-08-25'] .ll-verslagstatus")).to_have_count(0)
