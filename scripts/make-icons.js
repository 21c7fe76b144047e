// Writes assets/icon-{16,32,64,80,128}.png: five bottom-aligned bars in #0F6CBD on transparent,
// each 0.8 times the one before it (the AGAP layers multiply). Run: node scripts/make-icons.js
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const COLOR = [0x0f, 0x6c, 0xbd];
const SUPERSAMPLE = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

// Bars of width 2u with gaps of u fill the inner square exactly when the padding is size/16.
function bars(size) {
  const pad = size / 16;
  const inner = size - 2 * pad;
  const u = inner / 14;
  return [0, 1, 2, 3, 4].map((i) => ({
    x0: pad + i * 3 * u,
    x1: pad + i * 3 * u + 2 * u,
    y0: pad + inner * (1 - Math.pow(0.8, i)),
    y1: pad + inner,
  }));
}

function coverage(size, px, py) {
  const rects = bars(size);
  let hits = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const x = px + (sx + 0.5) / SUPERSAMPLE;
      const y = py + (sy + 0.5) / SUPERSAMPLE;
      if (rects.some((r) => x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1)) hits++;
    }
  }
  return hits / (SUPERSAMPLE * SUPERSAMPLE);
}

function png(size) {
  const raw = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 4);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const o = row + 1 + x * 4;
      raw[o] = COLOR[0];
      raw[o + 1] = COLOR[1];
      raw[o + 2] = COLOR[2];
      raw[o + 3] = Math.round(255 * coverage(size, x, y));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = path.join(__dirname, "..", "assets");
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, png(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
