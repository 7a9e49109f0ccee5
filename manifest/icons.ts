import { PNG } from 'pngjs';

/**
 * The app's icons, drawn by code so they are ours and reproducible: three stacked chevrons pointing
 * up — the three SSP levels, and problems and trends travelling up the chain.
 */

/** Brand background of the colour icon; the manifest's `accentColor` is the same. */
export const BRAND_COLOR = '#1F4E79';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** 4× supersampling per axis: smooth edges, still fully deterministic. */
const SAMPLES = 4;

interface Chevron {
  /** Height of the apex, as a fraction of the icon's size. */
  apexY: number;
}

// Apexes and thickness chosen so the symbol's box (0.21..0.80) is centred in the icon.
const CHEVRONS: readonly Chevron[] = [{ apexY: 0.21 }, { apexY: 0.38 }, { apexY: 0.55 }];

/** Shape geometry in unit coordinates (0..1), shared by both icons. */
const HALF_WIDTH = 0.3;
const SLOPE = 0.5;
const THICKNESS = 0.1;

/** Whether the unit point (x, y) lies inside one of the chevrons. */
function insideSymbol(x: number, y: number): boolean {
  const dx = Math.abs(x - 0.5);
  if (dx > HALF_WIDTH) return false;
  return CHEVRONS.some(({ apexY }) => {
    const top = apexY + dx * SLOPE;
    return y >= top && y <= top + THICKNESS;
  });
}

/** Share of supersamples of pixel (px, py) inside the symbol, 0..1. */
function coverage(px: number, py: number, size: number): number {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = (px + (sx + 0.5) / SAMPLES) / size;
      const y = (py + (sy + 0.5) / SAMPLES) / size;
      if (insideSymbol(x, y)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function draw(size: number, paint: (data: Buffer, offset: number, cover: number) => void): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      paint(png.data, (py * size + px) * 4, coverage(px, py, size));
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/** 192×192, white symbol on the opaque brand background. */
export function drawColorIcon(): Buffer {
  const [r, g, b] = hexToRgb(BRAND_COLOR);
  return draw(COLOR_ICON_SIZE, (data, offset, cover) => {
    data[offset] = Math.round(r + (255 - r) * cover);
    data[offset + 1] = Math.round(g + (255 - g) * cover);
    data[offset + 2] = Math.round(b + (255 - b) * cover);
    data[offset + 3] = 255;
  });
}

/**
 * 32×32, pure white symbol on a fully transparent background. Alpha is only 0 or 255 (a pixel is
 * drawn when at least half of it is covered): Teams asks for white on transparent, no shades.
 */
export function drawOutlineIcon(): Buffer {
  return draw(OUTLINE_ICON_SIZE, (data, offset, cover) => {
    const on = cover >= 0.5 ? 255 : 0;
    data[offset] = on;
    data[offset + 1] = on;
    data[offset + 2] = on;
    data[offset + 3] = on;
  });
}
