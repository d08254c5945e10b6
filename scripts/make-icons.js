#!/usr/bin/env node
/**
 * Draws Målkoll's ribbon and manifest icons (a white target with a check mark on a blue
 * rounded square) and writes them as PNGs to assets/icon-<size>.png.
 *
 * Usage: node scripts/make-icons.js [outDir]
 *
 * No image library needed: shapes are signed-distance functions sampled 4×4 per pixel for
 * anti-aliasing, and the PNG (RGBA, 8 bit) is assembled with node's zlib.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 4;

const BLUE = [0, 88, 161]; // Stockholm-ish blue
const WHITE = [255, 255, 255];
const GREEN = [46, 160, 67];

/** Distance from point to a rounded square covering [0,1]² with corner radius r (negative inside). */
function roundedSquare(x, y, r) {
  const qx = Math.abs(x - 0.5) - (0.5 - r);
  const qy = Math.abs(y - 0.5) - (0.5 - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

function ring(x, y, cx, cy, radius, halfWidth) {
  return Math.abs(Math.hypot(x - cx, y - cy) - radius) - halfWidth;
}

function disc(x, y, cx, cy, radius) {
  return Math.hypot(x - cx, y - cy) - radius;
}

function segment(x, y, ax, ay, bx, by, halfWidth) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy) - halfWidth;
}

/** Colour of the icon at a point of the unit square, or null where it is transparent. */
function colourAt(x, y, size) {
  if (roundedSquare(x, y, 0.18) > 0) return null;
  // Small icons get thicker strokes so they stay legible at 16 px.
  const stroke = size <= 20 ? 0.075 : 0.055;
  const checkStroke = size <= 20 ? 0.085 : 0.07;
  const inCheck =
    Math.min(
      segment(x, y, 0.5, 0.7, 0.62, 0.82, checkStroke),
      segment(x, y, 0.62, 0.82, 0.9, 0.48, checkStroke),
    ) <= 0;
  if (inCheck) return GREEN;
  const checkHalo =
    Math.min(
      segment(x, y, 0.5, 0.7, 0.62, 0.82, checkStroke + 0.05),
      segment(x, y, 0.62, 0.82, 0.9, 0.48, checkStroke + 0.05),
    ) <= 0;
  if (checkHalo) return WHITE;
  const inTarget =
    ring(x, y, 0.42, 0.42, 0.28, stroke / 2) <= 0 ||
    (size > 20 && ring(x, y, 0.42, 0.42, 0.16, stroke / 2) <= 0) ||
    disc(x, y, 0.42, 0.42, size > 20 ? 0.055 : 0.09) <= 0;
  return inTarget ? WHITE : BLUE;
}

function renderRgba(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          const c = colourAt(x, y, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        pixels[i] = Math.round(r / covered);
        pixels[i + 1] = Math.round(g / covered);
        pixels[i + 2] = Math.round(b / covered);
        pixels[i + 3] = Math.round((255 * covered) / samples);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, renderRgba(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, renderRgba, SIZES };
