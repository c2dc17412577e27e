/**
 * The default 表单定义 rows: the intake form an administrator starts from.
 *
 * Source: seed 004 附件《2016年全市工会“三万”活动困难职工调查表》 and its 填表说明 (荆工办〔2016〕2号,
 * Jingmen municipal trade union) for the identity, work, income, household-member,
 * cause and needs items and their choices; seed 003 (豫直工〔2016〕37号, Henan provincial organs)
 * for monthly per-capita income, the union member / bank card number the money goes to,
 * the unit union opinion with its date, the migrant-worker contract of ≥ 1 year and the
 * "one person, one programme" exclusion (other_programme); seed 001 for the emergency path
 * (先救助后补办). Other modules rely on these keys (SPEC §5).
 *
 * Kept as compact seeds and turned into sheet rows by the same code that writes the sheet,
 * then parsed back by the same parser an administrator's edits go through.
 */
import { parseRoleList, roleLabel } from '../domain/roles';
import {
  FIELD_TYPE_LABELS,
  FORM_SECTIONS,
  formDefinitionsToRows,
  parseFormDefinitions,
  type FieldDef,
  type FieldType,
  type FormDefinitions,
} from '../domain/forms/fieldDefs';

interface FieldSeed {
  key: string;
  zh: string;
  en: string;
  type: FieldType;
  /** Choices joined by 、; `code=名称` stores the code and shows the name. */
  options?: string;
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: string;
  /** Section key; sub-fields (`parent.child`) take their table's section. */
  section?: string;
  editRoles?: string;
  help?: string;
  computed?: boolean;
}

const YES_NO = '是、否';
const MONEY = { min: 0, max: 100_000_000 };

