import { REVIEW_ROLE_LABELS, type ReviewUser } from '../../src/shared/review';
import { call } from './api/client';
import { TabLinks } from './parts/TabLinks';
import { PRIVACY_TABS, useRoute, type PrivacyTabId } from './route';
import { AuditView } from './views/AuditView';
import { RetentionView } from './views/RetentionView';
import { SubjectView } from './views/SubjectView';
import { NationalView } from './views/NationalView';

/**
 * The frame for the roles that read no results: the privacy officer (audit log, retention, data-subject
 * requests) and the national analist ("Landelijk beeld": aggregates only). No gemeente filters, no results.
 */
export function PrivacyDashboard({ user, onLoggedOut }: { user: ReviewUser; onLoggedOut: () => void }) {
  const route = useRoute();
  const tab: PrivacyTabId = route.view === 'privacy' ? route.tab : 'auditlog';
  const analist = user.role === 'analist';

  async function logout() {
    await call('logout').catch(() => undefined);
    onLoggedOut();
  }

  return (
    <div className="frame">
      <header className="topbar">
        <div>
          <span className="brand">Leerbaarheidstoets</span>
          <span className="gemeente">{analist ? 'Landelijk' : `Gemeente ${user.gemeente}`}</span>
        </div>
        <div className="who">
          <span>
            {user.username} · {REVIEW_ROLE_LABELS[user.role]}
          </span>
          <button type="button" onClick={logout}>
            Uitloggen
          </button>
        </div>
      </header>
      <TabLinks
        tabs={analist ? [{ id: 'landelijk' as const, label: 'Landelijk beeld' }] : PRIVACY_TABS}
        current={analist ? 'landelijk' : tab}
      />
      <main
        className="view single"
        aria-label={analist ? 'Landelijk beeld' : PRIVACY_TABS.find((t) => t.id === tab)?.label}
      >
        {analist && <NationalView />}
        {!analist && tab === 'auditlog' && <AuditView />}
        {!analist && tab === 'bewaartermijn' && <RetentionView />}
        {!analist && tab === 'inzageverzoek' && <SubjectView />}
      </main>
    </div>
  );
}
