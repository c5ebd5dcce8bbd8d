// The list and its checks live beside the preload API so that the browser build refuses the same links.
export { EXTERNAL_URL_PREFIXES, externalUrlProblem } from '../../preload/externalLinks';
