/**
 * Mix any number of channels to one. Averaging (not summing) keeps a stereo
 * source that carries the same voice on both sides at its real level, so the
 * loudness baseline means the same thing whatever the device.
 */
export function mixToMono(channels: readonly Float32Array[], out?: Float32Array): Float32Array {
  const first = channels[0];
  if (!first) return out ?? new Float32Array(0);
  const length = first.length;
  const target = out && out.length === length ? out : new Float32Array(length);
  if (channels.length === 1) {
    target.set(first);
    return target;
  }
  const scale = 1 / channels.length;
  for (let i = 0; i < length; i++) {
    let sum = 0;
    for (const channel of channels) sum += channel[i] ?? 0;
    target[i] = sum * scale;
  }
  return target;
}
