/**
 * Screenshots of the two sidebars at their real width (300 px) with Chinese data, for the
 * docs: docs/screenshots/intake.png (top of the form), intake-preview.png (the preview and
 * the save bar at the bottom) and review.png.
 *
 *   TZ=Asia/Shanghai npx tsx scripts/screenshots.ts      (from the repository root)
 *
 * Uses the UI tests' harness: the built dist/*.html against the fake backend.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { control, eventually, FakeBackend, launchBrowser, openSidebar } from '../harness/ui/pageHarness';
import { EXISTING_VALUES, intakeModel, REVIEWER, reviewQueue } from '../harness/ui/fixtures';

const OUT = join(process.cwd(), 'docs', 'screenshots');

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchBrowser();
  try {
    // Intake: a reviewer editing 刘桂兰's case, preview filled in, one field with an error.
    const values = { ...EXISTING_VALUES, phone: '1397260015' };
    const intake = await openSidebar(
      browser,
      'intake',
      new FakeBackend().on('getIntakeForm', () => intakeModel({ user: REVIEWER, workerNo: 'H0400023', version: 4, status: '待审核', values })),
      1000,
    );
    const { page } = intake;
    await eventually(
      () => page.locator('.preview').textContent(),
      (t) => (t ?? '').includes('建议救助金额'),
    );
    await control(page, '联系电话').focus();
    await control(page, '联系电话').press('End');
    await page.keyboard.type(' ');
    await page.keyboard.press('Backspace');
    await control(page, '工作单位').focus();
    // Viewport shots, not full-page: the save bar is sticky at the bottom of the sidebar.
    await page.screenshot({ path: join(OUT, 'intake.png') });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.screenshot({ path: join(OUT, 'intake-preview.png') });
    await intake.close();

    // Review: the queue with the overdue case and the emergency case opened; the first shows
    // where it is in its chain (审批流程) and the family's payments so far.
    const queue = reviewQueue();
    queue.items[0] = {
      ...queue.items[0],
      chain: '河北001',
      stage: '单位工会审核',
      stages: ['单位工会审核', '公示', '县区初审', '市总审批', '省总备案'].map((name, i) => ({
        name,
        state: i === 0 ? ('current' as const) : ('todo' as const),
      })),
      history: [{ paidOn: '2025-01-15', scheme: '', kind: '生活救助', amount: 550, form: '券', period: '2025年元旦春节送温暖', emergency: false }],
    };
    const review = await openSidebar(
      browser,
      'review',
      new FakeBackend().on('getReviewQueue', () => queue),
      1100,
    );
    for (const no of ['H0400007', 'H0400011']) await review.page.locator(`li[data-worker-no="${no}"] summary`).click();
    await review.page.locator('li[data-worker-no="H0400007"] button[data-action="return"]').click();
    await review.page.screenshot({ path: join(OUT, 'review.png'), fullPage: true });
    await review.close();
  } finally {
    await browser.close();
  }
  console.log(`screenshots written to ${OUT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
