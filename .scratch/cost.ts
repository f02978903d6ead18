import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { measureOperation } from '../src/governance/limits/index.js';
const s = buildSchema(readFileSync('schema/hub.graphql','utf8'));
const m = (q: string, v = {}) => console.log(JSON.stringify(measureOperation(s, parse(q), null, v)));
m(getIntrospectionQuery());
m(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
m('{ __schema { types { name } } }');
m(`{ ${Array.from({length: 30}, (_, i) => `a${i}: __schema { types { name fields { name type { name } } } }`).join(' ')} }`);
m('{ subject(uscc: "91440300MA5E9NHA04") { ... on Enterprise { bids { tenderer { ... on Enterprise { tenders { bids { bidder { ... on Enterprise { bids { tenderCode } } } } } } } } } } }');
const USCCS = Array.from({ length: 100 }, (_, i) => `91440300MA5E9N${String(i).padStart(4, '0')}`);
m(`query ($usccs: [USCC!]!) { subjects(usccs: $usccs) {
    uscc name kind district { code }
    creditRecords(first: 10) { totalCount edges { node { id kind decisionDate authority { uscc name } sourceUnit { uscc name } } } }
    ... on Enterprise {
      bids { tenderCode price role won tenderer { name } provenance { recordId fetchedAt } }
      awards { tenderCode price noticeDate }
      constructionProjects { code name status totalWorkingDays stages { stage actualWorkingDays overdue } }
      serviceCases { caseNumber status overdue handlingDepartmentName provenance { recordId } }
    }
    ... on GovernmentBody {
      serviceReviewSummary { casesHandled onTimeRate badReviewRate overdueCases }
      approvalPerformance { approvalsHandled overdueApprovals averageWorkingDays }
      tenders { code name budget status }
    }
  } }`, { usccs: USCCS });
