"""Moving through pages as a keyboard user does: Tab until the wanted control has focus.

Each step checks what a keyboard user relies on: that Tab moves focus on (no control holds
it), and that the element reached shows where the focus is. A failure names every element
the focus went through, so the message says where the way was lost.
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page

# A date and time field takes Tab once per part (month, day, year, hour, minute, AM or PM)
# and once for its calendar button; a control that holds the focus longer traps it.
STOPS_IN_ONE_CONTROL = 8

NOTHING = "(the page itself)"
DESCRIBE_FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return "(the page itself)";
  const labelled = e.getAttribute("aria-label")
    || (e.labels && e.labels.length ? e.labels[0].innerText : "")
    || e.innerText || e.value || e.getAttribute("title") || "";
  const name = labelled.replace(/\\s+/g, " ").trim().slice(0, 60);
  const kind = e.tagName.toLowerCase() + (e.type && e.tagName !== "BUTTON" ? `[${e.type}]` : "");
  return `${kind} "${name}"`;
}"""

FOCUS_INDICATOR = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
  return {outline, shadow: s.boxShadow !== "none", style: `${s.outlineStyle} ${s.outlineWidth}`};
}"""


ON_SCREEN = """() => {
  const e = document.activeElement;
  const box = e.getBoundingClientRect();
  return e.checkVisibility({opacityProperty: true, visibilityProperty: true})
    && box.width > 1 && box.height > 1
    && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
}"""


def focused(page: Page) -> str:
    """The focused element as a reader would name it: its tag and its label or text."""
    return page.evaluate(DESCRIBE_FOCUS)


def _press(page: Page, key: str) -> tuple[str, bool]:
    """Press a key; say what has focus now and whether it is the element focused before."""
    page.keyboard.press(key)
    same = page.evaluate(
        "() => { const same = window.kbdLastFocus === document.activeElement;"
        " window.kbdLastFocus = document.activeElement; return same; }"
    )
    return focused(page), same


def has_focus(target: Locator) -> bool:
    return target.evaluate_all("(nodes) => nodes.includes(document.activeElement)")


def assert_focus_visible(page: Page) -> None:
    """The focused element draws an outline or a shadow: a sighted keyboard user sees it."""
    indicator = page.evaluate(FOCUS_INDICATOR)
    assert indicator is not None, "nothing has focus"
    assert indicator["outline"] or indicator["shadow"], (
        f"{focused(page)} has focus but shows no outline ({indicator['style']}) and no shadow"
    )


def tab_to(
    page: Page,
    role: str,
    name: str | re.Pattern[str],
    *,
    within: Locator | Page | None = None,
    exact: bool = True,
    limit: int = 60,
    key: str = "Tab",
) -> Locator:
    """Press Tab (or ``key``, e.g. "Shift+Tab") until the element of this role and name has
    focus, at most ``limit`` times; fail naming each element passed on the way."""
    target = (within or page).get_by_role(role, name=name, exact=exact)  # type: ignore[arg-type]
    path: list[str] = []
    held = 0
    for _ in range(limit):
        now, same = _press(page, key)
        path.append(now)
        held = held + 1 if same else 0
        assert held < STOPS_IN_ONE_CONTROL, (
            f"{key} no longer moves the focus out of {now}; focus went through: " + " → ".join(path)
        )
        if has_focus(target):
            return target
        if now == NOTHING:
            raise AssertionError(
                f"{key} went past the end of the page without reaching the {role} {name!r}; "
                "focus went through: " + " → ".join(path)
            )
    raise AssertionError(
        f"{limit} presses of {key} did not reach the {role} {name!r}; focus went through: "
        + " → ".join(path)
    )


def tab_through(page: Page, *, limit: int = 300) -> list[str]:
    """Tab from wherever focus is to the end of the page, checking at every element reached
    that it is on the screen and shows its focus, and that Tab moves on; returns the elements
    in order."""
    stops: list[str] = []
    held = 0
    for _ in range(limit):
        now, same = _press(page, "Tab")
        if now == NOTHING:
            return stops
        if same:
            held += 1
            assert held < STOPS_IN_ONE_CONTROL, (
                f"Tab no longer moves the focus out of {now} after: " + " → ".join(stops)
            )
            continue
        held = 0
        stops.append(now)
        assert_focus_visible(page)
        assert page.evaluate(ON_SCREEN), f"{now} has focus but is hidden or off the screen"
    raise AssertionError(f"{limit} presses of Tab did not leave the page: " + " → ".join(stops))


def activate(page: Page, key: str = "Enter", *, url: str | re.Pattern[str] | None = None) -> None:
    """Press Enter (or Space) on the focused link or button and wait for the page it opens."""
    with page.expect_navigation(url=url):
        page.keyboard.press(key)


def choose(page: Page, option: str) -> None:
    """Pick an option of the focused drop-down list by typing its first letters, as a
    keyboard user does, and check the list now shows it."""
    page.keyboard.type(option)
    shown = page.evaluate("() => document.activeElement.selectedOptions[0]?.text ?? ''")
    assert shown.strip() == option, f"typing {option!r} in {focused(page)} chose {shown!r}"
