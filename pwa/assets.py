"""Static files with content-hashed URLs, so browsers may keep them forever.

``asset_url("js/app.js")`` is ``/static/js/app.js?v=<hash>``; a response for
the current hash is ``immutable`` for a year, anything else must revalidate.
Relative ES-module imports (``from "./api.js"``) are rewritten to the same
hashed URLs as the files are read, so a page's modules are fetched once and
the source stays plain JavaScript with no build step. A module's hash covers
what it imports, so changing one module changes every URL that leads to it.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

STATIC_DIR = Path(__file__).parent / "static"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

_IMPORT = re.compile(r"""(\bfrom\s*|\bimport\s*\(?\s*)(["'])\./([\w\-/]+\.js)\2""")


@dataclass(frozen=True)
class Asset:
    path: str
    body: bytes
    digest: str
    media_type: str

    @property
    def url(self) -> str:
        return f"/static/{self.path}?v={self.digest}"


def _media_type(path: Path) -> str:
    if path.suffix == ".js":
        return "text/javascript; charset=utf-8"
    if path.suffix == ".css":
        return "text/css; charset=utf-8"
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


@lru_cache
def assets() -> dict[str, Asset]:
    """Every static file, read and hashed once per process."""
    files = {
        p.relative_to(STATIC_DIR).as_posix(): p
        for p in sorted(STATIC_DIR.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }
    done: dict[str, Asset] = {}

    def build(name: str, trail: tuple[str, ...] = ()) -> Asset:
        if name in done:
            return done[name]
        if name in trail:
            raise RuntimeError(f"import cycle in static modules: {' -> '.join((*trail, name))}")
        body = files[name].read_bytes()
        if name.endswith(".js"):
            folder = name.rsplit("/", 1)[0] + "/" if "/" in name else ""

            def versioned(match: re.Match[str]) -> str:
                dependency = build(folder + match.group(3), (*trail, name))
                quote = match.group(2)
                return f"{match.group(1)}{quote}{dependency.url}{quote}"

            body = _IMPORT.sub(versioned, body.decode()).encode()
        asset = Asset(name, body, hashlib.sha256(body).hexdigest()[:12], _media_type(files[name]))
        done[name] = asset
        return asset

    for name in files:
        build(name)
    return done


def asset_url(name: str) -> str:
    return assets()[name].url


def shell_version() -> str:
    """One hash over every asset: the service worker's cache name changes with any of them."""
    digest = hashlib.sha256()
    for name, asset in sorted(assets().items()):
        digest.update(f"{name}={asset.digest};".encode())
    return digest.hexdigest()[:12]
