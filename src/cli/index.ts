/**
 * The `bangfu` command (bin/bangfu.mjs runs this through tsx):
 *   bangfu check 案件.xlsx [--forms 表单定义.xlsx]
 *   bangfu rollup county1.xlsx county2.xlsx … -o 汇总.xlsx [--city] [--unit 荆门市总工会] [--person 陈静] [--phone 0724-2332018] [--pdf]
 *     [--settings 设置.xlsx] [--donations 捐款.xlsx] [--period 2026|2026Q4] [--campaign 活动名称]
 *   bangfu holidays notice.txt [--year 2027]
 * check and rollup take --today YYYY-MM-DD (default: today in Beijing), so a run can be repeated.
 * Exit codes: 0 done (check: no errors), 1 check found errors or a command failed, 2 usage.
 */
import { parseArgs } from 'node:util';
import { runCheck } from './check';
import { convertToPdf } from './pdf';
import { runRollupCli } from './rollup';
import { runHolidays } from './holidays';
import { coerceCivil, type CivilDate } from '../domain/civilDate';
import { BangfuError } from '../domain/errors';

export const USAGE = `用法 / Usage:
  bangfu check 案件.xlsx [--forms 表单定义.xlsx]
      按表单定义和规则检查“案件”表（或第一张表）的每一行；有错误时退出码为 1。
      表单定义：--forms 指定的文件，否则工作簿自带的“表单定义”表，否则内置默认。
  bangfu rollup 县区1.xlsx 县区2.xlsx … -o 汇总.xlsx [--city] [--unit 填报单位]
      汇总各县区文件，生成与插件相同的各报表（每张报表一个工作表）；进度输出到 stderr。
      --city：填写实名制汇总表的帮扶金额（市总视图）。
      --unit / --person / --phone：印在报表表头的填报单位、填报人（联系人）和联系电话；不填则留空，打印后手写。
      --pdf：另用 LibreOffice 导出同名 PDF（可选，需安装 LibreOffice）；每张报表 A4、按纸质表的方向、一页宽。
      --settings：含“设置”工作表的工作簿，按其中的县区汇总（默认内置县区）。
      --period：帮扶中心统计表和汇总的统计期间，年份或季度（默认今年）。
      --campaign：“活动”表中的送温暖活动名称，送温暖工程统计表和实名制汇总表按该活动统计（默认当前活动）。
      --donations：含“捐款”（及“捐款名册”“一日捐标准”“活动”）工作表的工作簿，加出一日捐汇总和一日捐公示。
  bangfu holidays 通知.txt [--year 年份]
      读取国务院办公厅节假日安排通知的全文，按日期输出“YYYY-MM-DD,休|班,名称”各行（可粘贴到“节假日”表）。
  check 与 rollup 可加 --today YYYY-MM-DD：按指定日期计算（年龄、报表年度），便于重复核对。`;

type Out = (line: string) => void;

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      forms: { type: 'string' },
      output: { type: 'string', short: 'o' },
      city: { type: 'boolean' },
      unit: { type: 'string' },
      today: { type: 'string' },
      year: { type: 'string' },
      person: { type: 'string' },
      phone: { type: 'string' },
      pdf: { type: 'boolean' },
      settings: { type: 'string' },
      donations: { type: 'string' },
      period: { type: 'string' },
      campaign: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

export async function main(argv: string[], out: Out = (l) => console.log(l), err: Out = (l) => console.error(l)): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    err(`参数有误：${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [cmd, ...files] = positionals;
  if (values.help || cmd === 'help') {
    out(USAGE);
    return 0;
  }
  let today: CivilDate | undefined;
  if (values.today !== undefined) {
    const t = coerceCivil(values.today);
    if (t === null || !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
      err(`参数有误：--today 应为 YYYY-MM-DD 格式的日期，而不是“${values.today}”\n\n${USAGE}`);
      return 2;
    }
    today = t;
  }
  try {
    if (cmd === 'check' && files.length === 1) return await runCheck(files[0], out, { forms: values.forms, today });
    if (cmd === 'holidays' && files.length === 1) return runHolidays(files[0], out, { year: values.year ? Number(values.year) : undefined });
    if (cmd === 'rollup' && files.length > 0 && values.output) {
      const r = await runRollupCli({
        inputs: files,
        output: values.output,
        city: values.city ?? false,
        unit: values.unit,
        person: values.person,
        phone: values.phone,
        settings: values.settings,
        donations: values.donations,
        period: values.period,
        campaign: values.campaign,
        progress: err,
        today,
      });
      for (const p of r.problems) err(`问题：${p}`);
      if (values.pdf) {
        err('正在用 LibreOffice 导出 PDF…');
        err(`已导出 ${await convertToPdf(values.output)}`);
      }
      return 0;
    }
  } catch (e) {
    err(`错误：${e instanceof BangfuError ? e.zh : e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  err(USAGE);
  return 2;
}
