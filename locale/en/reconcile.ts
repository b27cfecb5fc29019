import type { reconcileZh } from '../zh/reconcile.js';

export const reconcileEn: Record<keyof typeof reconcileZh, string> = {
  'reconcile.no-result': 'this line has no reconciliation result: reconcile its month first',
  'reconcile.invalid-status': '"{{status}}" is not a status',
  'reconcile.status-not-for-kind': 'a {{kind, label:closeExceptionKinds}} cannot be {{status, label:status}}',
  'reconcile.note-needed': 'say why',
  'reconcile.invalid-fee-type': '"{{feeType}}" is not a fee type',
  'reconcile.not-deduction': 'this line is not a deduction line',
  'reconcile.already-claimed': 'this line of deduction {{docNo}} is already booked into a claim; reject that claim first',
  'reconcile.no-claim': 'no fee claim {{id}}',
  'reconcile.claim-status': 'claim {{claim}} is {{status, label:claimStatus}}: it cannot become {{to, label:claimStatus}}',
  'reconcile.claim-open': "claim {{claim}} still has {{open, yuan}} not covered by the manufacturer's credits",
  'reconcile.rejection-reason': 'a rejection needs a reason',
  'reconcile.file-not-found': 'no such file',
  'reconcile.no-delivery-line': 'this line is not a delivery line that can be matched',
  'reconcile.matched-to-delivery': 'matched by hand to delivery {{docNo}} ({{date}}) {{note}}',
  'reconcile.matched-to-receipt': 'matched by hand to receipt {{docNo}} ({{date}}) {{note}}',
  'reconcile.accepted-receipt': 'accepted: {{note}}',
  'reconcile.disputed-receipt': 'disputed with the KA: {{note}}',
  'reconcile.not-unexpected': 'this line is not a receipt line without a delivery',
} as const;
