/**
 * The `bangfu` command (bin/bangfu.mjs runs this through tsx):
 *   bangfu check cases.xlsx
 *   bangfu rollup county1.xlsx county2.xlsx … -o 汇总.xlsx [--city] [--unit 荆门市总工会]
 */
import { runCheck } from './check';
import { runRollupCli } from './rollup';

const USAGE = `用法：
  bangfu check 案件.xlsx                      按表单定义和规则检查每一行，有错误时退出码为 1
  bangfu rollup 县区1.xlsx 县区2.xlsx … -o 汇总.xlsx [--city] [--unit 填报单位]
                                             汇总并生成各报表（--city：填写实名制汇总表的帮扶金额）`;

export async function main(argv: string[], out = (l: string) => console.log(l), err = (l: string) => console.error(l)): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === 'check' && rest.length === 1) return await runCheck(rest[0], out);
    if (cmd === 'rollup') {
      const o = rest.indexOf('-o');
      const output = o >= 0 ? rest[o + 1] : undefined;
      const unitAt = rest.indexOf('--unit');
      const skip = new Set([...(o >= 0 ? [o, o + 1] : []), ...(unitAt >= 0 ? [unitAt, unitAt + 1] : [])]);
      const inputs = rest.filter((a, i) => !skip.has(i) && !a.startsWith('--'));
      if (!output || inputs.length === 0) {
        err(USAGE);
        return 2;
      }
      const r = await runRollupCli({ inputs, output, city: rest.includes('--city'), unit: unitAt >= 0 ? rest[unitAt + 1] : undefined, progress: err });
      for (const p of r.problems) err(`问题：${p}`);
      return 0;
    }
    err(USAGE);
    return 2;
  } catch (e) {
    err(`错误：${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
