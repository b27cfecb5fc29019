import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceError } from '../../../contract/service-contract';
import { DataGrid } from '../../components/DataGrid';
import { ErrorNotice, asServiceError } from '../../components/ErrorNotice';
import { Field, errorFor } from '../../components/Field';
import { useHost } from '../../host/host-context';
import { useAction } from '../../host/use-action';
import { useQuery } from '../../host/use-query';
import { ROLES } from '../../../vocabulary/index.js';



/** 用户与角色: who may work in the book. The first user is its admin; after that an admin adds the others. */
export function UsersTab({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const host = useHost();
  const list = useQuery('users.list', {});
  const [form, setForm] = useState({ username: '', displayName: '', role: 'accountant' as (typeof ROLES)[number], password: '' });
  const [error, setError] = useState<ServiceError | null>(null);
  const [done, setDone] = useState('');
  const [disable, setDisable] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [manage, setManage] = useState({ username: '', password: '', role: 'accountant' as (typeof ROLES)[number] });
  const settings = useQuery('settings.get', {});
  const changed = (username: string) => { setDone(t('security.done', { username })); list.reload(); onChanged(); };
  const { act: run, error: actionError, setError: setActionError } = useAction();
  const add = async () => {
    try {
      await host.call('users.add', { username: form.username.trim(), role: form.role, password: form.password, ...(form.displayName.trim() ? { displayName: form.displayName.trim() } : {}) });
      setDone(t('users.added', { username: form.username }));
      setForm({ username: '', displayName: '', role: 'accountant', password: '' });
      setError(null);
      list.reload();
      onChanged();
    } catch (e) {
      setError(asServiceError(e));
    }
  };
  return (
    <section>
      <ErrorNotice error={list.error} />
      {list.data?.rows.length === 0 && <p className="notice warn">{t('users.firstIsAdmin')}</p>}
      <DataGrid testId="users-grid" height="auto" rows={list.data?.rows ?? []} columns={[
        { field: 'username', headerName: t('signIn.username'), width: 140 },
        { field: 'display_name', headerName: t('users.displayName'), width: 140 },
        { field: 'role', headerName: t('users.role'), width: 140, valueFormatter: (p) => t(`roles.${p.value as string}`) },
        { field: 'disabled', headerName: t('users.disabled'), width: 90, valueFormatter: (p) => (p.value ? t('app.yes') : '') },
      ]} />
      <h3>{t('users.add')}</h3>
      <form className="form-grid" onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <Field label={t('signIn.username')} error={errorFor(error, '--add')}><input value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} data-testid="user-name" /></Field>
        <Field label={t('users.displayName')}><input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} data-testid="user-display-name" /></Field>
        <Field label={t('users.role')} error={errorFor(error, '--role')}>
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as (typeof ROLES)[number] })} data-testid="user-role">
            {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
          </select>
        </Field>
        <Field label={t('signIn.password')} error={errorFor(error, 'password')}><input type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} autoComplete="new-password" data-testid="user-password" /></Field>
        <button type="submit" className="primary" data-testid="user-add" disabled={!form.username.trim() || !form.password}>{t('users.add')}</button>
      </form>
      {error && !error.field && <ErrorNotice error={error} onClose={() => setError(null)} />}
      {done && <p className="notice ok" role="status" data-testid="users-message">{done}</p>}
      <div className="row">
        <label>{t('users.disableWho')}<select value={disable} onChange={(e) => setDisable(e.target.value)} data-testid="user-disable-name">
          <option value="" />
          {(list.data?.rows ?? []).filter((u) => !u.disabled).map((u) => <option key={String(u.username)} value={String(u.username)}>{String(u.username)}</option>)}
        </select></label>
        <button type="button" className="danger" disabled={!disable} data-testid="user-disable" onClick={async () => {
          if (await run('users.disable', { username: disable })) { setDone(t('users.disabledDone', { username: disable })); setDisable(''); list.reload(); }
        }}>{t('users.disable')}</button>
      </div>
      {/* An admin's changes to another account are recorded: that admin may not sign beside its user in the same month. */}
      <h3>{t('security.manage')}</h3>
      <div className="row" data-testid="user-manage">
        <label>{t('security.manageWho')}<select value={manage.username} onChange={(e) => setManage({ ...manage, username: e.target.value })} data-testid="user-manage-name">
          <option value="" />
          {(list.data?.rows ?? []).map((u) => <option key={String(u.username)} value={String(u.username)}>{String(u.username)}</option>)}
        </select></label>
        <button type="button" disabled={!manage.username} onClick={async () => { if (await run('users.enable', { username: manage.username })) changed(manage.username); }}>{t('security.enable')}</button>
        <input type="password" value={manage.password} onChange={(e) => setManage({ ...manage, password: e.target.value })} autoComplete="new-password" aria-label={t("users.newPassword")} placeholder={t("users.newPassword")} />
        <button type="button" disabled={!manage.username || !manage.password} onClick={async () => {
          if (await run('users.resetPassword', { username: manage.username, password: manage.password })) { setManage({ ...manage, password: '' }); changed(manage.username); }
        }}>{t('security.resetPassword')}</button>
        <select value={manage.role} onChange={(e) => setManage({ ...manage, role: e.target.value as (typeof ROLES)[number] })} aria-label={t('users.role')}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
        </select>
        <button type="button" disabled={!manage.username} onClick={async () => { if (await run('users.setRole', { username: manage.username, role: manage.role })) changed(manage.username); }}>{t('security.setRole')}</button>
      </div>
      {list.data?.rows.length === 1 && settings.data && (
        <label className="row">
          <input type="checkbox" checked={settings.data.settings['security.single_user_without_sign_in'] === true} data-testid="relaxed-setting" onChange={async (e) => {
            if (await run('settings.set', { key: 'security.single_user_without_sign_in', value: e.target.checked })) { setDone(t('security.relaxedSaved')); settings.reload(); onChanged(); }
          }} />
          {t('security.relaxedSetting')}
        </label>
      )}
      <form className="row" onSubmit={async (e) => {
        e.preventDefault();
        if (await run('users.password', { password: newPassword })) { setDone(t('users.passwordChanged')); setNewPassword(''); }
      }}>
        <label>{t('users.newPassword')}<input type="password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} autoComplete="new-password" data-testid="own-password" /></label>
        <button type="submit" disabled={!newPassword}>{t('users.changePassword')}</button>
      </form>
      <ErrorNotice error={actionError} onClose={() => setActionError(null)} />
    </section>
  );
}
