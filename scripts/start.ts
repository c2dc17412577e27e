/**
 * `npm start`: the add-on without Google. Builds first (package.json), then serves the
 * playground: http://127.0.0.1:8787 by default.
 *   --port N          another port (0 = any free one)
 *   --workbook PATH   the workbook file (default .playground/bangfu-demo.xlsx; made on first start)
 *   --user EMAIL      who is acting at first (the page has a switcher)
 */
import { startPlayground } from '../harness/playground/server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const pg = await startPlayground({
  port: Number(arg('port') ?? 8787),
  workbook: arg('workbook') ?? '.playground/bangfu-demo.xlsx',
  user: arg('user'),
});
console.log(`帮扶 Bangfu 本地演示已启动：${pg.url}  （Ctrl+C 退出；工作簿自动保存）`);
const stop = async () => {
  await pg.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
