/** Placeholder: replaced by the view's own implementation. */
export function AudioView() {
  return <section aria-label="Audio and speech model"><h1>Audio and speech model</h1></section>;
}
