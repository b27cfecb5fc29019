/** Words every message may use: where a fault is, and how lists are joined. */
export const commonZh = {
  'place.file': '{{file}}',
  'place.row': '第 {{row}} 行',
  'place.field': '字段 {{field}}',
  'place.join': '，',
  'place.then': '：',
  'place.text': '{{text}}',
  'list.separator': '、',
  'error.internal': '程序出错，账套没有改动；详情已写入日志。',
  'error.book-busy': '账套正忙：另一个 ka-settle 正在写入，请等它完成后再试',
} as const;
