/**
 * What the explorer shows on first visit (afterwards GraphiQL keeps the user's own tabs in localStorage).
 * Written for investment-promotion officers (招商引资): see the latest records, then check one company by
 * its USCC before a meeting. Every operation here is validated against schema/hub.graphql by
 * test/hub/explorer.test.ts, the commented examples included, so a schema change that breaks them fails a test.
 */

/** The live operation of the default tab: the latest credit records of all subjects. */
export const LATEST_RECORDS_QUERY = `query LatestRecords {
  creditRecords(first: 5) {
    totalCount
    edges {
      node {
        kind            # 信用信息类别
        title           # 事项名称
        documentNumber  # 决定书文号
        decisionDate    # 决定日期
        severity        # 失信程度
        status          # 公示状态
        subject { uscc name }
      }
    }
  }
}`;

/** Commented example 2: one subject's profile (due diligence on a company, 招商尽职调查). */
export const SUBJECT_PROFILE_EXAMPLE = `query SubjectProfile($uscc: USCC!) {
  subject(uscc: $uscc) {
    name
    kind
    legalRepresentative
    establishedOn
    district { nameZh }
    creditRecords(first: 10) {
      totalCount
      edges {
        node {
          kind title decisionDate severity status
        }
      }
    }
  }
}`;

/** Commented example 3: negative records still in publicity, the ones that matter before signing. */
export const SERIOUS_IN_PUBLICITY_EXAMPLE = `query SeriousInPublicity {
  creditRecords(first: 20, filter: {
    severities: [SERIOUS]
    statuses: [IN_PUBLICITY]
  }) {
    totalCount
    edges {
      node {
        kind title decisionDate
        publicity { end }
        subject { uscc name district { nameZh } }
      }
    }
  }
}`;

function commentOut(text: string): string {
  return text
    .split('\n')
    .map((line) => `# ${line}`)
    .join('\n');
}

/** The text of the first editor tab: help comments, the live query, then the commented examples. */
export const EXPLORER_DEFAULT_QUERY = `# Chengxin Hub · 诚信 公共信用信息查询
#
# Run 运行: Ctrl-Enter (⌘-Enter) or ▶.
# Docs 文档: the book icon on the left:
#   every type and field, with the Chinese
#   term 中文名称.
# Autocomplete 自动补全: Ctrl-Space.
# Headers 请求头: bottom panel, JSON with
#   ASCII values, when the hub asks, e.g.
#   {"Authorization": "Bearer <token>",
#    "X-Purpose": "<why you query>"}
#   Not saved in the browser. 不会保存。
#
# 1. The latest credit records 最新信用记录:
${LATEST_RECORDS_QUERY}

# 2. A company's profile before a meeting
#    招商尽职调查: remove the "# " below,
#    put its USCC 统一社会信用代码 in the
#    Variables panel, e.g.
#    {"uscc": "<a subject.uscc from 1.>"},
#    pick SubjectProfile from ▶.
${commentOut(SUBJECT_PROFILE_EXAMPLE)}

# 3. Serious records still in publicity
#    严重失信、公示中:
${commentOut(SERIOUS_IN_PUBLICITY_EXAMPLE)}
`;
