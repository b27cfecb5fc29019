import type { Permission, Role } from '../../vocabulary/index.js';
import { UserError } from '../errors.js';

/**
 * Which roles may do what. The admin administers (users, settings, backups, reopening) and may keep the books, but
 * never signs: preparing, reviewing and approving a month, and approving or rejecting a fee claim, are for the
 * people whose names the manufacturer reads on the statement.
 */
export const PERMISSION_ROLES: Record<Permission, readonly Role[]> = {
  import: ['accountant', 'manager', 'admin'],
  'master-data': ['accountant', 'manager', 'admin'],
  reconcile: ['accountant', 'manager', 'admin'],
  accrue: ['accountant', 'manager', 'admin'],
  'claims.submit': ['accountant', 'manager', 'admin'],
  'claims.approve': ['credit_controller', 'manager'],
  'claims.reject': ['credit_controller', 'manager'],
  'claims.write-off': ['accountant', 'credit_controller', 'manager'],
  'claims.attach': ['accountant', 'credit_controller', 'manager', 'admin'],
  'credit.limit': ['credit_controller', 'manager'],
  'credit.hold': ['credit_controller', 'manager'],
  'credit.follow-up': ['accountant', 'credit_controller', 'manager'],
  settings: ['credit_controller', 'manager', 'admin'],
  users: ['admin'],
  'backup.restore': ['manager', 'admin'],
  'close.accept': ['accountant', 'credit_controller', 'manager'],
  'close.prepare': ['accountant'],
  'close.review': ['credit_controller'],
  'close.approve': ['manager'],
  'close.reopen': ['manager', 'admin'],
  'statement.confirm': ['accountant', 'credit_controller', 'manager'],
  vouchers: ['accountant', 'manager', 'admin'],
  /** 冲销, 替换, 撤销导入, 重新核销: the people who keep the books correct them, always with a reason */
  corrections: ['accountant', 'manager', 'admin'],
  /** 结算包: the signed package of an approved month for the head office (records its edition in the book) */
  package: ['accountant', 'credit_controller', 'manager', 'admin'],
  password: ['accountant', 'credit_controller', 'manager', 'admin'],
};

export function roleMay(role: Role, permission: Permission): boolean {
  return PERMISSION_ROLES[permission].includes(role);
}

/** Refuses, naming the user's role and the roles that may, when the user's role does not hold the permission. */
export function requirePermission(user: { username: string; role: Role }, permission: Permission): void {
  if (roleMay(user.role, permission)) return;
  throw new UserError('security.forbidden', { user: user.username, role: user.role, what: permission, roles: [...PERMISSION_ROLES[permission]] });
}
