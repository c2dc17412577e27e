/**
 * The decision snapshot frozen at the chain's 审批 stage (the city by default): the policy row used, the inputs,
 * the amount, the explanation and the date, as JSON text in the 审批快照 column. It is a
 * copy, not a reference: editing 救助标准 later changes what RELIEF computes for new cases
 * but never what this case was decided on (auditors read the snapshot).
 */
import * as z from 'zod/mini';
import { BangfuError } from '../errors';
import { coerceCivil } from '../civilDate';

const JsonValue: z.ZodMiniType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValue), z.record(z.string(), JsonValue)]),
);

/** What the server knows about the relief when it approves (from computeRelief / explainRelief). */
export const PolicySnapshotSchema = z.object({
  /** Scheme code, e.g. medical. */
  scheme: z.string(),
  /** The 救助标准 row in force that day (as the policy module returns it). */
  policyRow: z.record(z.string(), JsonValue),
  /** The inputs the amount was computed from (relief base, 低保 line, household income…). */
  inputs: z.record(z.string(), JsonValue),
  /** The amount the rules gave, in yuan; null when no scheme applies. */
  suggestedAmount: z.nullable(z.number()),
  explanation: z.object({ zh: z.string(), en: z.string() }),
});
export type PolicySnapshot = z.infer<typeof PolicySnapshotSchema>;

export const DecisionSnapshotSchema = z.extend(PolicySnapshotSchema, {
  version: z.literal(1),
  decidedOn: z.string().check(z.refine((s) => coerceCivil(s) === s)),
  decidedBy: z.string(),
  /** The approved amount in yuan (the county may differ from the suggestion). */
  amount: z.number(),
});
export type DecisionSnapshot = z.infer<typeof DecisionSnapshotSchema>;

/** The snapshot as JSON text for the cell. Validates first: a broken snapshot is never frozen. */
export function freezeDecision(input: Omit<DecisionSnapshot, 'version'>): string {
  const parsed = DecisionSnapshotSchema.safeParse({ version: 1, ...input });
  if (!parsed.success) {
    throw new BangfuError(
      'snapshot.invalid',
      `审批快照不完整：${parsed.error.issues.map((i) => i.path.join('.')).join('、')}`,
      `Decision snapshot is incomplete: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  return JSON.stringify(parsed.data);
}

/** A stored snapshot read back; a damaged cell is an error in zh, never a silent guess. */
export function readDecision(text: unknown): DecisionSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(String(text));
  } catch {
    throw new BangfuError('snapshot.unreadable', '审批快照无法读取（不是有效的 JSON）', 'The decision snapshot is not valid JSON');
  }
  const parsed = DecisionSnapshotSchema.safeParse(data);
  if (!parsed.success) throw new BangfuError('snapshot.unreadable', '审批快照内容不完整或已被改动', 'The decision snapshot is incomplete or was altered');
  return parsed.data;
}
