import type { SteadyApi } from '../../preload/contract';
import { createAfterCall, type AfterCall } from './aftercall/start';
import { createBrowserApi } from './api/browserApi';
import { createShortcutStore, type ShortcutStore } from './api/shortcutReport';
import { LiveAudio } from './audio/liveAudio';
import { createCallController, type CallController } from './callController';
import { createCommandBus, type CommandBus } from './commands';
import { createReflectionOffers, type ReflectionOffers } from './offers/reflectionOffers';
import { createActiveProfile, type ActiveProfile } from './profile/activeProfile';
import { createReplayController, type ReplayController } from './replay/controller';
import { createAppSession } from './session';
import type { CallSession } from './session/types';
import { createCallSaving, type CallSavingStatus } from './storage/callSaving';
import { openAppDb, type SteadyDb } from './storage/db';
import { createReflectionSaves, type ReflectionSaves } from './storage/reflectionSaves';
import { createSignal, type Signal } from './store';

/**
 * The renderer's composition root: everything a page shares is built here,
 * once, and handed down through React context (ServicesProvider). Nothing is
 * wired up as a side effect of being imported, so a test builds its own.
 */
export interface Services {
  /** The preload's API in the desktop app, the browser's own elsewhere. */
  api: SteadyApi;
  /** Every command, whoever raised it: buttons, keys, main's shortcuts and tray. */
  commands: CommandBus;
  profile: ActiveProfile;
  session: CallSession;
  liveAudio: LiveAudio;
  replay: ReplayController;
  calls: CallController;
  /** The database; its problems, unreadable rows and changes live on it (db.problems, db.unreadable, db.changes). */
  db: SteadyDb;
  /** How saving the call is going, for the overlay's notice. */
  callSaving: CallSavingStatus;
  reflectionSaves: ReflectionSaves;
  offers: ReflectionOffers;
  shortcuts: ShortcutStore;
  /** A setting was saved: every useSetting re-reads. */
  settingChanges: Signal;
  /** The recorder, recovery and retention; main.tsx starts them. */
  afterCall: AfterCall;
  dispose(): void;
}

/** Tests pass a database of their own (fake-indexeddb, a fresh name), and an API double where they need one. */
export function createServices(options: { db?: SteadyDb; api?: SteadyApi } = {}): Services {
  const api = options.api ?? (typeof window !== 'undefined' ? window.steady : undefined) ?? createBrowserApi();
  const db = options.db ?? openAppDb();
  const commands = createCommandBus();
  const profile = createActiveProfile();
  const { session, dispose: disposeSession } = createAppSession(profile);
  const liveAudio = new LiveAudio(session, api);
  const replay = createReplayController(session);
  const calls = createCallController({ session, liveAudio, replay });
  const callSaving = createCallSaving();
  const reflectionSaves = createReflectionSaves(db);
  const offers = createReflectionOffers();
  const afterCall = createAfterCall({ session, db, callSaving, reflectionSaves, offers });
  return {
    api,
    commands,
    profile,
    session,
    liveAudio,
    replay,
    calls,
    db,
    callSaving,
    reflectionSaves,
    offers,
    shortcuts: createShortcutStore(api),
    settingChanges: createSignal(),
    afterCall,
    dispose() {
      calls.dispose();
      disposeSession();
    },
  };
}
