"""The import contract: rooms import only rooms below them (docs/architecture.md).

Every ``import`` in the application packages is read from the source (lazy
imports inside functions included) and checked against the ordered list of
rooms. A room may import itself and any room earlier in ``ROOMS``; rooms that
share a floor (``core.push``, ``core.ranking``, ``core.mail``) may not import
each other. So an upward import, or a cycle between packages, fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "api", "pwa", "app", "scheduler", "cli")

# From the ground up; names on one floor are peers.
ROOMS: tuple[tuple[str, ...], ...] = (
    (
        "core",  # the ground floor: models, settings, db, errors, crypto, security, logs …
    ),
    ("core.net",),
    ("core.push", "core.ranking", "core.mail"),
    ("core.notifications",),
    ("core.calendars",),
    ("core.tips", "core.people"),
    ("core.insights",),
    ("core.evaluation",),
    ("core.views",),
    ("scheduler",),
    ("api",),
    ("pwa",),
    ("app",),
    ("cli",),
)


def room_of(module: str) -> tuple[int, str] | None:
    """(floor, room) of a module: the longest room name that prefixes it."""
    best: tuple[int, str] | None = None
    for floor, names in enumerate(ROOMS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and (
                best is None or len(name) > len(best[1])
            ):
                best = (floor, name)
    return best


def imports_of(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found.extend((node.lineno, f"{node.module}.{a.name}") for a in node.names)
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, a.name) for a in node.names)
    return found


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def violations(root: Path = ROOT) -> list[str]:
    wrong = []
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            source = room_of(module_name(path))
            assert source is not None, f"{path} is in no room: add it to ROOMS"
            for line, target in imports_of(path):
                dest = room_of(target)
                if dest is None or dest[1] == source[1]:
                    continue
                upward = dest[0] > source[0]
                sideways = dest[0] == source[0] and dest[0] != 0
                if upward or sideways:
                    where = path.relative_to(root)
                    wrong.append(f"{where}:{line}: {source[1]} imports {target} ({dest[1]})")
    return sorted(set(wrong))


def test_imports_flow_one_way() -> None:
    assert violations() == []


@pytest.mark.parametrize(
    ("module", "target", "allowed"),
    [
        ("core.calendars.sync", "core.notifications.outbox", True),
        ("core.notifications.outbox", "core.calendars.sync", False),  # upward
        ("core.push.webpush", "core.ranking.brief", False),  # a peer on the same floor
        ("api.routes.tips", "pwa.routes", False),
        ("pwa.pages.agenda", "api.deps", True),
        ("core.views.brief", "core.tips.service", True),
    ],
)
def test_the_rule_itself(module: str, target: str, allowed: bool) -> None:
    source, dest = room_of(module), room_of(target)
    assert source is not None and dest is not None
    ok = dest[1] == source[1] or dest[0] < source[0] or (dest[0] == source[0] == 0)
    assert ok is allowed
