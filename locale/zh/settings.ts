/** Book settings. */
export const settingsZh = {
  'settings.unknown': '没有设置“{{key}}”；可用的设置：{{known}}',
  'settings.not-json': '{{key}} 的值应为 JSON（数字、"文字"、[列表] 或 {对象}）',
} as const;
