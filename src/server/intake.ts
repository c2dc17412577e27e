/**
 * The intake sidebar's server side (src/shared/endpoints.ts): open the sidebar, give it the
 * form from 表单定义, preview derived values and the suggested relief, save a case.
 *
 * saveCase is the authority, whatever the page checked: the zod schema built from 表单定义
 * validates every field (zh errors naming the field), the user must be in 人员权限, edits
 * need the version the page loaded, and nothing is written unless everything passed.
 */
import { notListed } from './access';
import { parseStatus } from '../domain/caseModel';
import type { FieldDef } from '../domain/forms/fieldDefs';
import { checkValues } from '../domain/forms/fieldRules';
import { deriveValues } from '../domain/forms/derive';
import { listOf, normalizeValue, normalizeValues, numberOf, textOf } from '../domain/forms/values';
import { inCountyScope } from '../domain/workflow/permissions';
import type { CasePreview, CaseSummaryDto, FieldDefDto, FormValues, IntakeFormModel, SaveCaseRequest, SaveCaseResult, Warning } from '../shared/endpoints';
import { caseColumn, findCase, openCaseSheet, readCases } from '../sheets/cases';
import { showSidebar } from '../sheets/ui';
import { checkScope, idDef, notFound } from '../usecases/saveCase';
import { BangfuError } from '../domain/errors';
import { sendWrite } from '../platform/writerClient';
import { casesWithId, duplicateWarnings, statusText } from '../config/caseRules';
import { unmetText } from '../domain/conditions';
import { requestContext, requireUser, t, userDto, type Ctx } from './context';
import { caseConditions, suggestRelief } from '../config/domainRules';
import { topUpQuotaWarning } from '../config/caseRules';
import { HARDSHIP_ROUTES, routesIn } from '../domain/eligibility';
import { sameCounty } from '../domain/workflow/permissions';
import { paymentsOf } from '../sheets/payments';
import { paymentDto } from '../domain/ledger';

export function openIntake(): void {
  showSidebar('intake', '新增/编辑困难职工');
}

function fieldDto(f: FieldDef): FieldDefDto {
  return f;
}

/** The form model; with a worker number, that case's values for editing. */
export function getIntakeForm(workerNo?: string): IntakeFormModel {
  const ctx = requestContext();
  const { fields, sections } = ctx.forms();
  const model: IntakeFormModel = {
    locale: ctx.locale(),
    user: userDto(ctx),
    sections,
    fields: fields.map(fieldDto),
    counties: ctx.settings().counties.map((c) => ({ code: resolveCountyCode(ctx, c.code), name: c.name })),
  };
  const access = notListed(ctx);
  if (access) return { ...model, access };
  if (workerNo && workerNo.trim() !== '') {
    const user = requireUser(ctx);
    const cs = openCaseSheet(ctx.ss, fields);
    const row = findCase(cs, workerNo);
    if (!row) throw notFound(workerNo);
    checkScope(user, row.record);
    model.workerNo = textOf(row.record.worker_no);
    model.values = normalizeValues(fields, row.record);
    model.version = numberOf(row.record.version) ?? 0;
    model.status = statusText(row.record.status, ctx.locale());
    model.history = paymentsOf(ctx.ss, model.workerNo).map(paymentDto);
  }
  return model;
}

function resolveCountyCode(ctx: Ctx, code: string): string {
  return /^\d{2}$/.test(code) ? ctx.settings().provinceLetter + code : code;
}

/**
 * Derived values, the suggested relief and warnings for what the page holds now.
 * Errors are the field rules only; role rules are the save's business.
 * A `worker_no` key in the values (the case being edited) keeps that case out of the duplicate check.
 */
