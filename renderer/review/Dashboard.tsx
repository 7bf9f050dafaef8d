import { useState } from 'react';
import { REVIEW_ROLE_LABELS, type ReviewFilters, type ReviewUser } from '../../src/shared/review';
import { call } from './api/client';
import { FilterPanel } from './parts/FilterPanel';
import { TabLinks } from './parts/TabLinks';
import { BEHEER_TABS, LETTER_HREF, TABS, USERS_HREF, useRoute, type BeheerTabId, type TabId } from './route';
import { BeheerView } from './views/BeheerView';
import { ConditionsView } from './views/ConditionsView';
import { ConductView } from './views/ConductView';
import { DistributionView } from './views/DistributionView';
import { LetterView } from './views/LetterView';
import { ReliabilityView } from './views/ReliabilityView';
import { ResultSheetView } from './views/ResultSheetView';
import { ResultsView } from './views/ResultsView';
import { UsersView } from './views/UsersView';
import { WhatIfView } from './views/WhatIfView';

/** The logged-in frame: who and which gemeente, the tabs, the filters that every tab shares, and the tab. */
export function Dashboard({ user, onLoggedOut }: { user: ReviewUser; onLoggedOut: () => void }) {
  const route = useRoute();
  const [filters, setFilters] = useState<ReviewFilters>({});

  async function logout() {
    await call('logout').catch(() => undefined);
    onLoggedOut();
  }

  if (route.view === 'sheet') return <ResultSheetView resultId={route.resultId} user={user} />;
  const beheerder = user.role === 'beheerder';
  // Another role on a beheerder's address gets the first tab: the service would refuse its data anyway.
  const beheerTab: BeheerTabId | null = route.view === 'beheer' && beheerder ? route.tab : null;
  const writesLetters = beheerder || user.role === 'consulent';
  const letter = route.view === 'letter' && writesLetters;
  const refused = (route.view === 'beheer' && !beheerder) || (route.view === 'letter' && !writesLetters);
  const tab: TabId | null = route.view === 'tab' ? route.tab : refused ? 'verdeling' : null;
  // "Afwijkende afnames" counts per afnemer: for the consulent and beheerder, not every viewer.
  const ownTabs = TABS.filter((candidate) => candidate.id !== 'afwijkend' || user.role !== 'viewer');
  const tabs = beheerder ? [...ownTabs, ...BEHEER_TABS] : ownTabs;

  return (
    <div className="frame">
      <header className="topbar">
        <div>
          <span className="brand">Leerbaarheidstoets</span>
          <span className="gemeente">Gemeente {user.gemeente}</span>
        </div>
        <div className="who">
          <span>
            {user.username} · {REVIEW_ROLE_LABELS[user.role]}
          </span>
          {writesLetters && (
            <a href={LETTER_HREF} aria-current={letter ? 'page' : undefined}>
              Uitnodigingsbrief
            </a>
          )}
          {beheerder && (
            <a href={USERS_HREF} aria-current={route.view === 'users' ? 'page' : undefined}>
              Gebruikers
            </a>
          )}
          <button type="button" onClick={logout}>
            Uitloggen
          </button>
        </div>
      </header>
      <TabLinks tabs={tabs} current={tab ?? beheerTab} />
      {letter ? (
        <main className="view single" aria-label="Uitnodigingsbrief">
          <LetterView />
        </main>
      ) : beheerTab ? (
        <main className="view single" aria-label={BEHEER_TABS.find((t) => t.id === beheerTab)?.label}>
          <BeheerView tab={beheerTab} />
        </main>
      ) : (
        <div className="workspace">
          <FilterPanel filters={filters} onChange={setFilters} />
          <main
            className="view"
            aria-label={tab ? TABS.find((candidate) => candidate.id === tab)?.label : 'Gebruikers'}
          >
            {route.view === 'users' && <UsersView user={user} />}
            {tab === 'verdeling' && <DistributionView filters={filters} />}
            {tab === 'wat-als' && <WhatIfView filters={filters} />}
            {tab === 'condities' && <ConditionsView filters={filters} />}
            {tab === 'betrouwbaarheid' && <ReliabilityView filters={filters} user={user} />}
            {tab === 'uitslagen' && <ResultsView filters={filters} user={user} />}
            {tab === 'afwijkend' && <ConductView filters={filters} />}
          </main>
        </div>
      )}
    </div>
  );
}