const SEEDS: FieldSeed[] = [
  // 一、职工及家庭成员基本情况 (seed 004)
  { key: 'name', zh: '姓名', en: 'Name', type: 'text', required: true, max: 30, section: 'identity' },
  {
    key: 'id_number',
    zh: '身份证号',
    en: 'ID number',
    type: 'idcard',
    required: true,
    section: 'identity',
    help: '18 位居民身份证号码，出生日期、性别、年龄据此自动填写',
  },
  { key: 'sex', zh: '性别', en: 'Sex', type: 'select', options: '男、女', section: 'identity', computed: true, help: '由身份证号第 17 位自动得出' },
  { key: 'birth_date', zh: '出生日期', en: 'Date of birth', type: 'date', min: 1900, max: 2100, section: 'identity', computed: true },
  { key: 'age', zh: '年龄', en: 'Age', type: 'number', min: 0, max: 150, section: 'identity', computed: true },
  { key: 'ethnicity', zh: '民族', en: 'Ethnicity', type: 'text', max: 20, section: 'identity', help: '如“汉族”“土家族”' },
  { key: 'education', zh: '文化程度', en: 'Education', type: 'text', max: 20, section: 'identity' },
  { key: 'political_status', zh: '政治面貌', en: 'Political status', type: 'select', options: '中共党员、共青团员、群众、民主党派', section: 'identity' },
  { key: 'marital_status', zh: '婚姻状况', en: 'Marital status', type: 'select', options: '未婚、已婚、离异、丧偶', section: 'identity' },
  { key: 'health', zh: '健康状况', en: 'Health', type: 'select', options: '良好、患病、残疾', section: 'identity', help: '患病的，请在“主要疾病名称”中写明' },
  {
    key: 'illness',
    zh: '主要疾病名称',
    en: 'Main illness',
    type: 'text',
    max: 50,
    section: 'identity',
    help: '健康状况为“患病”时填写所患主要疾病名称，如“尿毒症”',
  },
  { key: 'disability_grade', zh: '残疾等级', en: 'Disability grade', type: 'text', max: 20, section: 'identity', help: '如“二级”；无残疾不填' },
  { key: 'model_worker', zh: '劳模类型', en: 'Model worker', type: 'select', options: '无、全国劳模、省部级劳模、地市级劳模', section: 'identity' },
  { key: 'address', zh: '家庭住址', en: 'Home address', type: 'text', max: 100, section: 'identity' },
  { key: 'phone', zh: '联系电话', en: 'Phone', type: 'phone', section: 'identity' },
  // 工作情况 (seed 004; migrant contract from seed 003 二(四)4)
  { key: 'employer', zh: '工作单位', en: 'Employer', type: 'text', required: true, max: 60, section: 'work' },
  { key: 'employer_type', zh: '单位性质', en: 'Employer type', type: 'select', options: '国家机关/事业单位、国有企业、非公企业', section: 'work' },
  { key: 'enterprise_status', zh: '企业状况', en: 'Enterprise status', type: 'select', options: '正常、半停产、停产、破产', section: 'work' },
  { key: 'work_status', zh: '工作状态', en: 'Work status', type: 'select', options: '在岗、下(待)岗、病休、内退', section: 'work' },
  { key: 'skill_grade', zh: '技术等级（工种）', en: 'Skill grade (trade)', type: 'text', max: 30, section: 'work', help: '填写“工种×级”，如“焊工五级”' },
  { key: 'years_of_service', zh: '工龄', en: 'Years of service', type: 'number', min: 0, max: 60, section: 'work' },
  { key: 'medical_insurance', zh: '医疗保险', en: 'Medical insurance', type: 'select', options: '居民医保、职工医保、无医保、公费医疗', section: 'work' },
  { key: 'migrant', zh: '农民工', en: 'Migrant worker', type: 'select', options: YES_NO, section: 'work' },
  {
    key: 'contract_years',
    zh: '劳动合同年限',
    en: 'Contract length (years)',
    type: 'number',
    min: 0,
    max: 50,
    section: 'work',
    help: '农民工填写；签订一年以上劳动（劳务）合同的可申请救助',
  },
  {
    key: 'years_in_town',
    zh: '在城镇居住年限',
    en: 'Years living in the town',
    type: 'number',
    min: 0,
    max: 80,
    section: 'work',
    help: '农民工填写；家庭在城镇居住两年以上、以工资收入为主要生活来源的可申请救助',
  },
  // 收入与家庭 (seed 004; monthly per-capita income from seed 003 附件1)
  { key: 'receives_dibao', zh: '享受低保', en: 'Receives dibao', type: 'select', options: YES_NO, section: 'income' },
  { key: 'own_income', zh: '本人年收入', en: 'Own annual income', type: 'number', ...MONEY, section: 'income', help: '元' },
  {
    key: 'own_monthly_income',
    zh: '本人月实际收入',
    en: 'Own actual monthly income',
    type: 'number',
    ...MONEY,
    section: 'income',
    help: '本人每月实际到手收入（元），不按年收入折算',
  },
  {
    key: 'household_income',
    zh: '家庭年收入',
    en: 'Household annual income',
    type: 'number',
    ...MONEY,
    required: true,
    section: 'income',
    help: '家庭年度总收入（元），包括工资和其他薪资收入',
  },
  {
    key: 'household_size',
    zh: '家庭人口',
    en: 'Household size',
    type: 'number',
    min: 1,
    max: 30,
    pattern: '[1-9][0-9]*',
    required: true,
    section: 'income',
    help: '以户籍关系为准',
  },
  {
    key: 'per_capita_income',
    zh: '家庭人均年收入',
    en: 'Per-capita annual income',
    type: 'number',
    min: 0,
    section: 'income',
    computed: true,
    help: '家庭年收入 ÷ 家庭人口，精确到分',
  },
  {
    key: 'per_capita_monthly',
    zh: '家庭人均月收入',
    en: 'Per-capita monthly income',
    type: 'number',
    min: 0,
    section: 'income',
    computed: true,
    help: '家庭人均年收入 ÷ 12，精确到分',
  },
  { key: 'household_expense', zh: '家庭年支出', en: 'Household annual expenditure', type: 'number', ...MONEY, section: 'income' },
  {
    key: 'medical_self_pay',
    zh: '年医疗自付费用',
    en: 'Annual medical self-pay',
    type: 'number',
    ...MONEY,
    section: 'income',
    help: '扣除医保报销、商业保险和其他救助后的个人自付部分（元）',
  },
  {
    key: 'tuition',
    zh: '年学费支出',
    en: 'Annual tuition',
    type: 'number',
    ...MONEY,
    section: 'income',
    help: '子女接受义务教育以外全日制学历教育的学费（元）',
  },
  { key: 'disaster_loss', zh: '灾害损失', en: 'Disaster loss', type: 'number', ...MONEY, section: 'income', help: '天灾人祸造成的家庭财产损失（元）' },
  // 家庭成员 (seed 004: 姓名 关系 性别 文化程度 身份证号 健康状况 年收入 就业（学）状况 单位或学校 技术职称等级)
  { key: 'members', zh: '家庭成员', en: 'Household members', type: 'table', max: 30, section: 'members', help: '以户籍关系为准，不含本人' },
  { key: 'members.name', zh: '姓名', en: 'Name', type: 'text', required: true, max: 30 },
  { key: 'members.relation', zh: '关系', en: 'Relation', type: 'select', options: '配偶、子女、父母、兄弟姐妹、祖父母、孙子女、其他' },
  { key: 'members.sex', zh: '性别', en: 'Sex', type: 'select', options: '男、女' },
  { key: 'members.education', zh: '文化程度', en: 'Education', type: 'text', max: 20 },
  { key: 'members.id_number', zh: '身份证号', en: 'ID number', type: 'idcard' },
  { key: 'members.health', zh: '健康状况', en: 'Health', type: 'select', options: '良好、患病、残疾' },
  { key: 'members.income', zh: '年收入', en: 'Annual income', type: 'number', ...MONEY },
  { key: 'members.status', zh: '就业/就学状况', en: 'Employment / schooling', type: 'text', max: 30 },
  { key: 'members.employer', zh: '工作单位或学校', en: 'Employer or school', type: 'text', max: 60 },
  { key: 'members.skill_grade', zh: '技术等级', en: 'Skill grade', type: 'text', max: 30 },
  // 二、致困原因 (seed 004; 因残/单亲 from 004 二(二)2; emergency from seed 001 §2; exclusion from seed 003)
  {
    key: 'causes',
    zh: '致困原因',
    en: 'Causes of hardship',
    type: 'multiselect',
    options: '因病、子女上学、因意外、因未就业、因残、单亲、其它',
    section: 'hardship',
    help: '可多选',
  },
  {
    key: 'cause_detail',
    zh: '致困原因说明',
    en: 'Cause details',
    type: 'text',
    max: 500,
    section: 'hardship',
    help: '文字描述致困原因；患病的写明主要疾病名称',
  },
  {
    key: 'hardship_routes',
    zh: '特困情形',
    en: 'Extreme-hardship route',
    type: 'multiselect',
    options: '零就业家庭、三无人员、低保补差达当地平均1.5倍以上、夫妻双下岗',
    section: 'hardship',
    help: '符合的可多选；三无人员须经民政部门认定',
  },
  {
    key: 'hardship_category',
    zh: '困难类别',
    en: 'Hardship category',
    type: 'select',
    options: '低保户、低保边缘户、意外致困户',
    section: 'hardship',
    computed: true,
    help: '按家庭人均月收入、低保线和大额支出自动建议',
  },
  {
    key: 'emergency',
    zh: '紧急（先救助后补办）',
    en: 'Emergency (help first, papers later)',
    type: 'select',
    options: YES_NO,
    section: 'hardship',
    help: '紧急情况当日完成审核，可在审批前先行发放救助',
  },
  {
    key: 'other_programme',
    zh: '已享受其他帮扶',
    en: 'Other programme',
    type: 'select',
    options: '否、党组织帮扶、其他',
    section: 'hardship',
    help: '列入党组织救助的困难职工党员，不再作为工会的救助对象（一人一项）',
  },
  // 三、帮扶需求及帮扶措施 (seed 004; assistance kinds from seed 002 附件2; schemes SPEC §4; card from seed 003)
  { key: 'needs', zh: '帮扶需求', en: 'Needs', type: 'text', max: 500, section: 'needs' },
  { key: 'measures', zh: '帮扶措施', en: 'Measures', type: 'text', max: 500, section: 'needs' },
  {
    key: 'assistance_kinds',
    zh: '帮扶类别',
    en: 'Kinds of assistance',
    type: 'multiselect',
    options: '生活救助、医疗救助、助学、就业、培训、政策咨询、法律援助、创业贷款、取暖补贴、结对帮扶、其他',
    section: 'needs',
  },
  {
    key: 'scheme',
    zh: '救助项目',
    en: 'Relief scheme',
    type: 'select',
    section: 'needs',
    options: 'medical=特困职工医疗救助、critical=十种重大疾病、major=其他重大疾病、accident=重大意外事故、poor-critical=特困+重大疾病、living=生活救助',
    help: '按“救助标准”表计算建议救助金额',
  },
  // 适用条件 of the schemes (救助标准; SPEC §4): what the approver checks
  {
    key: 'in_catalogue',
    zh: '费用在医保目录内',
    en: 'Costs in the insurance catalogue',
    type: 'select',
    options: YES_NO,
    section: 'needs',
    help: '医疗救助、其他重大疾病：自付费用是否符合基本医疗保险用药和诊疗目录',
  },
  {
    key: 'participant',
    zh: '参加一日捐活动',
    en: 'Campaign participant',
    type: 'select',
    options: YES_NO,
    section: 'needs',
    help: '十种重大疾病、其他重大疾病、重大意外事故只救助参加本期“职工互助一日捐”的职工（见捐款名册）',
  },
  {
    key: 'diagnosis_date',
    zh: '首次确诊日期',
    en: 'First diagnosed on',
    type: 'date',
    min: 1950,
    max: 2100,
    section: 'needs',
    help: '十种重大疾病：救助期（自然年度）内首次确诊的，得病即享受救助',
  },
  {
    key: 'affects_living',
    zh: '影响基本生活',
    en: 'Affects basic living',
    type: 'select',
    options: YES_NO,
    section: 'needs',
    help: '重大意外事故：影响到基本生活的，给予定额救助',
  },
  {
    key: 'relief_base',
    zh: '救助计算基数',
    en: 'Relief base amount',
    type: 'number',
    ...MONEY,
    section: 'needs',
    help: '如医疗救助填年医疗自付金额（元）；生活救助填当地低保月标准',
  },
  { key: 'card_number', zh: '会员卡/银行卡号', en: 'Member / bank card no.', type: 'card', section: 'needs', help: '救助金直接转入工会会员卡或本人银行卡' },
  // 四、工会审核意见 (seed 004; dated opinion per seed 003 附件1) — the reviewer writes it
  { key: 'unit_opinion', zh: '单位工会意见', en: 'Unit union opinion', type: 'text', max: 500, section: 'needs', editRoles: 'reviewer' },
  { key: 'unit_opinion_date', zh: '意见日期', en: 'Opinion date', type: 'date', min: 2000, max: 2100, section: 'needs', editRoles: 'reviewer' },
  // 上级工会意见: the 市总 in seed 004's 调查表 四, the 主管厅局工会 in seed 003 附件1 — the city union writes it
  { key: 'supervisor_opinion', zh: '上级工会意见', en: 'Supervising union opinion', type: 'text', max: 500, section: 'needs', editRoles: 'city' },
  {
    key: 'supervisor_opinion_date',
    zh: '上级工会意见日期',
    en: 'Supervising opinion date',
    type: 'date',
    min: 2000,
    max: 2100,
    section: 'needs',
    editRoles: 'city',
  },
  { key: 'remarks', zh: '备注', en: 'Remarks', type: 'text', max: 200, section: 'needs', help: '单亲女职工请注明（报表中自动注明）' },
  // 帮扶责任人 (seed 004 二(四): every leader 2 workers, every cadre 1)
  { key: 'cadre_name', zh: '帮扶责任人', en: 'Responsible cadre', type: 'text', max: 30, section: 'cadre' },
  { key: 'cadre_phone', zh: '责任人电话', en: 'Cadre phone', type: 'phone', section: 'cadre' },
];

