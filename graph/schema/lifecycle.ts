/** Small helpers to write the §5.4 transition lists compactly (`A/B → C | D`). */
import type { StatusTransition } from './types.js';

/** Every `from × to` pair as a transition with the same actor and guard. */
export function tr(from: string | readonly string[], to: string | readonly string[], by: string, guard?: string): StatusTransition[] {
  const froms = typeof from === 'string' ? [from] : from;
  const tos = typeof to === 'string' ? [to] : to;
  return froms.flatMap((f) => tos.map((t) => (guard === undefined ? { from: f, to: t, by } : { from: f, to: t, by, guard })));
}

/** `A → B → C` as consecutive transitions made by the same actor. */
export function chain(statuses: readonly string[], by: string): StatusTransition[] {
  return statuses.slice(1).map((to, i) => ({ from: statuses[i]!, to, by }));
}

/** The transitions a list allows out of one status. */
export function transitionsFrom(transitions: readonly StatusTransition[] | undefined, status: string): StatusTransition[] {
  return (transitions ?? []).filter((t) => t.from === status);
}
