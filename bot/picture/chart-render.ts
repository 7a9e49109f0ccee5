import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { CHART_FONT, type VegaLiteSpec } from '../../cards/picture-charts';

/**
 * Charts drawn on the server without a browser: Vega-Lite → Vega → SVG, and SVG → PNG with resvg for
 * cards and Word files. resvg is given the font files itself (no system font lookup), so the text
 * measures and renders the same on every machine; scripts/test.sh installs Debian's fonts-dejavu-core.
 */
const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu'];
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

export function chartFontFiles(): string[] {
  for (const dir of FONT_DIRS) {
    const files = FONT_FILES.map((f) => `${dir}/${f}`);
    if (files.every((f) => existsSync(f))) return files;
  }
  throw new Error(`Chart fonts missing: install Debian's fonts-dejavu-core (looked for ${FONT_FILES.join(', ')} in ${FONT_DIRS.join(', ')})`);
}

export async function chartSvg(spec: VegaLiteSpec): Promise<string> {
  const compiled = vl.compile(spec as unknown as vl.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** PNG at `scale` × the SVG's own size (2 for sharp images on high-density screens and in print). */
export function chartPng(svg: string, scale = 2): { png: Buffer; width: number; height: number } {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: false, fontFiles: chartFontFiles(), defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
