"""Reads the status page the way a user does: cards by their title, facts by their label.

The texts are the page's English catalogue (frontend/src/i18n/messages.ts); the browser
context is opened with an English locale.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, Page

# Completed requests for the backend's figures, counted by the browser itself (resource
# timing), so a test can tell after how many polls something appeared.
STATUS_ANSWERS_JS = (
    "performance.getEntriesByType('resource')"
    ".filter((entry) => entry.name.includes('/api/backend/status')).length"
)

# Every element whose content is wider or higher than its box (clipped or spilling out),
# and every element that reaches past the right edge of the window.
OVERFLOWING_ELEMENTS_JS = """() => {
  const scrolls = (el, axis) =>
    ["auto", "scroll"].includes(getComputedStyle(el)[`overflow${axis}`]);
  const describe = (el, why) =>
    `${el.tagName.toLowerCase()}[${(el.getAttribute("aria-label") || el.textContent || "")
      .trim().slice(0, 50)}]: ${why}`;
  const found = [];
  for (const el of document.querySelectorAll("#root *")) {
    // Decoration such as the notch of an outlined text field (MUI) is clipped on purpose.
    if (el.closest('[aria-hidden="true"]')) continue;
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && !scrolls(el, "X")) {
      found.push(describe(el, `content ${el.scrollWidth} px wide in ${el.clientWidth} px`));
    }
    if (el.clientHeight > 0 && el.scrollHeight > el.clientHeight + 1 && !scrolls(el, "Y")) {
      found.push(describe(el, `content ${el.scrollHeight} px high in ${el.clientHeight} px`));
    }
    const right = el.getBoundingClientRect().right;
    if (right > window.innerWidth + 1) {
      found.push(describe(el, `right edge at ${Math.round(right)} px`));
    }
  }
  return found;
}"""


class StatusPage:
    """The parts of the page the tests look at."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def card(self, title: str) -> Locator:
        """A card is a <section aria-label=title>, which is a region for assistive tools."""
        return self.page.get_by_role("region", name=title, exact=True)

    def fact(self, card_title: str, label: str) -> Locator:
        """The value (<dd>) next to a label (<dt>) in a card's list of facts."""
        return self.card(card_title).locator(
            f"xpath=.//dt[normalize-space()='{label}']/following-sibling::dd[1]"
        )

    def state_chip(self) -> Locator:
        return self.card("Watchdog").locator("[data-health]")

    def table_rows(self, table_name: str) -> Locator:
        """The row count cell of one table in the database card."""
        row = (
            self.card("Database")
            .get_by_role("row")
            .filter(has=self.page.get_by_role("cell", name=table_name, exact=True))
        )
        return row.get_by_role("cell").nth(1)

    def outage_panel(self) -> Locator:
        return self.page.get_by_test_id("outage-panel")

    def stale_figures(self) -> Locator:
        return self.page.locator("[data-stale]")

    def button(self, name: str) -> Locator:
        return self.page.get_by_role("button", name=name, exact=True)

    def overflowing_elements(self) -> list[str]:
        found: Any = self.page.evaluate(OVERFLOWING_ELEMENTS_JS)
        return list(found)
