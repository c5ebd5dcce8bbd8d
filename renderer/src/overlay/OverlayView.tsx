/** Placeholder: replaced by the view's own implementation. */
export function OverlayView() {
  return <section aria-label="The live call overlay"><h1>The live call overlay</h1></section>;
}
