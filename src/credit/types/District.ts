import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { DISTRICT_CODES, GOVERNANCE_FIELD_LIST, shareDirective } from './shareDirective.js';

@Directive(shareDirective(DISTRICT_CODES))
@ObjectType({ description: 'A district or zone of Shenzhen (行政区), by its GB/T 2260 area code (行政区划代码).' })
export class District {
  @Field(() => String, { description: 'Area code, e.g. 440305 for Nanshan (行政区划代码).' })
  code!: string;

  @Field(() => String, { description: 'English name, e.g. Nanshan.' })
  nameEn!: string;

  @Field(() => String, { description: 'Chinese name, e.g. 南山区.' })
  nameZh!: string;

  @Field(() => String, { description: 'CITY for Shenzhen itself, DISTRICT for the ten districts, ZONE for Qianhai.' })
  level!: string;
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

  @Field(() => String, { description: 'Chinese name.' })
  nameZh!: string;
}
