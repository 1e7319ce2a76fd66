"""The installable shell: manifest, icons, the service worker and cache-friendly static files."""

from __future__ import annotations

import io
import json
import re

import pytest
from PIL import Image

from pwa.assets import assets


def test_manifest_makes_the_app_installable(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/manifest+json")
    manifest = response.json()
    assert manifest["name"] and manifest["short_name"] == "Tipoff"
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == (
        "/",
        "/",
        "standalone",
    )
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["background_color"])
    share = manifest["share_target"]
    assert share["action"] == "/compose" and share["method"] == "GET"
    assert share["params"] == {"title": "title", "text": "text", "url": "url"}


def test_manifest_icons_exist_at_their_stated_sizes(client):
    icons = client.get("/manifest.webmanifest").json()["icons"]
    purposes = {(icon["sizes"], icon.get("purpose", "any")) for icon in icons}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= purposes
    for icon in icons:
        response = client.get(icon["src"])
        assert response.status_code == 200 and response.headers["content-type"] == "image/png"
        image = Image.open(io.BytesIO(response.content))
        assert f"{image.width}x{image.height}" == icon["sizes"]
        if icon.get("purpose") == "maskable":  # full bleed: no transparent corners to crop
            assert image.convert("RGBA").getpixel((0, 0))[3] == 255


def test_service_worker_is_served_for_the_whole_app(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.headers["service-worker-allowed"] == "/"
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cache-control"] == "no-cache"
    script = response.text
    for event in (
        "install",
        "activate",
        "fetch",
        "push",
        "notificationclick",
        "pushsubscriptionchange",
    ):
        assert f'self.addEventListener("{event}", on' in script, event
    assert "{{" not in script and "{%" not in script


def test_everything_the_service_worker_precaches_exists(client):
    script = client.get("/sw.js").text
    shell = json.loads(re.search(r"const SHELL = (\[.*?\]);", script).group(1))  # type: ignore[union-attr]
    assert "/offline" in shell
    assert any(url.startswith("/static/css/app.css?v=") for url in shell)
    for url in shell:
        assert client.get(url).status_code == 200, url


def test_service_worker_cache_name_follows_the_assets(client):
    version = re.search(r'const VERSION = "([0-9a-f]+)";', client.get("/sw.js").text)
    assert version and len(version.group(1)) == 12


def test_hashed_static_files_are_immutable_others_revalidate(client):
    asset = assets()["css/app.css"]
    fresh = client.get(asset.url)
    assert fresh.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert fresh.headers["content-type"].startswith("text/css")
    stale = client.get("/static/css/app.css?v=0000")
    assert stale.headers["cache-control"] == "no-cache"
    again = client.get("/static/css/app.css", headers={"If-None-Match": fresh.headers["etag"]})
    assert again.status_code == 304


@pytest.mark.parametrize(
    "path", ["/static/nope.js", "/static/../core/settings.py", "/static/%2e%2e/api/app.py"]
)
def test_static_serves_only_its_own_files(client, path):
    assert client.get(path).status_code == 404


def test_module_imports_point_at_hashed_urls():
    app_js = assets()["js/app.js"].body.decode()
    api = assets()["js/api.js"]
    assert f'from "{api.url}"' in app_js
    for name, asset in assets().items():
        if name.endswith(".js"):
            assert not re.search(r"""from\s*["']\./""", asset.body.decode()), name


def test_pages_reference_only_hashed_assets(client, member):
    html = client.get("/", headers=member.headers).text
    for url in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert "?v=" in url, url
        assert client.get(url).status_code == 200


def test_favicon_redirects_to_the_icon(client):
    response = client.get("/favicon.ico", follow_redirects=False)
    assert (
        response.status_code == 301
        and "/static/icons/icon-32.png?v=" in response.headers["location"]
    )