const sectionZh = (key: string | undefined) => FORM_SECTIONS.find((s) => s.key === key)?.zh ?? '';

/** The default 表单定义 sheet (header row first), as setup writes it: in the zh words an administrator reads. */
export function defaultFormRows(): (string | number)[][] {
  const header = formDefinitionsToRows([])[0];
  const rows = SEEDS.map((s, i) => [
    s.key,
    s.zh,
    s.en,
    FIELD_TYPE_LABELS[s.type].zh,
    s.options ?? '',
    s.required ? '是' : '否',
    s.min ?? '',
    s.max ?? '',
    s.pattern ?? '',
    sectionZh(s.section),
    parseRoleList(s.editRoles ?? '')
      .roles.map((r) => roleLabel(r))
      .join('、'),
    (i + 1) * 10,
    s.help ?? '',
    s.computed ? '是' : '否',
  ]);
  return [header, ...rows];
}

let cached: FormDefinitions | null = null;
/** The default form, parsed once per script load (lazily: bundles load on every call). */
export function defaultFormDefinitions(): FormDefinitions {
  return (cached ??= parseFormDefinitions(defaultFormRows()));
}

export function defaultFields(): FieldDef[] {
  return defaultFormDefinitions().fields;
}

export { FORM_SECTIONS as DEFAULT_SECTIONS };
