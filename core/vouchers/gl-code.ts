import { UserError, type ErrorPlace } from '../errors.js';

/** 科目代码 and 核算项目 codes as 金蝶 and 用友 write them: letters, digits, and the dots or dashes between levels. */
const GL_CODE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/;

export function assertGlCode(text: string, place: ErrorPlace = { field: 'glCode' }): string {
  const code = text.trim();
  if (!GL_CODE.test(code)) throw new UserError('vouchers.gl-code-invalid', { code }, place);
  return code;
}
