/**
 * The source documents every default number comes from, cited the way an auditor looks
 * them up: the document's own title in 《》 and its 文号 (document number) when it has one,
 * otherwise its issuer and date. Never an internal name: these texts fill the 依据 column
 * of 救助标准 and 期限 and end every explanation a user reads.
 */
export const SOURCE_DOCUMENTS = {
  /** Baoding, 2012: the "one-day donation" campaign and its relief standards. */
  donation2012: { title: '保定市总工会关于开展第二期“职工互助一日捐”活动的通知', ref: '保定市总工会，2012年10月19日' },
  /** Hebei: opinions on assisting workers in extreme hardship (no 文号 in the text). */
  hebeiOpinions: { title: '关于进一步做好困难职工帮扶工作的意见', ref: '河北省' },
  /** Chengdu: 送温暖 notice with its two statistics forms. */
  chengduWarmth: { title: '成都市总工会关于做好20xx年元旦春节期间送温暖活动的通知', ref: '成工办发[2011]112号' },
  /** Henan provincial organs: 送温暖 2017 with the hardship report and the real-name summary. */
  henanWarmth: { title: '关于组织开展2017年元旦春节送温暖活动的通知', ref: '豫直工〔2016〕37号' },
  /** Jingmen: the "10,000 cadres" plan with its survey form. */
  jingmenPlan: { title: '荆门市工会系统开展“万名工会干部进万企帮万户”活动实施方案', ref: '荆工办〔2016〕2号' },
} as const;

export type SourceDocument = keyof typeof SOURCE_DOCUMENTS;

/** 《title》（文号）section note — e.g. 《关于进一步做好困难职工帮扶工作的意见》（河北省）五、10 帮扶标准. */
export function cite(doc: SourceDocument, section = '', note = ''): string {
  const d = SOURCE_DOCUMENTS[doc];
  return `《${d.title}》（${d.ref}）${section}${note}`;
}
