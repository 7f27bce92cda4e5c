// Draws the app and tray icons as PNGs with nothing but node:zlib, so they can be regenerated anywhere:
//   node scripts/make-icons.mjs               writes assets/
//   node scripts/make-icons.mjs --outdir DIR  writes DIR/assets/ (a test checks the committed PNGs are current)
// The glyph is a key (a session is a key to a server). Shapes are signed distance fields sampled per pixel, which
// gives clean anti-aliased edges at 16 px as well as at 512 px. The PNGs are committed; rerun after a change here.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// --- PNG encoding ------------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** 8-bit RGBA, non-interlaced; `rgba` is width*height*4 bytes, row by row. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- Shapes (unit square coordinates, y down) ---------------------------------------------------------------

const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;

const roundedBox =
  (x0, y0, x1, y1, radius = 0) =>
  (x, y) => {
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - radius);
    const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - radius);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };

const union =
  (...shapes) =>
  (x, y) =>
    Math.min(...shapes.map((shape) => shape(x, y)));
const subtract = (shape, hole) => (x, y) => Math.max(shape(x, y), -hole(x, y));

const rotate = (shape, degrees, cx = 0.5, cy = 0.5) => {
  const a = (-degrees * Math.PI) / 180;
  return (x, y) => {
    const dx = x - cx;
    const dy = y - cy;
    return shape(cx + dx * Math.cos(a) - dy * Math.sin(a), cy + dx * Math.sin(a) + dy * Math.cos(a));
  };
};

/** A key lying flat: a ring (the bow) on the left, a shaft to the right, two teeth below it. */
function keyShape() {
  const body = union(
    circle(0.28, 0.5, 0.23),
    roundedBox(0.4, 0.425, 0.94, 0.575, 0.02),
    roundedBox(0.7, 0.5, 0.79, 0.72, 0.015),
    roundedBox(0.84, 0.5, 0.93, 0.66, 0.015),
  );
  return subtract(body, circle(0.28, 0.5, 0.09));
}

/**
 * The tray's key: larger and chunkier than the app icon's, so the bow's hole and the teeth survive 16 px, and set a
 * little low to leave the top right corner free for the attention dot.
 */
function trayKeyShape({ hole = true } = {}) {
  const body = union(
    circle(0.29, 0.57, 0.27),
    roundedBox(0.45, 0.48, 0.98, 0.66, 0.02),
    roundedBox(0.66, 0.57, 0.79, 0.88, 0.02),
    roundedBox(0.86, 0.57, 0.98, 0.8, 0.02),
  );
  return hole ? subtract(body, circle(0.29, 0.57, 0.105)) : body;
}

// --- Rasterising ----------------------------------------------------------------------------------------------

const clamp01 = (value) => Math.min(1, Math.max(0, value));

/** Coverage of a filled shape at a pixel, from its distance in pixels (a one-pixel soft edge). */
const fill = (distancePx) => clamp01(0.5 - distancePx);
/** Coverage of the shape's outline, a stroke of `widthPx` just inside its edge. */
const stroke = (distancePx, widthPx) => clamp01(0.5 - (Math.abs(distancePx + widthPx / 2) - widthPx / 2));

