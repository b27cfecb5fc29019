import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../../components/Tabs';
import { AuditLogTab } from './AuditLogTab';
import { BackupsTab } from './BackupsTab';
import { BalancesTab } from './BalancesTab';
import { DocumentsTab } from './DocumentsTab';
import { SettingsTab } from './SettingsTab';
import { UsersTab } from './UsersTab';

type Tab = 'log' | 'documents' | 'balances' | 'users' | 'settings' | 'backups';

/** 审计 and settings: the audit log and its chain, users and roles, the book's settings, backups. */
export function AuditScreen({ params, periods, onChanged, onRestore }: { params: Record<string, string>; periods: string[]; onChanged: () => void; onRestore: () => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>((['log', 'documents', 'balances', 'users', 'settings', 'backups'] as const).find((x) => x === params.tab) ?? 'log');
  return (
    <main className="screen" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('areas.audit')}</h1>
      <Tabs label={t('areas.audit')} current={tab} onChange={setTab} tabs={[
        { id: 'log', label: t('audit.log') }, { id: 'documents', label: t('audit.documents') }, { id: 'balances', label: t('balances.title') }, { id: 'users', label: t('audit.users') }, { id: 'settings', label: t('audit.settings') }, { id: 'backups', label: t('audit.backups') },
      ]} />
      {tab === 'log' && <AuditLogTab />}
      {tab === 'documents' && <DocumentsTab periods={periods} />}
      {tab === 'balances' && <BalancesTab />}
      {tab === 'users' && <UsersTab onChanged={onChanged} />}
      {tab === 'settings' && <SettingsTab />}
      {tab === 'backups' && <BackupsTab onRestore={onRestore} />}
    </main>
  );
}
