import { useState, type FormEvent } from 'react';
import type { SessionResponse } from '../../src/shared/review';
import { ApiError, call } from './api/client';

/**
 * After a beheerder reset the password, the first login shows only this: the service refuses everything else
 * until a new password is chosen (the `changePassword` endpoint).
 */
export function PasswordChangeView({
  username,
  onChanged,
  onLogout,
}: {
  username: string;
  onChanged: (session: SessionResponse) => void;
  onLogout: () => void;
}) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next.length < 12) return setError('Het nieuwe wachtwoord moet minstens 12 tekens hebben.');
    if (next !== repeat) return setError('De twee nieuwe wachtwoorden zijn niet gelijk.');
    if (next === current) return setError('Kies een ander wachtwoord dan het tijdelijke.');
    setBusy(true);
    setError(null);
    try {
      onChanged(await call('changePassword', { body: { currentPassword: current, newPassword: next } }));
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 422
          ? 'Het huidige (tijdelijke) wachtwoord klopt niet.'
          : 'Het wachtwoord kon niet worden gewijzigd. Probeer het opnieuw.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="password-title">
        <h1 id="password-title">Nieuw wachtwoord kiezen</h1>
        <p className="muted">
          De beheerder heeft het wachtwoord van {username} opnieuw ingesteld. Kies een eigen wachtwoord van
          minstens 12 tekens voordat u verder gaat.
        </p>
        <label>
          Huidig (tijdelijk) wachtwoord
          <input
            name="current-password"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            required
          />
        </label>
        <label>
          Nieuw wachtwoord
          <input
            name="new-password"
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(event) => setNext(event.target.value)}
            required
          />
        </label>
        <label>
          Nieuw wachtwoord nogmaals
          <input
            name="repeat-password"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(event) => setRepeat(event.target.value)}
            required
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Bezig…' : 'Wachtwoord opslaan'}
        </button>
        <button type="button" onClick={onLogout}>
          Uitloggen
        </button>
      </form>
    </main>
  );
}
