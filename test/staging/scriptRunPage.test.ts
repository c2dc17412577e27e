/**
 * The sidebar test harness holds the page to google.script.run's rules in the browser: a
 * Date argument fails the call, a Date in a returned value reaches the page as null.
 */
import type { Browser } from 'playwright-core';
import { FakeBackend, launchBrowser, openSidebar, type Sidebar } from '../../harness/ui/pageHarness';
import { intakeModel } from '../../harness/ui/fixtures';

let browser: Browser;
let sidebar: Sidebar;

beforeAll(async () => {
  browser = await launchBrowser();
  const backend = new FakeBackend();
  // A server that (wrongly) puts a Date into what it returns.
  backend.on('getIntakeForm', () => intakeModel());
  backend.on('searchCases', () => [
    { workerNo: 'H0100001', name: '王秀英', county: 'H01', status: 'submitted', statusLabel: '待审核', when: new Date() } as never,
  ]);
  sidebar = await openSidebar(browser, 'intake', backend);
}, 30_000);

afterAll(async () => {
  await sidebar?.close();
  await browser?.close();
});

test('a Date passed to google.script.run fails the call in the page, and nothing reaches the server', async () => {
  const before = sidebar.backend.calls.length;
  const error = await sidebar.page.evaluate(() => {
    try {
      (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => void> } } }).google.script.run.previewCase({
        birth_date: new Date(2025, 9, 1),
      });
      return '';
    } catch (e) {
      return (e as Error).message;
    }
  });
  expect(error).toContain('Failed due to illegal value in property: 0.birth_date');
  expect(sidebar.backend.calls.length).toBe(before);
});

test('a returned value holding a Date reaches the success handler as null', async () => {
  const got = await sidebar.page.evaluate(
    () =>
      new Promise((resolve) => {
        (
          window as unknown as { google: { script: { run: { withSuccessHandler(f: (v: unknown) => void): Record<string, (...a: unknown[]) => void> } } } }
        ).google.script.run
          .withSuccessHandler(resolve)
          .searchCases('王');
      }),
  );
  expect(got).toBeNull();
});
