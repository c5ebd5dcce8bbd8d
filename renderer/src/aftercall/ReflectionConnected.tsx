import { useEffect, useState } from 'react';
import { useServices } from '../ServicesProvider';
import { describeStorageError } from '../storage/errors';
import { loadCallDetail, type CallDetail } from '../storage/queries';
import type { Recorder } from '../storage/recorder';
import { untilSettledOrTroubled } from '../storage/status';
import { useStore } from '../store';
import { ReflectionView, type CallLoad } from './ReflectionView';

/** The call named in the hash (#/reflect/<id>), if any. */
function useHashCallId(): string | null {
  const read = () => {
    const match = /^#\/reflect\/([^/?]+)/.exec(location.hash);
    return match?.[1] ? decodeURIComponent(match[1]) : null;
  };
  const [id, setId] = useState(read);
  useEffect(() => {
    const onHash = () => setId(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return id;
}

/** The call as its journal keeps it, when the database does not have it (yet). */
function keptCall(recorder: Recorder | null, callId: string): CallDetail | null {
  const kept = recorder?.unsavedCall(callId);
  if (!kept) return null;
  const segments = [...kept.segments].sort((a, b) => a.start - b.start);
  const cueChanges = [...kept.cueChanges].sort((a, b) => a.at - b.at);
  const cards = [...kept.cards].sort((a, b) => a.seq - b.seq);
  return { call: kept.call, segments, cueChanges, cards, reflection: null };
}

function useCallDetail(callId: string | null): CallLoad {
  const { db, afterCall } = useServices();
  const [load, setCallLoad] = useState<CallLoad>({ state: 'loading' });
  useEffect(() => {
    if (!callId) return;
    let live = true;
    setCallLoad({ state: 'loading' });
    const reading = loadCallDetail(db, callId);
    reading.then(
      (detail) => live && setCallLoad({ state: 'ready', detail: detail ?? keptCall(afterCall.recorder(), callId) }),
      (error: unknown) => {
        if (!live) return;
        const kept = keptCall(afterCall.recorder(), callId);
        setCallLoad(kept ? { state: 'ready', detail: kept } : { state: 'failed', problem: describeStorageError(error, 'opening this call') });
      },
    );
    // A blocked database makes the read wait: show the call from memory meanwhile.
    void untilSettledOrTroubled(db.problems, reading).then((how) => {
      const kept = how === 'troubled' ? keptCall(afterCall.recorder(), callId) : null;
      if (live && kept) setCallLoad((now) => (now.state === 'loading' ? { state: 'ready', detail: kept } : now));
    });
    return () => {
      live = false;
    };
  }, [callId, db, afterCall]);
  return load;
}

/** The reflection view as the app shows it: the offers, the call named in the hash and the call's detail read here. */
export function ReflectionConnected() {
  const { offers: offerStore } = useServices();
  const offers = useStore(offerStore);
  const hashId = useHashCallId();
  const load = useCallDetail(hashId ?? offers[0]?.callId ?? null);
  return <ReflectionView offers={offers} hashId={hashId} load={load} onResolve={offerStore.resolve} />;
}
