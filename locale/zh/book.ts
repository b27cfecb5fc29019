/** The book file itself: its schema and migrations, how it is built and replaced, what a refused step leaves behind. */
export const bookZh = {
  'book.period-closed-unnamed': '该期间已结账：其中的记录不能再改动；请在未结账的期间做更正，或请管理员反结账',
  'book.in-use': '账套正被另一个程序打开（ka-settle 窗口或命令）：请先关闭它，再替换',
} as const;
