import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../../../vocabulary/index.js';
import { DataGrid, type Row } from '../../components/DataGrid';
import { ErrorNotice, asServiceError } from '../../components/ErrorNotice';
import { SidePanel } from '../../components/SidePanel';
import { formatFen, formatPrice } from '../../format/amount';
import { formatTimestamp } from '../../format/dates';
import { formatPpm } from '../../format/rate';
import { useHost } from '../../host/host-context';
import { useQuery } from '../../host/use-query';
import { useWords, type WireMessage } from '../../i18n/words';

type AuditValue = { money: number } | { price: number } | { rate: number } | { label: string; value: string } | { text: string } | { message: WireMessage } | { count: number } | null;
interface AuditDetail { field: WireMessage; before: AuditValue; after: AuditValue }

/** 审计日志: every change to the book, newest first, filtered by what, who and which action; the chain checked on demand. */
export function AuditLogTab() {
  const { t } = useTranslation();
  const { say, label } = useWords();
  const host = useHost();
  const [filter, setFilter] = useState({ entity: '', actor: '', action: '' });
  const args = { ...(filter.entity ? { entity: filter.entity } : {}), ...(filter.actor ? { actor: filter.actor } : {}), ...(filter.action ? { action: filter.action } : {}), limit: 1000 };
  const list = useQuery('audit.list', args);
  const users = useQuery('users.list', {});
  const [open, setOpen] = useState<Row | null>(null);
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string } | null>(null);
  const verify = async () => {
    try {
      const v = await host.call('audit.verify', {});
      setVerdict({ ok: v.ok, text: v.ok ? t('audit.chainOk', { rows: v.rows }) : t('audit.chainBroken', { id: v.brokenAt?.id, reason: say(v.brokenAt?.reason) }) });
    } catch (e) {
      list.setError(asServiceError(e));
    }
  };
  const value = (v: AuditValue): string => {
    if (v === null) return '';
    if ('money' in v) return formatFen(v.money);
    if ('price' in v) return `¥${formatPrice(v.price)}`;
    if ('rate' in v) return formatPpm(v.rate);
    if ('label' in v) return label(v.label as never, v.value);
    if ('message' in v) return say(v.message);
    if ('count' in v) return t('audit.items', { count: v.count });
    return v.text;
  };
  const who = (w: unknown) => (typeof w === 'string' ? w : say(w as WireMessage));
  return (
    <section>
      <form className="filter-bar" onSubmit={(e) => e.preventDefault()}>
        <label>{t('audit.entity')}
          <select value={filter.entity} onChange={(e) => setFilter({ ...filter, entity: e.target.value })} data-testid="audit-entity">
            <option value="">{t('audit.all')}</option>
            {AUDIT_ENTITIES.map((x) => <option key={x} value={x}>{label('auditEntities', x)}</option>)}
          </select>
        </label>
        <label>{t('audit.actor')}
          <select value={filter.actor} onChange={(e) => setFilter({ ...filter, actor: e.target.value })} data-testid="audit-actor">
            <option value="">{t('audit.all')}</option>
            {(users.data?.rows ?? []).map((u) => <option key={String(u.username)} value={String(u.username)}>{String(u.display_name)}（{String(u.username)}）</option>)}
          </select>
        </label>
        <label>{t('audit.action')}
          <select value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value })} data-testid="audit-action">
            <option value="">{t('audit.all')}</option>
            {AUDIT_ACTIONS.map((x) => <option key={x} value={x}>{label('auditActions', x)}</option>)}
          </select>
        </label>
        <span className="fill" />
        <button type="button" data-testid="audit-verify" onClick={verify}>{t('audit.verify')}</button>
      </form>
      {verdict && <p className={`notice ${verdict.ok ? 'ok' : 'error'}`} role="status" data-testid="audit-verdict">{verdict.text}</p>}
      <ErrorNotice error={list.error} />
      <p className="muted">{list.data?.total !== undefined ? t('audit.count', { count: list.data.total }) : ''}</p>
      <div className={open ? 'with-panel' : ''}>
        <DataGrid testId="audit-grid" gridId="audit-log" rows={list.data?.rows ?? []} height={500} onOpen={setOpen} rowId={(r) => String(r.id)} selectedId={open ? String(open.id) : null} columns={[
          { field: 'id', headerName: '#', width: 80, pinned: 'left' },
          { field: 'at', headerName: t('audit.at'), width: 145, valueFormatter: (p) => formatTimestamp(p.value as string) },
          { field: 'who', headerName: t('audit.actor'), width: 150, valueFormatter: (p) => who(p.value) },
          { field: 'action', headerName: t('audit.action'), width: 110, valueFormatter: (p) => label('auditActions', p.value) },
          { field: 'entity', headerName: t('audit.entity'), width: 100, valueFormatter: (p) => label('auditEntities', p.value) },
          // what was changed, in words: an account by its name, a reversal's key with 红字 instead of its internal suffix
          { field: 'entity_key', headerName: t('audit.key'), width: 170, valueFormatter: (x) => {
            const key = String(x.value ?? '');
            if (x.data?.entity === 'gl_account') return label('accounts', key);
            return key.endsWith('|reversal') ? `${key.slice(0, -'|reversal'.length)} ${t('corrections.reversalState')}` : key;
          } },
          { field: 'summary', headerName: t('audit.summary'), flex: 1, minWidth: 320, valueFormatter: (p) => say(p.value as WireMessage), tooltipValueGetter: (p) => say(p.value as WireMessage) },
        ]} />
        {open && (
          <SidePanel title={t('audit.detail', { id: open.id })} onClose={() => setOpen(null)} testId="audit-detail">
            <p>{say(open.summary as WireMessage)}</p>
            <p className="muted">{formatTimestamp(String(open.at))} · {who(open.who)}</p>
            <table className="table compact">
              <thead><tr><th>{t('audit.field')}</th><th>{t('audit.before')}</th><th>{t('audit.after')}</th></tr></thead>
              <tbody>{(open.details as AuditDetail[]).map((d, i) => (
                <tr key={i} className={value(d.before) !== value(d.after) ? 'changed' : ''}><th scope="row">{say(d.field)}</th><td>{value(d.before)}</td><td>{value(d.after)}</td></tr>
              ))}</tbody>
            </table>
          </SidePanel>
        )}
      </div>
    </section>
  );
}

