#!/usr/bin/env python3
"""Draw Podium's app icons: assets/icon.svg, assets/icon-192.png, assets/icon-512.png.

A lectern (a podium) with a microphone, white on the accent blue of the stylesheet, inside a
full-bleed square so the PNGs also work as "maskable" icons (the drawing stays inside the
central safe zone, a circle of 80% of the size). The PNGs are rasterised here with plain
Python (zlib + 4x4 supersampling): nothing is downloaded, no imaging library is needed.

Run again after changing the shapes: `python3 assets/gen-icons.py`. The output is
deterministic, so an unchanged drawing gives byte-identical files.
"""
import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
BG = (10, 88, 176)  # --accent in style/main.css
FG = (255, 255, 255)

# Shapes in a 512-unit square. Polygons are lists of (x, y); rects are (x, y, w, h).
# Lectern: a slanted top board, a tapered stand and a base.
TOP = [(136, 236), (376, 236), (356, 276), (156, 276)]
STAND = [(196, 276), (316, 276), (300, 396), (212, 396)]
BASE = (160, 396, 192, 28)
# Microphone: a stem and a round head above the board.
STEM = (250, 168, 12, 68)
HEAD = (256, 150, 26)  # cx, cy, r


def svg() -> str:
    def pts(poly):
        return " ".join(f"{x},{y}" for x, y in poly)

    x, y, w, h = BASE
    sx, sy, sw, sh = STEM
    cx, cy, r = HEAD
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">\n'
        f'  <rect width="512" height="512" rx="96" fill="#{BG[0]:02x}{BG[1]:02x}{BG[2]:02x}"/>\n'
        '  <g fill="#fff">\n'
        f'    <polygon points="{pts(TOP)}"/>\n'
        f'    <polygon points="{pts(STAND)}"/>\n'
        f'    <rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6"/>\n'
        f'    <rect x="{sx}" y="{sy}" width="{sw}" height="{sh}"/>\n'
        f'    <circle cx="{cx}" cy="{cy}" r="{r}"/>\n'
        "  </g>\n"
        "</svg>\n"
    )


def inside_poly(poly, x, y) -> bool:
    """Even-odd rule: does the point (x, y) lie inside the polygon?"""
    inside = False
    n = len(poly)
    for i in range(n):
        x1, y1 = poly[i]
        x2, y2 = poly[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def inside_rect(rect, x, y) -> bool:
    rx, ry, rw, rh = rect
    return rx <= x < rx + rw and ry <= y < ry + rh


def covered(x: float, y: float) -> bool:
    cx, cy, r = HEAD
    return (
        inside_poly(TOP, x, y)
        or inside_poly(STAND, x, y)
        or inside_rect(BASE, x, y)
        or inside_rect(STEM, x, y)
        or (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    )


def png(size: int) -> bytes:
    """An RGB PNG of the icon at size x size pixels (full-bleed background: maskable)."""
    ss = 4  # samples per axis
    scale = 512 / size
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter type 0
        for px in range(size):
            hits = 0
            for sy in range(ss):
                for sx in range(ss):
                    if covered((px + (sx + 0.5) / ss) * scale, (py + (sy + 0.5) / ss) * scale):
                        hits += 1
            a = hits / (ss * ss)
            row += bytes(round(b + (f - b) * a) for b, f in zip(BG, FG))
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    (HERE / "icon.svg").write_text(svg())
    for size in (192, 512):
        (HERE / f"icon-{size}.png").write_bytes(png(size))
    print("gen-icons: wrote assets/icon.svg, assets/icon-192.png, assets/icon-512.png")


if __name__ == "__main__":
    main()