export function previewCase(values: FormValues): CasePreview {
  const ctx = requestContext();
  const defs = ctx.forms().fields;
  const input = (values ?? {}) as Record<string, unknown>;
  const dibao = ctx.dibaoLine();
  const derived = deriveValues(input, { today: ctx.today, dibaoLine: dibao });
  const merged = { ...input, ...derived };
  const relief = suggestRelief(ctx.policy(), merged, ctx.today, dibao);
  const locale = ctx.locale();
  const errors = checkValues(defs, merged, { today: ctx.today, locale });
  let warnings: Warning[] = [];
  if (ctx.user()) {
    const cs = openCaseSheet(ctx.ss, defs, ['worker_no', 'status']);
    const id = textOf(normalizeValue(idDef(defs), input.id_number));
    const others =
      id === '' ? [] : casesWithId(id, caseColumn(cs, 'id_number'), caseColumn(cs, 'worker_no'), caseColumn(cs, 'status'), textOf(input.worker_no));
    warnings = duplicateWarnings(id, others, textOf(input.other_programme), locale);
    // The 1.5× top-up route: a warning when the county would pass its 5 % guide (only when the route is ticked).
    if (routesIn(listOf(input.hardship_routes)).has(HARDSHIP_ROUTES[2]) && cs.map.col.hardship_routes !== undefined) {
      const settings = ctx.settings();
      const user = ctx.user()!;
      const county = settings.counties.find((c) => sameCounty(c.code, textOf(input.county) || user.county || ''));
      const w = county
        ? topUpQuotaWarning(
            {
              routes: caseColumn(cs, 'hardship_routes'),
              county: caseColumn(cs, 'county'),
              status: caseColumn(cs, 'status'),
              workerNo: caseColumn(cs, 'worker_no'),
            },
            {
              county: /^\d{2}$/.test(county.code) ? settings.provinceLetter + county.code : county.code,
              self: textOf(input.worker_no),
              recipients: county.dibaoRecipients,
              quota: settings.topUpQuota,
            },
          )
        : null;
      if (w) warnings.push(w);
    }
  }
  // The scheme's entry conditions (救助标准 适用条件): said now, decided by the approver (an override needs a reason).
  const unmet = unmetText(caseConditions(ctx.policy(), merged, ctx.today));
  if (unmet !== '')
    warnings.push({
      code: 'conditions',
      message: t(ctx, `救助条件：${unmet}；审批时须说明理由`, `Relief conditions not met or not recorded: ${unmet}`),
      needsOverride: false,
    });
  return {
    derived: {
      birth_date: derived.birth_date,
      sex: derived.sex,
      age: derived.age,
      per_capita_income: derived.per_capita_income,
      per_capita_monthly: derived.per_capita_monthly,
      hardship_category: derived.hardship_category,
      suggested_amount: relief.amount ?? undefined,
      relief_explain: locale === 'en' ? relief.explain.en : relief.explain.zh,
    },
    errors,
    warnings,
  };
}

/** Saves a new case or an edit: through the writer (src/usecases/saveCase.ts runs there). */
export function saveCase(req: SaveCaseRequest): SaveCaseResult {
  try {
    return sendWrite<SaveCaseResult>('saveCase', req);
  } catch (e) {
    // A refusal by the writer (or: no writer, not the owner) in the result's own shape, in zh.
    if (e instanceof BangfuError) return { ok: false, errors: [], warnings: [], message: e.zh };
    throw e;
  }
}

/** Cases matching a worker number, a name or an ID number (up to 20), in the user's scope. */
export function searchCases(text: string): CaseSummaryDto[] {
  const ctx = requestContext();
  const user = requireUser(ctx);
  const q = String(text ?? '')
    .trim()
    .toUpperCase();
  if (q === '') return [];
  const table = readCases(ctx.ss, ctx.forms().fields, { keys: ['worker_no', 'name', 'county', 'status', 'id_number'] });
  const out: CaseSummaryDto[] = [];
  for (const r of table.rows) {
    const c = r.record;
    if (!inCountyScope(user, c.county)) continue;
    const no = textOf(c.worker_no).toUpperCase();
    const name = textOf(c.name);
    const id = textOf(c.id_number).toUpperCase();
    if (no.includes(q) || name.includes(String(text).trim()) || (q.length >= 4 && id.endsWith(q)) || id === q) {
      out.push({
        workerNo: textOf(c.worker_no),
        name,
        county: textOf(c.county),
        status: parseStatus(c.status) ?? textOf(c.status),
        statusLabel: statusText(c.status, ctx.locale()),
      });
      if (out.length >= 20) break;
    }
  }
  return out;
}
