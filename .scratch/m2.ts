import { generateSampleData } from '../db/seed/generateSampleData.js';
for (const size of ['small','large'] as const) {
const d = generateSampleData(size);
const kids = new Map<string, number>();
for (const chunk of d.organisations) for (const o of chunk as any[]) { const p = o.parentUscc ?? o.parent_uscc; if (p) kids.set(p, (kids.get(p) ?? 0) + 1); }
console.log(size, 'departments max', Math.max(0, ...kids.values()));
}
