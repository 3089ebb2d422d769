"""The pictures of the documentation: home, resolution 56/4, the good-practice catalogue and
a State's page, in the six languages, on a desktop screen (1280 px) and a phone (390 px).

    .venv/bin/python -m e2e.screenshots        (or: make screenshots)

It starts the platform with its demo data in a temporary folder, as the browser tests do,
and writes ``docs/images/<page>-<language>-<width>.png``: the first screen of each page, as a
visitor sees it on arrival.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from e2e.conftest import CHROMIUM, CHROMIUM_ARGS
from e2e.server import running_platform

IMAGES = Path(__file__).resolve().parent.parent / "docs" / "images"
PAGES = {
    "home": "/",
    "resolution-56-4": "/resolutions/A/HRC/RES/56/4/",
    "catalogue": "/practices/",
    "state-cuba": "/countries/CUB/",
}
# The path prefix of each language; English is served without one.
LANGUAGES = {"en": "", "fr": "/fr", "es": "/es", "ru": "/ru", "zh": "/zh-hans", "ar": "/ar"}
SCREENS = {"1280": {"width": 1280, "height": 800}, "390": {"width": 390, "height": 844}}


def take_screenshots(folder: Path = IMAGES) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with (
        tempfile.TemporaryDirectory() as var,
        running_platform(Path(var)) as platform,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, viewport in SCREENS.items():
            context = browser.new_context(base_url=platform["url"], viewport=viewport)
            page = context.new_page()
            for language, prefix in LANGUAGES.items():
                for name, path in PAGES.items():
                    response = page.goto(prefix + path)
                    if response is None or response.status != 200:
                        status = response.status if response else "no answer"
                        raise RuntimeError(f"{prefix + path} answered {status}")
                    target = folder / f"{name}-{language}-{width}.png"
                    page.screenshot(path=str(target))
                    written.append(target)
            context.close()
        browser.close()
    return written


if __name__ == "__main__":
    for path in take_screenshots():
        print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)
    sys.exit(0)
