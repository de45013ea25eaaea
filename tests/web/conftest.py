"""A real server (uvicorn on a free loopback port) over a temporary store holding the sample, and a headless
Chromium driven by Playwright. Skips only when /usr/bin/chromium is absent (tests/web/install-browser.sh)."""

from __future__ import annotations

import os

import pytest

from tacitus.api import create_app
from tacitus.api.background import background
from tacitus.store import Store
from tests.web.cluster_reports import cluster_reports

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TOKEN = "browser-token"


@pytest.fixture(scope="session")
def web_store_url(tmp_path_factory, sample_document) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'tacitus.db'}"
    with Store(url) as store:
        store.save(sample_document)
        for document in cluster_reports():
            store.save(document)
    return url


@pytest.fixture(scope="session")
def base_url(web_store_url):
    with background(create_app(web_store_url, api_token=TOKEN)) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(
            f"{CHROMIUM} not found: run tests/web/install-browser.sh (as root) to install Debian's Chromium"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(
        base_url=base_url, viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(45_000)  # generous: a shared, loaded CI machine can take seconds per page
    yield page
    context.close()
