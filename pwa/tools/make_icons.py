"""Draw Tipoff's app icons into ``pwa/static/icons`` (run again after changing the design).

    .venv/bin/python pwa/tools/make_icons.py

The mark is a white speech bubble (advice from a colleague) holding an accent
bolt (just in time), drawn with Pillow at 4x and scaled down for smooth edges.
"Any" icons are a rounded square; maskable ones fill the whole square and keep
the mark inside the central 80% safe zone, as launchers crop them to circles or
squircles. The badge is the bubble alone in white on transparent: Android tints
it for the status bar.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ACCENT = (36, 80, 200, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)
OUT = Path(__file__).resolve().parents[1] / "static" / "icons"
SCALE = 4


def _mark(draw: ImageDraw.ImageDraw, size: int, box: float, *, bolt: bool = True) -> None:
    """The bubble and bolt, inside a centred square ``box`` x ``size`` wide."""
    side = size * box
    x0 = (size - side) / 2
    y0 = (size - side) / 2
    bubble = (x0, y0 + side * 0.04, x0 + side, y0 + side * 0.78)
    draw.rounded_rectangle(bubble, radius=side * 0.2, fill=WHITE)
    tail = [
        (x0 + side * 0.22, y0 + side * 0.7),
        (x0 + side * 0.18, y0 + side * 0.98),
        (x0 + side * 0.48, y0 + side * 0.74),
    ]
    draw.polygon(tail, fill=WHITE)
    if not bolt:
        return

    def at(px: float, py: float) -> tuple[float, float]:
        return (x0 + side * px, y0 + side * py)

    draw.polygon(
        [at(0.56, 0.12), at(0.3, 0.46), at(0.47, 0.46), at(0.41, 0.7), at(0.7, 0.34),
         at(0.53, 0.34), at(0.6, 0.12)],
        fill=ACCENT,
    )  # fmt: skip


def icon(size: int, *, maskable: bool = False, rounded: bool = True) -> Image.Image:
    big = size * SCALE
    image = Image.new("RGBA", (big, big), CLEAR)
    draw = ImageDraw.Draw(image)
    if maskable or not rounded:
        draw.rectangle((0, 0, big, big), fill=ACCENT)
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 0.22, fill=ACCENT)
    _mark(draw, big, 0.5 if maskable else 0.64)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def badge(size: int) -> Image.Image:
    big = size * SCALE
    image = Image.new("RGBA", (big, big), CLEAR)
    _mark(ImageDraw.Draw(image), big, 0.8, bolt=False)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    files = {
        "icon-32.png": icon(32),
        "icon-192.png": icon(192),
        "icon-512.png": icon(512),
        "maskable-192.png": icon(192, maskable=True),
        "maskable-512.png": icon(512, maskable=True),
        "apple-touch-icon.png": icon(180, rounded=False),
        "badge-96.png": badge(96),
    }
    for name, image in files.items():
        image.save(OUT / name, optimize=True)
        print(f"{OUT / name} {image.size[0]}x{image.size[1]}")


if __name__ == "__main__":
    main()
