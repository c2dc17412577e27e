/**
 * The writer in the fake, as the owner deploys it (README: deploying the two projects): a
 * second Apps Script project, a USER_DEPLOYING web app, the script properties that let this
 * client and spreadsheet in, and the client connected by 帮扶 → 管理 → 连接写入服务. Used by
 * the tests' fixtures and the benchmarks alike.
 */
import type { FakeGas } from './gas';
import { connectWriterUrl } from '../src/server/connectWriter';
import { ALLOWED_AUDIENCES_PROPERTY, SPREADSHEETS_PROPERTY, doGet, doPost } from '../src/writer/index';
import '../src/writer/ops';

export const WRITER_ID = 'writer';

/** Deploys the writer as `owner`, registers the client and spreadsheet, and connects it. Returns the URL. */
export function deployWriter(fake: FakeGas, owner: string): string {
  const writer = fake.addProject({ id: WRITER_ID, owner });
  const url = writer.deployWebApp({ executeAs: 'USER_DEPLOYING', access: 'ANYONE', deployer: owner, doGet, doPost, realm: globalThis });
  const props = writer.PropertiesService.getScriptProperties();
  props.setProperty(ALLOWED_AUDIENCES_PROPERTY, fake.audience);
  props.setProperty(SPREADSHEETS_PROPERTY, fake.spreadsheet.getId());
  const report = fake.runAs(owner, () => connectWriterUrl(url));
  if (!report.ok) throw new Error(`connecting the writer failed: ${report.message}`);
  return url;
}
