"""Headless Chromium (Debian's) through selenium, over the sample site served on a free port."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ..conftest import IN_CI, REPO, free_port

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ARTIFACTS = REPO / "test-artifacts"
AXE_PATHS = [
    Path(os.environ["AXE_CORE_JS"]) if os.environ.get("AXE_CORE_JS") else None,
    REPO / ".cache/axe/node_modules/axe-core/axe.min.js",
    REPO / "tests/browser/node_modules/axe-core/axe.min.js",
]


def _missing(reason: str):
    if IN_CI:
        pytest.fail(f"CI=true: {reason}")
    pytest.skip(reason)


@contextlib.contextmanager
def serving(folder: Path):
    """``python -m http.server`` over ``folder`` on a free port: its base URL; stopped on exit."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def served_site(sample_site):
    """``(base_url, site)``: the built sample output over http."""
    with serving(sample_site.output) as base:
        yield base, sample_site


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        _missing(f"needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)")
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,900", "--hide-scrollbars"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def axe_source() -> str:
    for path in AXE_PATHS:
        if path and path.is_file():
            return path.read_text(encoding="utf-8")
    _missing("axe-core is not installed: run `make axe` (npm install --prefix .cache/axe axe-core@4)")


def axe_violations(driver, axe_source: str) -> list[str]:
    """The serious and critical axe-core violations of the page loaded in ``driver``."""
    driver.execute_script(axe_source)
    driver.set_script_timeout(30)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done(String(e)));"
    )
    assert isinstance(result, list), result
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}" for v in result
            if v["impact"] in ("serious", "critical")]


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def screenshot(driver, folder: Path, name: str, scheme: str = "light") -> list[Path]:
    """Full-page screenshots at phone and desktop widths; ``scheme`` emulates the colour scheme."""
    media = {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", media)
    saved = []
    for width, height in ((375, 800), (1280, 900)):
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
        )
        path = folder / f"{name}-{width}x{height}{'-dark' if scheme == 'dark' else ''}.png"
        driver.save_screenshot(str(path))
        saved.append(path)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    return saved



def full_page_screenshot(driver, folder: Path, name: str, width: int = 375) -> Path:
    """The whole page, top to bottom, at ``width`` (for looking at what lies below the fold)."""
    import base64

    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True}
    )
    height = driver.execute_script("return document.documentElement.scrollHeight")
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {"captureBeyondViewport": True, "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}},
    )
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    path = folder / f"{name}-{width}-full.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path
