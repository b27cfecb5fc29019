import type { closeZh } from '../zh/close.js';

export const closeEn: Record<keyof typeof closeZh, string> = {
  'close.accept-reason': 'accepting an exception needs a reason',
  'close.accept-when-open': 'period {{period}} is {{status, label:periodStatus}}: exceptions are accepted before it is prepared',
  'close.not-an-exception': '"{{key}}" is not an open exception of {{period}}',
  'close.prepare-when-open': 'period {{period}} is {{status, label:periodStatus}}: only an open period can be prepared',
  'close.blocking': 'period {{period}} has {{count}} unresolved exceptions (first: {{first}}); resolve them or accept each with a reason',
  'close.statement-changed': 'the figures of {{period}} changed since it was prepared: reopen and prepare it again',
  'close.wrong-status': 'period {{period}} is {{status, label:periodStatus}}: it must be {{needed, label:periodStatus}} before {{step}}',
  'close.same-user': '{{user}} prepared {{period}}: someone else must do the {{step}}',
  'close.admin-reopens': 'only an admin reopens a period',
  'close.reopen-reason': 'reopening needs a reason',
  'close.already-open': 'period {{period}} is already open',
  'close.exception-delivery': '{{status, label:status}}: delivery {{docNo}}, store {{store}}, product {{sku}} — {{reason}}',
  'close.exception-receipt': 'No delivery: receipt {{docNo}}, store {{store}}, product {{sku}} — {{reason}}',
  'close.exception-deduction': '{{verdict, label:verdicts}}: deduction {{docNo}} "{{wording}}" {{amount, yuan}} — {{reason}}',
  'close.exception-statement': '{{ka}} statement {{statement}}: {{kind, label:differenceKinds}} {{reference}} (difference {{difference, yuan}})',
} as const;
