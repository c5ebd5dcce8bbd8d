/** Placeholder: replaced by the view's own implementation. */
export function ReflectionView() {
  return <section aria-label="After the call"><h1>After the call</h1></section>;
}
