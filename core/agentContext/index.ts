export { readAgentContext } from './badNews';
