"""The app shell: static files, the web app manifest, the service worker, the offline page.

The service worker is served from ``/sw.js`` (not ``/static``) with
``Service-Worker-Allowed: /`` so its scope is the whole app, and it is never
cached by HTTP: browsers check it for updates on every navigation.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from pwa.assets import IMMUTABLE, REVALIDATE, asset_url, assets, shell_version
from pwa.render import PageRoute, env, render

router = APIRouter(route_class=PageRoute)

NAME = "Tipoff"
THEME = "#2450c8"
BACKGROUND = "#f5f6f8"


def manifest() -> dict[str, Any]:
    icon = asset_url
    return {
        "id": "/",
        "name": "Tipoff — tips before every meeting",
        "short_name": NAME,
        "description": "Peer-written tips on your phone, just before each customer meeting.",
        "lang": "en",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "theme_color": THEME,
        "background_color": BACKGROUND,
        "categories": ["business", "productivity"],
        "icons": [
            {"src": icon("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": icon("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": icon("icons/maskable-192.png"),
                "sizes": "192x192",
                "type": "image/png",
                "purpose": "maskable",
            },
            {
                "src": icon("icons/maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
        "shortcuts": [{"name": "Write a tip", "url": "/compose"}],
        # Text or a link shared from another app opens compose, prefilled (GET: no CSRF).
        "share_target": {
            "action": "/compose",
            "method": "GET",
            "enctype": "application/x-www-form-urlencoded",
            "params": {"title": "title", "text": "text", "url": "url"},
        },
    }


def shell_urls() -> list[str]:
    """What the service worker precaches: every static file and the offline page."""
    return ["/offline", *(asset.url for asset in assets().values())]


@router.get("/manifest.webmanifest")
def web_manifest() -> Response:
    return Response(
        json.dumps(manifest(), ensure_ascii=False, indent=1),
        media_type="application/manifest+json",
        headers={"Cache-Control": "public, max-age=3600"},
    )


@router.get("/sw.js")
def service_worker() -> Response:
    script = env.get_template("sw.js").render(
        version=shell_version(),
        shell=shell_urls(),
        icon=asset_url("icons/icon-192.png"),
        badge=asset_url("icons/badge-96.png"),
    )
    return Response(
        script,
        media_type="text/javascript; charset=utf-8",
        headers={"Service-Worker-Allowed": "/", "Cache-Control": REVALIDATE},
    )


@router.get("/static/{path:path}")
def static_file(path: str, request: Request) -> Response:
    asset = assets().get(path)
    if asset is None:
        return Response(json.dumps({"detail": "not found"}), 404, media_type="application/json")
    etag = f'"{asset.digest}"'
    cache = IMMUTABLE if request.query_params.get("v") == asset.digest else REVALIDATE
    headers = {"Cache-Control": cache, "ETag": etag}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(asset.body, media_type=asset.media_type, headers=headers)


@router.get("/favicon.ico")
def favicon() -> RedirectResponse:
    return RedirectResponse(asset_url("icons/icon-32.png"), status_code=301)


@router.get("/offline")
def offline(request: Request) -> Response:
    return render(request, "pages/offline.html")
