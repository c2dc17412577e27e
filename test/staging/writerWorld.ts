/**
 * The two projects as they are deployed: the writer (src/writer) added to the fake world,
 * deployed as a web app by the spreadsheet's owner (executes as the owner), its script
 * properties naming this spreadsheet and the client's token audience, and the bound
 * script connected to it (BANGFU_WRITER_URL). From then on a staff member's write goes
 * client → UrlFetchApp → writer doPost → tokeninfo → use case, under enforced protections.
 */
import { doGet, doPost, ALLOWED_AUDIENCES_PROPERTY, SPREADSHEETS_PROPERTY } from '../../src/writer';
import { WRITER_URL_PROPERTY } from '../../src/platform/writerClient';
import { OWNER, type Fake } from '../server/fixtures';

export function connectWriter(fake: Fake): string {
  const writer = fake.addProject({ id: 'writer', owner: OWNER });
  const url = writer.deployWebApp({
    executeAs: 'USER_DEPLOYING', access: 'ANYONE', deployer: OWNER, realm: globalThis,
    doGet: () => doGet(), doPost: (e) => doPost(e as unknown as GoogleAppsScript.Events.DoPost),
  });
  const ssId = fake.spreadsheet.getId();
  writer.PropertiesService.getScriptProperties().setProperty(SPREADSHEETS_PROPERTY, ssId);
  writer.PropertiesService.getScriptProperties().setProperty(ALLOWED_AUDIENCES_PROPERTY, fake.audience);
  fake.PropertiesService.getScriptProperties().setProperty(WRITER_URL_PROPERTY, url);
  return url;
}
