import { buildSchema, isObjectType, isInterfaceType, isListType, getNullableType } from 'graphql';
import { readFileSync } from 'node:fs';
const s = buildSchema(readFileSync('schema/hub.graphql','utf8'));
for (const t of Object.values(s.getTypeMap())) {
  if (t.name.startsWith('__')) continue;
  if (!(isObjectType(t)||isInterfaceType(t))) continue;
  for (const f of Object.values(t.getFields())) {
    if (!isListType(getNullableType(f.type))) continue;
    const args = f.args.map(a=>a.name).join(',');
    console.log(`${t.name}.${f.name}\t${f.type}\t${args}`);
  }
}