/** Paints layers (each: coverage(x, y, size) and colour(x, y) → [r, g, b, a]) over each other. */
function render(size, layers) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const layer of layers) {
        const [lr, lg, lb, la] = layer.colour(x, y);
        const alpha = clamp01(layer.coverage(x, y, size) * la);
        const outA = alpha + a * (1 - alpha);
        if (outA > 0) {
          r = (lr * alpha + r * a * (1 - alpha)) / outA;
          g = (lg * alpha + g * a * (1 - alpha)) / outA;
          b = (lb * alpha + b * a * (1 - alpha)) / outA;
        }
        a = outA;
      }
      const at = (py * size + px) * 4;
      rgba[at] = Math.round(r);
      rgba[at + 1] = Math.round(g);
      rgba[at + 2] = Math.round(b);
      rgba[at + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

const solid =
  (r, g, b, a = 1) =>
  () => [r, g, b, a];

// --- Icons ------------------------------------------------------------------------------------------------------

const BLUE_TOP = [38, 132, 255];
const BLUE_BOTTOM = [0, 82, 204];

export function appIcon(size) {
  // macOS-style margins: the rounded square fills about 80 % of the canvas.
  const tile = roundedBox(0.1, 0.1, 0.9, 0.9, 0.18);
  const key = rotate(keyShape(), -40);
  const scaledKey = (x, y) => key(0.5 + (x - 0.5) / 0.62, 0.5 + (y - 0.5) / 0.62) * 0.62;
  const gradient = (_x, y) => {
    const t = clamp01((y - 0.1) / 0.8);
    return [...BLUE_TOP.map((top, i) => top + (BLUE_BOTTOM[i] - top) * t), 1];
  };
  return render(size, [
    { coverage: (x, y, s) => fill((tile(x, y - 0.015) * s) / 3), colour: solid(0, 0, 0, 0.25) },
    { coverage: (x, y, s) => fill(tile(x, y) * s), colour: gradient },
    { coverage: (x, y, s) => fill(scaledKey(x, y) * s), colour: solid(255, 255, 255) },
  ]);
}

// Tray colours: readable on light and dark panels alike.
const GREY = [138, 143, 152];
const BLUE = [38, 132, 255];
const ORANGE = [255, 122, 26];
const BLACK = [0, 0, 0];

// The attention dot sits top right, with a transparent gap around it so it reads even in one colour.
const DOT = circle(0.8, 0.2, 0.19);
const DOT_GAP = circle(0.8, 0.2, 0.27);

/** `state`: none (outline), some (filled), attention (filled with a dot); `template`: black only, for macOS. */
export function trayIcon(size, state, template) {
  const key = trayKeyShape();
  const strokePx = Math.max(1.3, size * 0.08);
  const keyColour = template ? BLACK : state === 'none' ? GREY : BLUE;
  const dotColour = template ? BLACK : ORANGE;
  if (state === 'none') {
    // Outlined without the bow's hole: its own outline would crowd 16 px into a smudge.
    const outline = trayKeyShape({ hole: false });
    return render(size, [{ coverage: (x, y, s) => stroke(outline(x, y) * s, strokePx), colour: solid(...keyColour) }]);
  }
  const body = state === 'attention' ? subtract(key, DOT_GAP) : key;
  const layers = [{ coverage: (x, y, s) => fill(body(x, y) * s), colour: solid(...keyColour) }];
  if (state === 'attention') layers.push({ coverage: (x, y, s) => fill(DOT(x, y) * s), colour: solid(...dotColour) });
  return render(size, layers);
}

export const TRAY_STATES = ['none', 'some', 'attention'];

/** Every icon file the app ships, relative to the project folder, with its pixel size. */
export function iconFiles() {
  const files = [{ file: 'assets/icon.png', size: 512, draw: () => appIcon(512) }];
  for (const state of TRAY_STATES) {
    for (const template of [false, true]) {
      const name = `tray-${state}${template ? 'Template' : ''}`;
      files.push({ file: `assets/tray/${name}.png`, size: 16, draw: () => trayIcon(16, state, template) });
      files.push({ file: `assets/tray/${name}@2x.png`, size: 32, draw: () => trayIcon(32, state, template) });
    }
  }
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDirAt = process.argv.indexOf('--outdir');
  const outDir = outDirAt > 0 && process.argv[outDirAt + 1] ? path.resolve(process.argv[outDirAt + 1]) : projectDir;
  for (const { file, size, draw } of iconFiles()) {
    const target = path.join(outDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, encodePng(size, size, draw()));
    console.log(`${file}  ${size}x${size}`);
  }
}
