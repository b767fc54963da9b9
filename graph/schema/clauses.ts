/**
 * The ISO/IEC 20000-1:2018 clause tree (clauses 4–10) as typed data: clause numbers, titles and
 * the project's own short paraphrases (never text of the standard). Source:
 * `graph/schema/data/iso20000-clauses.json`, a copy of `shared/domain/iso20000-clauses.json`.
 *
 * Pure data access: no I/O, no React. It lives beside the list schema because provisioning (ClauseRefs
 * choices), the filter builder and the features all read it, and graph/ may not import from src/.
 */
import raw from './data/iso20000-clauses.json';

/** One clause or sub-clause of ISO/IEC 20000-1:2018, described in the project's own words. */
export interface Clause {
  /** Clause number, e.g. `8.5.1.3`. */
  readonly clause: string;
  /** Clause title (titles are not copyrighted text; requirement wording is never stored). */
  readonly title: string;
  /** Parent clause number; `null` for the top-level clauses 4–10. */
  readonly parent: string | null;
  /** 1 for `8`, 2 for `8.5`, 3 for `8.5.1`, 4 for `8.5.1.3`. */
  readonly depth: number;
  /** False for heading-only clauses whose evidence sits in their sub-clauses. */
  readonly assessable: boolean;
  /** One-line paraphrase of what the clause asks for (project wording). */
  readonly summary: string;
  /** Evidence an auditor normally samples (project wording). */
  readonly evidence: readonly string[];
  /** Documents the clause requires to be maintained (see domain reference §3.1). */
  readonly mandatoryDocuments: readonly string[];
  /** Records the clause requires to be retained (see domain reference §3.2). */
  readonly mandatoryRecords: readonly string[];
  /** Data-model entities (domain reference §5) that hold the evidence for this clause. */
  readonly entities: readonly string[];
  readonly notes?: string | null;
}

/**
 * Compares two clause numbers segment by segment as numbers, so `8.9` < `8.10` < `9` < `10`
 * and a parent comes before its children.
 */
export function compareClauseNumbers(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) return x - y;
  }
  return 0;
}

/** Every clause of the tree in natural (document) order. */
export const clauses: readonly Clause[] = Object.freeze(
  [...(raw as Clause[])].sort((a, b) => compareClauseNumbers(a.clause, b.clause)),
);

const byNumber: ReadonlyMap<string, Clause> = new Map(clauses.map((c) => [c.clause, c]));

/** The clause with this number (e.g. `'8.5.1.3'`), or `undefined` if the tree has none. */
export function clauseByNumber(clause: string): Clause | undefined {
  return byNumber.get(clause.trim());
}

/** The direct children of a clause in natural order; `childrenOf(null)` gives clauses 4–10. */
export function childrenOf(parent: string | null): Clause[] {
  return clauses.filter((c) => c.parent === parent);
}

/** The clauses an auditor assesses directly (heading-only clauses left out), in natural order. */
export function assessableClauses(): Clause[] {
  return clauses.filter((c) => c.assessable);
}

/** All clause numbers in natural order: the choices of `ClauseRefs` / `ClausesCovered` columns. */
export const clauseNumbers: readonly string[] = Object.freeze(clauses.map((c) => c.clause));

/** The chain from the top-level clause down to this one, e.g. `8` → `8.5` → `8.5.1` → `8.5.1.3`. */
export function ancestryOf(clause: string): Clause[] {
  const chain: Clause[] = [];
  let current = clauseByNumber(clause);
  while (current) {
    chain.unshift(current);
    current = current.parent === null ? undefined : clauseByNumber(current.parent);
  }
  return chain;
}
