import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { manifestDir } from '../../manifest/app-package';
import { drawColorIcon, drawOutlineIcon } from '../../manifest/icons';

const read = (name: string): Buffer => readFileSync(join(manifestDir, name));

/** Every pixel as [r, g, b, a]. */
function pixels(png: PNG): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let i = 0; i < png.data.length; i += 4) out.push([png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!]);
  return out;
}

describe('the app icons', () => {
  it('given color.png then it is a 192×192 PNG, fully opaque, with a white symbol on the accent colour', () => {
    const png = PNG.sync.read(read('color.png'));
    expect([png.width, png.height]).toEqual([192, 192]);
    const all = pixels(png);
    expect(all.filter(([, , , a]) => a !== 255)).toHaveLength(0);
    const white = all.filter(([r, g, b]) => r === 255 && g === 255 && b === 255).length;
    const accent = all.filter(([r, g, b]) => r === 0x1f && g === 0x4e && b === 0x79).length;
    // Both the symbol and the background are substantial; neither fills the icon.
    expect(white / all.length).toBeGreaterThan(0.1);
    expect(accent / all.length).toBeGreaterThan(0.5);
  });

  it('given outline.png then it is 32×32 with alpha only 0 or 255 and every visible pixel pure white', () => {
    const png = PNG.sync.read(read('outline.png'));
    expect([png.width, png.height]).toEqual([32, 32]);
    const all = pixels(png);
    expect(all.filter(([, , , a]) => a !== 0 && a !== 255)).toHaveLength(0);
    expect(all.filter(([r, g, b, a]) => a === 255 && (r !== 255 || g !== 255 || b !== 255))).toHaveLength(0);
    const visible = all.filter(([, , , a]) => a === 255).length;
    expect(visible).toBeGreaterThan(100);
    expect(visible).toBeLessThan(all.length / 2);
    // Transparent border: Teams draws the outline icon on its own background.
    const edge = all.filter((_, i) => [0, 31].includes(i % 32) || [0, 31].includes(Math.floor(i / 32)));
    expect(edge.every(([, , , a]) => a === 0)).toBe(true);
  });

  it('given the drawing code then the committed icons are exactly what it draws (npx tsx manifest/make-icons.ts)', () => {
    expect(PNG.sync.read(read('color.png')).data.equals(PNG.sync.read(drawColorIcon()).data)).toBe(true);
    expect(PNG.sync.read(read('outline.png')).data.equals(PNG.sync.read(drawOutlineIcon()).data)).toBe(true);
  });
});
