import { useCallback, useEffect, useState } from 'react';
import { readsResults, type ReviewUser, type SessionResponse } from '../../src/shared/review';
import { call, setCsrfToken, setUnauthorizedHandler, type ApiError } from './api/client';
import { Dashboard } from './Dashboard';
import { PrivacyDashboard } from './PrivacyDashboard';
import { LoginView } from './LoginView';
import { PasswordChangeView } from './PasswordChangeView';

type Boot =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; user: ReviewUser | null; mustChangePassword: boolean };

/** Asks the service who is logged in (and for a CSRF token), then shows the login or the dashboard. */
export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);

  const adopt = useCallback((session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setBoot({ state: 'ready', user: session.user, mustChangePassword: session.mustChangePassword });
  }, []);

  const refresh = useCallback(() => {
    call('session').then(adopt, (error: ApiError) => setBoot({ state: 'error', message: error.message }));
  }, [adopt]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setNotice('Uw sessie is verlopen. Log opnieuw in.');
      refresh();
    });
    refresh();
  }, [refresh]);

  if (boot.state === 'loading') return <p className="boot">Even geduld…</p>;
  if (boot.state === 'error')
    return (
      <p className="boot" role="alert">
        {boot.message}
      </p>
    );
  if (!boot.user)
    return (
      <LoginView
        notice={notice}
        onLoggedIn={(session) => {
          setNotice(null);
          adopt(session);
        }}
      />
    );
  const logout = async () => {
    await call('logout').catch(() => undefined);
    setNotice('U bent uitgelogd.');
    refresh();
  };
  if (boot.mustChangePassword)
    return <PasswordChangeView username={boot.user.username} onChanged={adopt} onLogout={logout} />;
  const onLoggedOut = () => {
    setNotice('U bent uitgelogd.');
    refresh();
  };
  // Roles that read no results get their own frame: no filters, no result tabs (auth.ts, readsResults).
  return readsResults(boot.user.role) ? (
    <Dashboard user={boot.user} onLoggedOut={onLoggedOut} />
  ) : (
    <PrivacyDashboard user={boot.user} onLoggedOut={onLoggedOut} />
  );
}
