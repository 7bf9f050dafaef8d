import { useState } from 'react';
import { REVIEW_ROLE_LABELS, type ReviewUser, type UserSummary } from '../../../src/shared/review';
import { ApiError, call } from '../api/client';
import { useCall } from '../api/use-resource';
import { Panel } from '../parts/common';

/** The beheerder's accounts of their own gemeente: end sessions, reset a password, disable, delete. */
export function UsersView({ user }: { user: ReviewUser }) {
  const users = useCall('listUsers', {});
  const referenceForm = useCall('referenceForm', {});
  const [message, setMessage] = useState<string | null>(null);
  const [resetFor, setResetFor] = useState<string | null>(null);
  const [temporary, setTemporary] = useState('');

  async function act(run: () => Promise<string>) {
    try {
      setMessage(await run());
    } catch (caught) {
      setMessage(caught instanceof ApiError ? `Niet gelukt: ${caught.message}` : 'Niet gelukt.');
    }
    users.reload();
  }

  const who = (u: UserSummary) => ({ params: { username: u.username } });
  const state = (u: UserSummary) =>
    u.disabled ? 'Uitgeschakeld' : u.mustChangePassword ? 'Moet nieuw wachtwoord kiezen' : 'Actief';

  return (
    <Panel title="Gebruikers">
      <p className="muted">
        Accounts van gemeente {user.gemeente}. Nieuwe accounts maakt u met `lbt users create`.
      </p>
      <p className="muted" data-testid="reference-form">
        Vorm van de kandidaatreferentie:{' '}
        {referenceForm.data
          ? (referenceForm.data.description ??
            'niet ingesteld; de kiosks weigeren namen en gebruiken hun eigen formaat')
          : '…'}
        . Instellen met `lbt gemeente reference-form set`.
      </p>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {users.state === 'error' && <p role="alert">{users.error.message}</p>}
      <table className="users">
        <thead>
          <tr>
            <th scope="col">Gebruikersnaam</th>
            <th scope="col">Rol</th>
            <th scope="col">Status</th>
            <th scope="col">Open sessies</th>
            <th scope="col">Acties</th>
          </tr>
        </thead>
        <tbody>
          {(users.data?.users ?? []).map((u) => (
            <tr key={u.username} data-username={u.username}>
              <td>{u.username}</td>
              <td>{REVIEW_ROLE_LABELS[u.role]}</td>
              <td>{state(u)}</td>
              <td>{u.sessions}</td>
              <td>
                <button
                  type="button"
                  onClick={() =>
                    act(async () => {
                      const { ended } = await call('revokeSessions', who(u));
                      return `${ended} sessie(s) van ${u.username} beëindigd.`;
                    })
                  }
                >
                  Sessies beëindigen
                </button>
                <button type="button" onClick={() => setResetFor(u.username)}>
                  Wachtwoord resetten
                </button>
                {u.username !== user.username && !u.disabled && (
                  <button
                    type="button"
                    onClick={() =>
                      act(async () => {
                        await call('disableUser', who(u));
                        return `${u.username} is uitgeschakeld; open sessies zijn beëindigd.`;
                      })
                    }
                  >
                    Uitschakelen
                  </button>
                )}
                {u.username !== user.username && (
                  <button
                    type="button"
                    onClick={() => {
                      if (!window.confirm(`Account ${u.username} definitief verwijderen?`)) return;
                      void act(async () => {
                        await call('deleteUser', who(u));
                        return `${u.username} is verwijderd.`;
                      });
                    }}
                  >
                    Verwijderen
                  </button>
                )}
                {resetFor === u.username && (
                  <form
                    className="reset"
                    onSubmit={(event) => {
                      event.preventDefault();
                      void act(async () => {
                        await call('resetPassword', { ...who(u), body: { newPassword: temporary } });
                        setResetFor(null);
                        setTemporary('');
                        return `Tijdelijk wachtwoord ingesteld; ${u.username} kiest bij de volgende keer inloggen een nieuw.`;
                      });
                    }}
                  >
                    <label>
                      Tijdelijk wachtwoord (minstens 12 tekens)
                      <input
                        name="temporary-password"
                        type="password"
                        autoComplete="new-password"
                        minLength={12}
                        value={temporary}
                        onChange={(event) => setTemporary(event.target.value)}
                        required
                      />
                    </label>
                    <button type="submit">Instellen</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
