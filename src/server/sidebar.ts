/**
 * The server's side of the sidebar contract: every google.script.run endpoint, checked by
 * the compiler against src/shared/endpoints.ts. A server function whose argument or result
 * drifts from what the pages expect fails `npm run typecheck` here.
 */
import type { Endpoints } from '../shared/endpoints';
import { getIntakeForm, previewCase, saveCase, searchCases } from './intake';
import { getReviewQueue, reviewAction } from './review';

export const SIDEBAR_ENDPOINTS = { getIntakeForm, previewCase, saveCase, searchCases, getReviewQueue, reviewAction } satisfies Endpoints;
