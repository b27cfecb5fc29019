import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid } from '../../components/DataGrid';
import { ErrorNotice, asServiceError } from '../../components/ErrorNotice';
import { formatTimestamp } from '../../format/dates';
import { useHost } from '../../host/host-context';
import { useQuery } from '../../host/use-query';

/** 审计日志: every change to the book, newest first, filtered by what, who and which action; the chain checked on demand. */
export function AuditLogTab() {
  const { t } = useTranslation();
  const host = useHost();
  const [filter, setFilter] = useState({ entity: '', actor: '', action: '' });
  const [applied, setApplied] = useState(filter);
  const args = { ...(applied.entity ? { entity: applied.entity } : {}), ...(applied.actor ? { actor: applied.actor } : {}), ...(applied.action ? { action: applied.action } : {}), limit: 1000 };
  const list = useQuery('audit.list', args);
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string } | null>(null);
  const verify = async () => {
    try {
      const v = await host.call('audit.verify', {});
      setVerdict({ ok: v.ok, text: v.ok ? t('audit.chainOk', { rows: v.rows }) : t('audit.chainBroken', { id: v.brokenAt?.id, reason: v.brokenAt?.reason }) });
    } catch (e) {
      list.setError(asServiceError(e));
    }
  };
  return (
    <section>
      <form className="filter-bar" onSubmit={(e) => { e.preventDefault(); setApplied(filter); }}>
        <label>{t('audit.entity')}<input value={filter.entity} onChange={(e) => setFilter({ ...filter, entity: e.target.value })} data-testid="audit-entity" /></label>
        <label>{t('audit.actor')}<input value={filter.actor} onChange={(e) => setFilter({ ...filter, actor: e.target.value })} data-testid="audit-actor" /></label>
        <label>{t('audit.action')}<input value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value })} data-testid="audit-action" /></label>
        <button type="submit" className="primary" data-testid="audit-apply">{t('reconcile.apply')}</button>
        <span className="fill" />
        <button type="button" data-testid="audit-verify" onClick={verify}>{t('audit.verify')}</button>
      </form>
      {verdict && <p className={`notice ${verdict.ok ? 'ok' : 'error'}`} role="status" data-testid="audit-verdict">{verdict.text}</p>}
      <ErrorNotice error={list.error} />
      <p className="muted">{list.data?.total !== undefined ? t('audit.count', { count: list.data.total }) : ''}</p>
      <DataGrid testId="audit-grid" rows={list.data?.rows ?? []} height={520} columns={[
        { field: 'id', headerName: '#', width: 80 },
        { field: 'at', headerName: t('audit.at'), width: 150, valueFormatter: (p) => formatTimestamp(p.value as string) },
        { field: 'actor', headerName: t('audit.actor'), width: 110 },
        { field: 'action', headerName: t('audit.action'), width: 120 },
        { field: 'entity', headerName: t('audit.entity'), width: 120 },
        { field: 'entity_key', headerName: t('audit.key'), width: 180 },
        { field: 'after', headerName: t('audit.after'), flex: 1, minWidth: 300, valueFormatter: (p) => (p.value === null ? '' : JSON.stringify(p.value)) },
      ]} />
    </section>
  );
}
