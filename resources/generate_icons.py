"""Render the SVG sources in icons/src to the PNG sizes and the .ico the app and the build use.

Each state icon also gets a `-warning` variant with the early-warning badge in its lower right
corner, rendered at each size so that small icons stay sharp.

Run after editing an SVG:  python resources/generate_icons.py
The PNGs are committed, so the app needs no SVG renderer at run time.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parent / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 256)
APP_ICON_SOURCE = "ok"
BADGE_SOURCE = "warning-badge"
BADGE_SHARE = 0.6  # of the icon's side; smaller badges are lost at 16 px


def _renderer(svg: Path) -> QSvgRenderer:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg.name}: not a valid SVG")
    return renderer


def render(svg: Path, size: int, badge: Path | None = None) -> QImage:
    """The icon at size x size; with `badge`, that drawn on top in the lower right corner."""
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _renderer(svg).render(painter)
    if badge is not None:
        side = round(size * BADGE_SHARE)
        _renderer(badge).render(painter, QRectF(size - side, size - side, side, side))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"png")).write(image)
    return bytes(data.data())


def write_ico(svg: Path, target: Path) -> None:
    """A multi-size .ico with PNG entries (valid since Windows Vista; Qt writes one size only)."""
    payloads = [(size, png_bytes(render(svg, size))) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(payloads))
    offset = len(header) + 16 * len(payloads)
    entries, blobs = b"", b""
    for size, blob in payloads:
        side = 0 if size >= 256 else size  # 0 means 256 in the ico directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    target.write_bytes(header + entries + blobs)


def main() -> int:
    QGuiApplication(sys.argv)
    badge = ICON_DIR / "src" / f"{BADGE_SOURCE}.svg"
    sources = sorted(p for p in (ICON_DIR / "src").glob("*.svg") if p != badge)
    for svg in sources:
        for size in SIZES:
            for suffix, overlay in (("", None), ("-warning", badge)):
                out = ICON_DIR / f"{svg.stem}{suffix}-{size}.png"
                if not render(svg, size, overlay).save(str(out)):
                    raise SystemExit(f"{out.name}: cannot be written")
    write_ico(ICON_DIR / "src" / f"{APP_ICON_SOURCE}.svg", ICON_DIR / "app.ico")
    sys.stdout.write(f"rendered {len(sources)} icons in {len(SIZES)} sizes and app.ico\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
