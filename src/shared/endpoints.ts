/**
 * The contract between the sidebars (src/ui) and the server (src/server): what each
 * google.script.run endpoint takes and returns. Types only, so the pages bundle nothing
 * from here. Only JSON-safe values cross google.script.run: dates travel as
 * 'YYYY-MM-DD' strings, never Date objects.
 */
export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
export type Locale = 'zh-CN' | 'en';

export type FieldType = 'text' | 'number' | 'date' | 'select' | 'multiselect' | 'idcard' | 'phone' | 'card' | 'table';

/** One row of 表单定义, as the page sees it. */
export interface FieldDefDto {
  key: string;
  zh: string;
  en: string;
  type: FieldType;
  options: string[];
  required: boolean;
  min: number | null;
  max: number | null;
  pattern: string | null;
  section: string;
  /** Roles allowed to edit this field; empty = everyone who may edit the case. */
  editRoles: string[];
  /** Sub-fields when type = 'table' (household members). */
  columns?: FieldDefDto[];
  /** Filled by the server from other fields (birth date from the ID, per-capita income…). */
  computed?: boolean;
  help?: string;
  order: number;
}

export interface SectionDto { key: string; zh: string; en: string }

export interface UserDto { email: string; role: string | null; roleLabel: string; county: string | null }

export interface FieldError { field: string; label: string; message: string }
export interface Warning { code: string; message: string; needsOverride: boolean }

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

export interface CaseSummaryDto { workerNo: string; name: string; county: string; status: string; statusLabel: string }

export type ReviewActionKey =
  | 'pass' | 'return' | 'objection' | 'end_notice' | 'approve' | 'file' | 'mark_paid' | 'resubmit' | 'exit';

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
  actions: { key: ReviewActionKey; label: string; needsReason: boolean; needsAmount: boolean }[];
}

export interface ReviewQueue { locale: Locale; user: UserDto; items: ReviewItem[] }

export interface ReviewActionRequest {
  requestId: string;
  workerNo: string;
  action: ReviewActionKey;
  version: number;
  reason?: string;
  amount?: number;
}

export type ReviewActionResult =
  | { ok: true; workerNo: string; status: string; statusLabel: string; message: string }
  | { ok: false; message: string };

/** Every endpoint a sidebar may call, with its argument and result. */
export interface Endpoints {
  getIntakeForm(workerNo?: string): IntakeFormModel;
  previewCase(values: FormValues): CasePreview;
  saveCase(req: SaveCaseRequest): SaveCaseResult;
  searchCases(text: string): CaseSummaryDto[];
  getReviewQueue(): ReviewQueue;
  reviewAction(req: ReviewActionRequest): ReviewActionResult;
}
