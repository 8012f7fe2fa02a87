import { useEffect, useId, useState, type FormEvent } from 'react';
import { CHAINS, type ChainName } from '../../ext/protocol';
import { BusyButton } from '../busy-button';
import { ErrorNote, Field, Reading } from '../field';
import { useNetwork } from './network-store';
import { formFromNetwork, LOCAL_DEFAULTS, networkFromForm, type NetworkField, type NetworkFormValues } from './network-values';

/** Where offers are published and what buyers pay in. */
export default function SettingsScreen() {
  const settings = useNetwork((s) => s.settings);
  const load = useNetwork((s) => s.load);
  const loadError = useNetwork((s) => s.errors.load);
  useEffect(() => void load(true), [load]);

  return (
    <section aria-labelledby="settings-h">
      <h2 id="settings-h">Network</h2>
      <p className="muted small">Where your offers are published and paid for. Change these only if you run your own or a test network.</p>
      {settings ? (
        <NetworkForm initial={formFromNetwork(settings)} />
      ) : (
        <Reading busy="Reading the network settings…" failed={loadError && `Could not read the network settings: ${loadError}`} onRetry={() => void load(true)} />
      )}
    </section>
  );
}

function NetworkForm({ initial }: { initial: NetworkFormValues }) {
  const save = useNetwork((s) => s.save);
  const pending = useNetwork((s) => s.pending.save);
  const error = useNetwork((s) => s.errors.save);
  const clear = useNetwork((s) => s.clearError);
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<NetworkField, string>>>({});
  const [saved, setSaved] = useState(false);
  // Which button started the save, so only that one says it is busy.
  const [via, setVia] = useState<'save' | 'reset'>('save');
  const chainId = useId();
  useEffect(() => () => clear('save'), [clear]);

  const update = (patch: Partial<NetworkFormValues>) => {
    setForm((f) => ({ ...f, ...patch }));
    setSaved(false);
  };
  async function send(values: NetworkFormValues, from: 'save' | 'reset') {
    setVia(from);
    const r = networkFromForm(values);
    setErrors(r.ok ? {} : r.errors);
    setSaved(false);
    if (!r.ok) return;
    if (await save(r.value)) {
      setForm(formFromNetwork(r.value));
      setSaved(true);
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(form, 'save');
  };
  const reset = () => {
    const defaults = formFromNetwork(LOCAL_DEFAULTS);
    setForm(defaults);
    void send(defaults, 'reset');
  };
  const text = (field: NetworkField, label: string, extra: { hint?: string; inputMode?: 'numeric' } = {}) => (
    <Field
      label={label}
      value={form[field]}
      onChange={(e) => update({ [field]: e.currentTarget.value })}
      error={errors[field]}
      autoComplete="off"
      spellCheck={false}
      disabled={pending}
      {...extra}
    />
  );

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={chainId}>Network</label>
        <select id={chainId} value={form.chain} disabled={pending} onChange={(e) => update({ chain: e.currentTarget.value as ChainName })}>
          {(Object.keys(CHAINS) as ChainName[]).map((name) => (
            <option key={name} value={name}>
              {CHAINS[name].name}
            </option>
          ))}
        </select>
      </div>
      {text('rpcUrl', 'RPC URL', { hint: 'The chain node Consentry reads payments from.' })}
      {text('registryUrl', 'Registry URL', { hint: 'Where your signed offers are published for buyers.' })}
      {text('exchange', 'Exchange contract address')}
      <fieldset className="group">
        <legend>Payment token</legend>
        {text('tokenAddress', 'Token address')}
        <div className="pair">
          {text('tokenSymbol', 'Token symbol')}
          {text('tokenDecimals', 'Token decimals', { inputMode: 'numeric' })}
        </div>
      </fieldset>
      <ErrorNote message={error} />
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={pending} busyLabel={via === 'save' ? 'Saving…' : 'Save network settings'}>
          Save network settings
        </BusyButton>
        <BusyButton type="button" busy={pending} busyLabel={via === 'reset' ? 'Saving…' : 'Reset to local defaults'} onClick={reset}>
          Reset to local defaults
        </BusyButton>
      </div>
      {saved && (
        <p className="ok" role="status">
          Saved.
        </p>
      )}
    </form>
  );
}
