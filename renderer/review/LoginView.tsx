import { useState, type FormEvent } from 'react';
import type { SessionResponse } from '../../src/shared/review';
import { ApiError, call } from './api/client';

/** The login: username and password of a gemeente account (created by the beheerder with `lbt review users`). */
export function LoginView({
  notice,
  onLoggedIn,
}: {
  notice: string | null;
  onLoggedIn: (session: SessionResponse) => void;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await call('login', { body: { username, password } }));
    } catch (caught) {
      const status = caught instanceof ApiError ? caught.status : 0;
      setError(
        status === 401
          ? 'Gebruikersnaam of wachtwoord klopt niet.'
          : status === 429
            ? 'Te veel pogingen. Wacht een paar minuten en probeer het opnieuw.'
            : caught instanceof Error
              ? caught.message
              : 'Inloggen lukte niet.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Uitslagen leerbaarheidstoets</h1>
        <p className="muted">Voor consulenten en beheerders van de gemeente.</p>
        {notice && <p className="notice">{notice}</p>}
        <label>
          Gebruikersnaam
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            required
          />
        </label>
        <label>
          Wachtwoord
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Bezig met inloggen…' : 'Inloggen'}
        </button>
      </form>
    </main>
  );
}
