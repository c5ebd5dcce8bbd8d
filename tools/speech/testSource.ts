/**
 * A test-only sound source for Chromium, installed with addInitScript.
 *
 * Chromium's fake device plays one file (--use-file-for-fake-audio-capture) to
 * every input, so both channels would hear the same speech. This script lets a
 * test give one input its own sound: when the app opens the input whose label
 * is a key of the config, the fake device's stream is stopped and a stream from
 * a WebAudio graph is returned instead, playing the WAV at that URL (or nothing,
 * for 'silence'). The app cannot tell: it gets a live MediaStream and sends it
 * through its capture worklet, resampler and recogniser as usual.
 *
 * window.__steadyTestPlayback records when each WAV's first sample played
 * (performance.now() time), so that a benchmark can place every word in time.
 *
 * Page code as text: tools/ compiles without the DOM's types.
 */
export type TestSources = Record<string, string>;

export function testSourceScript(sources: TestSources): string {
  return `(() => {
  const sources = ${JSON.stringify(sources)};
  const media = navigator.mediaDevices;
  if (!media || !media.getUserMedia) return;
  const original = media.getUserMedia.bind(media);
  const played = [];
  window.__steadyTestPlayback = played;
  media.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    const label = (stream.getAudioTracks()[0] || {}).label || '';
    if (!(label in sources)) return stream;
    stream.getTracks().forEach((track) => track.stop());
    const context = new AudioContext({ sampleRate: 48000 });
    const destination = context.createMediaStreamDestination();
    const url = sources[label];
    if (url !== 'silence') {
      const buffer = await context.decodeAudioData(await (await fetch(url)).arrayBuffer());
      const node = context.createBufferSource();
      node.buffer = buffer;
      node.connect(destination);
      const lead = 0.2;
      const startAt = context.currentTime + lead;
      node.start(startAt);
      played.push({ label, url, at: performance.now() + (startAt - context.currentTime) * 1000 });
    }
    return destination.stream;
  };
})();`;
}

/** Records every transcript line the overlay shows, partial or final, so a test sees partials that are soon replaced. */
export const RECORD_LINES_SCRIPT = `(() => {
  const seen = [];
  window.__steadyLines = seen;
  const record = () => {
    for (const el of document.querySelectorAll('[data-testid="transcript-line"]')) {
      const text = (el.querySelector('.line-text')?.firstChild?.textContent || '').trim();
      const key = el.getAttribute('data-segment-id') + '|' + el.getAttribute('data-final') + '|' + text;
      if (seen.some((s) => s.key === key)) continue;
      seen.push({ key, at: performance.now(), channel: el.getAttribute('data-channel'), final: el.getAttribute('data-final') === 'true', segment: el.getAttribute('data-segment-id'), text });
    }
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;
