import { useEffect, useState } from 'react';
import { AudioConnected } from './audio/AudioConnected';
import { HistoryConnected } from './history/HistoryConnected';
import { OverlayConnected } from './overlay/OverlayConnected';
import { useKeyboardShortcuts, useSessionCommands } from './overlay/shortcuts';
import { ReflectionConnected } from './aftercall/ReflectionConnected';
import { ViewBoundary } from './ViewBoundary';
import { WorkbenchView } from './workbench/WorkbenchView';
import { VIEWS, VIEW_LABELS, viewFromHash, type ViewName } from './views';

function useHashView(): ViewName {
  const [view, setView] = useState<ViewName>(() => viewFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setView(viewFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return view;
}

export function App() {
  const view = useHashView();
  // Shortcuts and commands act on the call whichever view is showing.
  useSessionCommands();
  useKeyboardShortcuts();
  return (
    <div className="app" data-view={view}>
      <nav className="app-nav" aria-label="Views">
        {VIEWS.map((name) => (
          <a key={name} href={`#/${name}`} aria-current={name === view ? 'page' : undefined}>
            {VIEW_LABELS[name]}
          </a>
        ))}
      </nav>
      <main className="app-main">
        {/* Keyed by view, so moving to another view also clears a failure. */}
        <ViewBoundary key={view} label={VIEW_LABELS[view]}>
          {view === 'overlay' && <OverlayConnected />}
          {view === 'reflect' && <ReflectionConnected />}
          {view === 'history' && <HistoryConnected />}
          {view === 'workbench' && <WorkbenchView />}
          {view === 'audio' && <AudioConnected />}
        </ViewBoundary>
      </main>
    </div>
  );
}
