/**
 * `npm start`: the add-on without Google. package.json builds dist/ first, then this serves
 * the playground (harness/playground): http://127.0.0.1:8787 by default.
 *   --port N          another port (0 = any free one)
 *   --workbook PATH   the workbook file (default .playground/bangfu-demo.xlsx; made on first start)
 *   --user EMAIL      who is acting at first (the page has a switcher)
 */
import { parseArgs } from 'node:util';
import { startPlayground } from '../harness/playground/server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    workbook: { type: 'string', default: '.playground/bangfu-demo.xlsx' },
    user: { type: 'string' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port 应为 0–65535 的整数：${values.port}`);
  process.exit(2);
}

const pg = await startPlayground({ port, workbook: values.workbook, user: values.user });
console.log(`帮扶 Bangfu 本地演示已启动：${pg.url}  （Ctrl+C 退出；工作簿自动保存到 ${values.workbook}）`);
const stop = async () => {
  await pg.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
