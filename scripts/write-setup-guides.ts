/**
 * `npx tsx scripts/write-setup-guides.ts`: writes docs/setup/*.md from shared/setup-guides.ts,
 * the same data the app's guides render. test/guides fails when the files and the data differ.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { guideMarkdown, setupGuides } from '../shared/setup-guides';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const guide of setupGuides) {
  writeFileSync(join(root, guide.docFile), guideMarkdown(guide));
  console.log(`wrote ${guide.docFile}`);
}
