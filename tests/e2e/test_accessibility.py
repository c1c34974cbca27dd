"""axe-core finds no WCAG 2.1 AA violation on the page: German and English, phone and
desktop widths, light and dark colour schemes; and the page follows the system's scheme."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.conftest import REPO, StartStack, save_screenshot
from tests.e2e.status_page import STATUS_ANSWERS_JS

AXE = REPO / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ': ' + n.failureSummary),
  }));
}"""


@pytest.fixture
def contexts() -> Iterator[list[BrowserContext]]:
    opened: list[BrowserContext] = []
    try:
        yield opened
    finally:
        for context in opened:
            context.close()


def open_page(
    browser: Browser, contexts: list[BrowserContext], url: str, width: int, scheme: Any
) -> Page:
    context = browser.new_context(
        viewport={"width": width, "height": 800}, locale="en-US", color_scheme=scheme
    )
    contexts.append(context)
    page = context.new_page()
    page.goto(url)
    return page


def violations(page: Page) -> list[dict[str, Any]]:
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm --prefix frontend ci)")
    page.add_script_tag(path=str(AXE))
    return list(page.evaluate(RUN_AXE, WCAG_AA))


@pytest.mark.e2e
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["en", "de"])
def test_no_wcag_aa_violation(
    start_stack: StartStack,
    browser: Browser,
    contexts: list[BrowserContext],
    language: str,
    width: int,
    scheme: str,
) -> None:
    stack = start_stack()
    page = open_page(
        browser, contexts, f"{stack.server.url}&interval=1&lang={language}", width, scheme
    )
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.wait_for_function(f"{STATUS_ANSWERS_JS} >= 2")  # figures and charts are drawn
    found = violations(page)
    if found:
        save_screenshot(page, f"axe-{language}-{width}-{scheme}")
    assert found == [], "\n".join(f"{v['id']}: {node}" for v in found for node in v["nodes"])


@pytest.mark.e2e
def test_the_page_follows_the_systems_dark_scheme(
    start_stack: StartStack, browser: Browser, contexts: list[BrowserContext]
) -> None:
    stack = start_stack()
    backgrounds = {}
    for scheme in ("light", "dark"):
        page = open_page(browser, contexts, stack.server.url, 1280, scheme)
        page.wait_for_function(f"{STATUS_ANSWERS_JS} >= 1")
        backgrounds[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert backgrounds == {"light": "rgb(245, 247, 250)", "dark": "rgb(18, 20, 23)"}
