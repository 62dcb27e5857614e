#!/usr/bin/env python3
"""Draws SkinBot's Teams icons (no dependencies): a skin-coloured disc with three pits, one per scar type
(ice pick: narrow dot, boxcar: square, rolling: wide shallow dip).
color.png 192x192 on the accent colour; outline.png 32x32, white on transparent, as Teams requires."""
import struct, zlib

def png(path, size, pixel):
    rows = b''.join(b'\x00' + b''.join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n')
        f.write(chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)))
        f.write(chunk(b'IDAT', zlib.compress(rows, 9)))
        f.write(chunk(b'IEND', b''))

def shapes(u, v):
    """u, v in [0,1). Returns 'pit', 'skin' or None (background)."""
    dx, dy = u - 0.5, v - 0.5
    if (u - 0.60) ** 2 + (v - 0.33) ** 2 < 0.045 ** 2: return 'pit'
    if 0.30 < u < 0.42 and 0.42 < v < 0.54: return 'pit'
    if ((u - 0.60) / 0.12) ** 2 + ((v - 0.66) / 0.05) ** 2 < 1: return 'pit'
    if dx * dx + dy * dy < 0.38 ** 2: return 'skin'
    return None

def sampled(size, colours, ss=4):
    def pixel(x, y, _):
        acc = [0, 0, 0, 0]
        for i in range(ss):
            for j in range(ss):
                c = colours(shapes((x + (i + .5) / ss) / size, (y + (j + .5) / ss) / size), (x + (i + .5) / ss) / size, (y + (j + .5) / ss) / size)
                a = c[3]
                for k in range(3): acc[k] += c[k] * a
                acc[3] += a
        n = ss * ss
        if acc[3] == 0: return (0, 0, 0, 0)
        return tuple(round(acc[k] / acc[3]) for k in range(3)) + (round(acc[3] / n),)
    return pixel

accent, skin, pit = (0x8A, 0x5A, 0x44, 255), (0xF2, 0xC9, 0xA7, 255), (0xA8, 0x73, 0x58, 255)
png('color.png', 192, sampled(192, lambda s, u, v: {'pit': pit, 'skin': skin}.get(s, accent)))

def outline(s, u, v):
    r = ((u - .5) ** 2 + (v - .5) ** 2) ** .5
    if s == 'pit' or 0.38 < r < 0.45: return (255, 255, 255, 255)
    return (255, 255, 255, 0)
png('outline.png', 32, sampled(32, outline))
