import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CreditRecordKind, DataFormat, Disclosure, ReportingCycle, SharingClass, SourceChannel } from '../enums.js';
import { CATALOGUE, shareDirective } from './shareDirective.js';

@Directive(shareDirective(CATALOGUE))
@ObjectType({
  description:
    'An item of the public credit information catalogue (公共信用信息目录): what conduct it covers, which unit reports it, how and how often, and how far it may be disclosed and shared. Information outside the catalogue is not public credit information.',
})
export class CatalogItem {
  @Field(() => String, { description: 'Catalogue item code (目录编码).' })
  code!: string;

  @Field(() => String, { description: 'Item name in English.' })
  name!: string;

  @Field(() => String, { description: 'Item name in Chinese (信息项名称).' })
  nameZh!: string;

  @Field(() => CreditRecordKind, { description: 'Kind of record the item produces.' })
  recordKind!: string;

  @Field(() => String, { description: 'Conduct covered (覆盖的行为).' })
  conduct!: string;

  @Field(() => SourceChannel, { description: 'Reporting channel (报送渠道).' })
  sourceChannel!: string;

  @Field(() => DataFormat, { description: 'Data format (数据格式).' })
  dataFormat!: string;

  @Field(() => ReportingCycle, { description: 'Reporting cycle (报送周期).' })
  reportingCycle!: string;

  @Field(() => Disclosure, { description: 'Disclosure attribute (公开属性).' })
  disclosure!: string;

  @Field(() => SharingClass, { description: 'Sharing class (共享类型).' })
  sharingClass!: string;

  @Field(() => Int, { description: 'Retention period in years (保存期限).' })
  retentionYears!: number;

  @Field(() => String, { description: 'Legal basis for collecting the item (归集依据).' })
  legalBasis!: string;
}
