#!/usr/bin/env node
// The bangfu CLI: TypeScript sources run through tsx (a devDependency; `npm ci` installs it).
// Dates are Beijing dates, as in the add-on (appsscript.json timeZone Asia/Shanghai).
process.env.TZ = process.env.TZ || 'Asia/Shanghai';
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
// For the benchmark: the command's own peak memory (KB).
if (process.env.BANGFU_REPORT_RSS) console.error(`maxRSS=${process.resourceUsage().maxRSS}`);
