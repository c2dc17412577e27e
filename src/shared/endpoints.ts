/**
 * The contract between the sidebars (src/ui) and the server (src/server): what each
 * google.script.run endpoint takes and returns. Types only, so the pages bundle nothing
 * from here. Only JSON-safe values cross google.script.run: dates travel as
 * 'YYYY-MM-DD' strings, never Date objects.
 */
import type { Locale } from '../domain/errors';
import type { FieldDefDto } from '../domain/forms/fieldDefs';
import type { FieldError } from '../domain/forms/fieldRules';
import type { Json } from '../domain/forms/values';
import type { ReviewActionKey } from '../domain/workflow/actions';

// The domain owns these words; the pages import them from here.
export type { Locale, FieldDefDto, FieldError, Json, ReviewActionKey };
export type { FieldType } from '../domain/forms/fieldDefs';

export interface SectionDto {
  key: string;
  zh: string;
  en: string;
}

export interface UserDto {
  email: string;
  role: string | null;
  roleLabel: string;
  county: string | null;
}

export interface Warning {
  code: string;
  message: string;
  needsOverride: boolean;
}

/** Values as the form holds them: text/number/date('YYYY-MM-DD') / string[] / row objects. */
export type FormValues = Record<string, Json>;

export interface IntakeFormModel {
  locale: Locale;
  user: UserDto;
  sections: SectionDto[];
  fields: FieldDefDto[];
  counties: { code: string; name: string }[];
  /** Present when editing an existing case. */
  workerNo?: string;
  values?: FormValues;
  version?: number;
  status?: string;
  /** Present when the user is not in 人员权限: the page shows whom to ask instead of the form. */
  access?: NotListedDto;
  /** The family's payments from 发放记录, oldest first (editing only). */
  history?: PaymentDto[];
}

/** One payment as the sidebars show it (dates as 'YYYY-MM-DD', amount in yuan). */
export interface PaymentDto {
  paidOn: string;
  scheme: string;
  kind: string;
  amount: number;
  form: string;
  period: string;
  emergency: boolean;
}

/** A person not in 人员权限: who they are signed in as, and the administrators who can add them. */
export interface NotListedDto {
  email: string;
  contacts: { name: string; email: string }[];
}

export interface CasePreview {
  derived: {
    birth_date?: string;
    sex?: string;
    age?: number;
    per_capita_income?: number;
    per_capita_monthly?: number;
    hardship_category?: string;
    suggested_amount?: number;
    relief_explain?: string;
  };
  errors: FieldError[];
  warnings: Warning[];
}

export interface SaveCaseRequest {
  /** Made once per click in the page; a retry with the same id never makes a second row. */
  requestId: string;
  workerNo?: string;
  /** The version the page loaded; a stale one is refused (someone else saved meanwhile). */
  version?: number;
  county?: string;
  values: FormValues;
  /** A reviewer may override a blocking warning (duplicate ID, other programme) with a reason. */
  override?: { reason: string };
}

export type SaveCaseResult =
  | { ok: true; workerNo: string; created: boolean; version: number; message: string }
  | { ok: false; errors: FieldError[]; warnings: Warning[]; message: string };

export interface CaseSummaryDto {
  workerNo: string;
  name: string;
  county: string;
  status: string;
  statusLabel: string;
}

export interface ReviewItem {
  workerNo: string;
  name: string;
  county: string;
  status: string;
  statusLabel: string;
  dueDate: string | null;
  /** Set when the due date was counted over a year whose holidays are only provisional (暂定). */
  dueNote?: string;
  overdue: boolean;
  dueSoon: boolean;
  emergency: boolean;
  emergencyPending: boolean;
  version: number;
  summary: { label: string; value: string }[];
  suggestedAmount: number | null;
  reliefExplain: string;
  /** The chain the case runs under (审批流程), its current stage, and the stages in order. */
  chain?: string;
  stage?: string;
  stages?: { name: string; state: 'done' | 'current' | 'todo' }[];
  /** What the stages recorded so far (环节记录). */
  records?: { on: string; stage: string; by: string; decision: string; opinion: string; stamp: string }[];
  /** needsStamp: the stage records 盖章 (the actor confirms it); reasonIsOpinion: the text is the stage's 意见. */
  actions: { key: ReviewActionKey; label: string; needsReason: boolean; needsAmount: boolean; needsStamp?: boolean; reasonIsOpinion?: boolean }[];
  /** Steps of this status and role that the user may not take on this case, each with the server's reason. */
  unavailable?: { key: ReviewActionKey; label: string; reason: string }[];
  /** The family's payments from 发放记录, oldest first. */
  history?: PaymentDto[];
}

export interface ReviewQueue {
  locale: Locale;
  user: UserDto;
  items: ReviewItem[];
  access?: NotListedDto;
}

export interface ReviewActionRequest {
  requestId: string;
  workerNo: string;
  action: ReviewActionKey;
  version: number;
  reason?: string;
  amount?: number;
  /** The actor confirms the union's seal was applied (a stage that records 盖章). */
  stamped?: boolean;
  /** A payment's 所属期间 (a campaign of 活动, or a year) and 发放形式 (现金/卡/实物/券). */
  period?: string;
  form?: string;
}

export type ReviewActionResult = { ok: true; workerNo: string; status: string; statusLabel: string; message: string } | { ok: false; message: string };

/** Every endpoint a sidebar may call, with its argument and result. */
export interface Endpoints {
  getIntakeForm(workerNo?: string): IntakeFormModel;
  previewCase(values: FormValues): CasePreview;
  saveCase(req: SaveCaseRequest): SaveCaseResult;
  searchCases(text: string): CaseSummaryDto[];
  getReviewQueue(): ReviewQueue;
  reviewAction(req: ReviewActionRequest): ReviewActionResult;
}
