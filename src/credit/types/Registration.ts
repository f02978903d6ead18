import { Directive, Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars.js';
import { INDUSTRY_CLASSIFICATION, REGISTRATION, shareDirective } from './shareDirective.js';

@Directive(shareDirective(INDUSTRY_CLASSIFICATION))
@ObjectType({
  description: 'An industry of GB/T 4754-2017, Industrial classification for national economic activities (国民经济行业分类): a division (大类) and its section (门类).',
})
export class Industry {
  @Field(() => String, { description: 'Section letter (门类), A–T, e.g. I.' })
  section!: string;

  @Field(() => String, { description: 'Official Chinese name of the section (门类名称), e.g. 信息传输、软件和信息技术服务业.' })
  sectionName!: string;

  @Field(() => String, { description: 'Division code (大类代码), two digits 01–97, e.g. 65.' })
  division!: string;

  @Field(() => String, { description: 'Official Chinese name of the division (大类名称), e.g. 软件和信息技术服务业.' })
  name!: string;
}

@Directive(shareDirective(REGISTRATION))
@ObjectType({ description: 'A name the organisation was registered under before (曾用名).' })
export class FormerName {
  @Field(() => String, { description: 'The former name (曾用名).' })
  name!: string;

  @Field(() => DateScalar, { description: 'Date of the change of name (名称变更日期): from this day on the organisation bore its next name.' })
  until!: string;
}
