import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DISTRICT_CODES, GOVERNANCE_FIELD_LIST, shareDirective } from './shareDirective.js';

/** What kind of area a code names. */
export const AreaType = { CITY: 'CITY', DISTRICT: 'DISTRICT', FUNCTIONAL_AREA: 'FUNCTIONAL_AREA' } as const;
registerEnumType(AreaType, {
  name: 'AreaType',
  description: 'What kind of area a code names (区域类型).',
  valuesConfig: {
    CITY: { description: 'Shenzhen itself (深圳市), 440300.' },
    DISTRICT: { description: 'One of the nine districts (市辖区) with a GB/T 2260 code.' },
    FUNCTIONAL_AREA: { description: 'A functional area (功能区) without a GB/T 2260 district code: Qianhai (前海), Dapeng New Area (大鹏新区), the Shenzhen-Shanwei Special Cooperation Zone (深汕特别合作区); its code is local.' },
  },
});

@Directive(shareDirective(DISTRICT_CODES))
@ObjectType({
  description: 'An area of Shenzhen: the city, one of its nine districts (行政区) by GB/T 2260 area code (行政区划代码), or a functional area (功能区) by a local code that is not a GB/T 2260 code (see `localCode`).',
})
export class District {
  @Field(() => String, { description: 'Area code, e.g. 440305 for Nanshan (行政区划代码); a local code such as 4403DP (Dapeng New Area) or 4403SS (Shenzhen-Shanwei Special Cooperation Zone) when `localCode` is true.' })
  code!: string;

  @Field(() => String, { description: 'English name, e.g. Nanshan.' })
  nameEn!: string;

  @Field(() => String, { description: 'Chinese name, e.g. 南山区.' })
  nameZh!: string;

  @Field(() => String, {
    description: 'CITY for Shenzhen itself, DISTRICT for the nine districts, ZONE for the functional areas (Qianhai, Dapeng, Shenshan).',
    deprecationReason: 'Use areaType: it names functional areas as such.',
  })
  level!: string;

  @Field(() => AreaType, { description: 'City, district (市辖区) or functional area (功能区).' })
  areaType!: string;

  @Field(() => Boolean, { description: 'True when `code` is not a GB/T 2260 administrative division code but a local one (项目自定义代码): Dapeng New Area and the Shenzhen-Shanwei Special Cooperation Zone have none, Qianhai is reported as 440313 by some systems. A local code never appears in a USCC.' })
  localCode!: boolean;

  @Field(() => String, { nullable: true, description: 'Where a local code comes from and why it exists; null for a GB/T 2260 code.' })
  codeNote!: string | null;
}

@Directive(shareDirective(GOVERNANCE_FIELD_LIST))
@ObjectType({ description: 'A field of special governance of dishonesty (失信专项治理领域), one of 19.' })
export class GovernanceFieldInfo {
  @Field(() => String, { description: 'Code used in filters and on records (the GovernanceField enum value).' })
  code!: string;

  @Field(() => Int, { description: 'Number of the field in the policy list, 1 to 19.' })
  number!: number;

  @Field(() => String, { description: 'English name.' })
  nameEn!: string;

  @Field(() => String, { description: 'Chinese name, in the policy\'s own wording (政策原文, guiding opinion 三.5).' })
  nameZh!: string;
}
