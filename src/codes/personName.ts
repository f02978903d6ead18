/**
 * Masks a natural person's name for display (脱敏), the rule of `@personal(kind: NAME)`: the family name
 * stays, every other character becomes `*` (张玉 → 张*, 王小明 → 王**); a four-character name keeps two
 * (a two-character family name, 复姓: 欧阳小明 → 欧阳**). Empty or already masked names pass through.
 */
export function maskPersonName(name: string): string {
  if (name === '' || name.includes('*')) return name;
  const chars = [...name];
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(0, chars.length - keep));
}

/**
 * Masks every occurrence of each of `names` (people the text is known to name) in `text`, longest name
 * first so that 王小明 is masked whole even when 王小 is also listed. Names shorter than two characters are
 * ignored (a lone family name identifies nobody and would mask ordinary words).
 */
export function maskNamesInText(text: string, names: readonly string[]): string {
  const sorted = [...new Set(names)].filter((n) => [...n].length >= 2 && !n.includes('*')).sort((a, b) => [...b].length - [...a].length);
  let masked = text;
  for (const name of sorted) masked = masked.split(name).join(maskPersonName(name));
  return masked;
}
