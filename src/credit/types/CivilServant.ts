import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CIVIL_SERVANT_ARCHIVE, personalDirective, shareDirective } from './shareDirective.js';

@Directive(shareDirective(CIVIL_SERVANT_ARCHIVE))
@ObjectType({
  description:
    'A civil servant (公务员) with a personal credit archive (个人诚信档案). The citizen ID number is stored encrypted and shown masked, in full only to a consumer entitled to unmask personal data.',
})
export class CivilServant {
  @Field(() => ID, { description: 'Opaque identifier (not the ID number).' })
  id!: string;

  @Directive(personalDirective('NAME'))
  @Field(() => String, { description: 'Name (姓名).' })
  name!: string;

  // Masked by the store already, still personal data: region, birth year and sequence narrow it to a person.
  @Directive(personalDirective('ID_NUMBER'))
  @Field(() => String, { description: 'Citizen ID number with birth month and day masked (脱敏身份证号), e.g. 3423011964****3224.' })
  idNumberMasked!: string;

  @Field(() => String, { description: 'Post (职务 / 职级).' })
  post!: string;
}
