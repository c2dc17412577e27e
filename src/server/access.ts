/**
 * Someone who opens a sidebar without being in 人员权限: instead of a form that refuses at
 * 保存, the page gets who they are signed in as and whom to ask — the administrators listed
 * in 人员权限 (the people who may add rows there). Read from the staff table the request
 * context already loaded: no extra service call.
 */
import type { NotListedDto } from '../shared/endpoints';
import type { Ctx } from './context';

export function notListed(ctx: Ctx): NotListedDto | null {
  if (ctx.user()) return null;
  const contacts = ctx
    .staff()
    .users.filter((u) => u.role === 'admin')
    .map((u) => ({ name: u.name, email: u.email }));
  return { email: ctx.email, contacts };
}
