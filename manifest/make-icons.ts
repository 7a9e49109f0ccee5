import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { drawColorIcon, drawOutlineIcon } from './icons';

// Writes the committed icons next to the template: `npx tsx manifest/make-icons.ts`.
const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

writeFileSync(here('color.png'), drawColorIcon());
writeFileSync(here('outline.png'), drawOutlineIcon());
console.log('Wrote manifest/color.png (192×192) and manifest/outline.png (32×32).');
