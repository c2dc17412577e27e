/**
 * Who the current execution runs as. The active user is who clicked (may be '' across
 * domains); the effective user is whose rights the code writes with (the installer of a
 * trigger, the deployer of a web app). Lower case, '' when Apps Script cannot tell.
 */
export function effectiveEmail(): string {
  try {
    return (Session.getEffectiveUser().getEmail() || '').trim().toLowerCase();
  } catch {
    return '';
  }
}

export function activeUserEmail(): string {
  try {
    return (Session.getActiveUser().getEmail() || '').trim().toLowerCase();
  } catch {
    return '';
  }
}

/** A fresh id for a request a menu sends (a page makes its own). */
export function newRequestId(): string {
  return Utilities.getUuid().replace(/[^A-Za-z0-9_-]/g, '');
}
