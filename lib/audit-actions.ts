// Every action the audit log records, with what it is called on the page: the one list of them.
// The code is what is stored (verb-noun, the entity first); the label is what people read.

export const auditActionLabels = {
  'role.create': 'Created role',
  'role.update': 'Edited role',
  'role.archive': 'Archived role',
  'role.restore': 'Restored role',
  'role.revert': 'Reverted role figures',
  'role.import': 'Imported role',
  'jobs.import': 'Imported job postings',
  'job.place': 'Placed job posting in an occupation',
  'user.create': 'Created user',
  'user.role': 'Changed user role',
  'user.disable': 'Disabled user',
  'user.enable': 'Enabled user',
  'user.password': 'Reset password',
  'user.sign-out-everywhere': 'Signed user out everywhere',
  'employer.create': 'Created employer',
  'employer.invite': 'Invited employer member',
  'employer.join': 'Joined employer',
  'employer.disable': 'Disabled employer',
  'employer.enable': 'Enabled employer',
  'posting.save': 'Saved employer posting',
  'posting.submit': 'Sent employer posting for review',
  'posting.publish': 'Published employer posting',
  'posting.close': 'Closed employer posting',
  'posting.renew': 'Renewed employer posting',
  'posting.approve': 'Approved employer posting',
  'posting.take-down': 'Took down employer posting',
} as const;

export type AuditAction = keyof typeof auditActionLabels;

/** The label of a stored action; a code this version does not know (an older or newer one) is shown as it is. */
export function auditActionLabel(action: string) {
  return Object.hasOwn(auditActionLabels, action) ? auditActionLabels[action as AuditAction] : action;
}
