// Types for core.mjs, so that the Jest tests (TypeScript, strict) can import it.
export interface Seed {
  name: string;
  text: string;
  vendor: string;
}
export type Mutation = [string, ...unknown[]];
export interface FuzzCase {
  seed: number;
  vendor: string;
  mutations: Mutation[];
}
export interface Engine {
  analyze(sources: { path: string; text: string }[], options?: { vendor?: string }): unknown;
  render(graph: any, opts: any): string;
  formatDiagnostic(d: any): string;
}
export const SIZE_LIMIT: number;
export const TIME_LIMIT_MS: number;
export const FRAGMENTS: string[];
export function loadSeeds(root: string): Seed[];
export function caseArbitrary(seeds: Seed[], vendors: string[]): import('fast-check').Arbitrary<FuzzCase>;
export function materialize(c: FuzzCase, seeds: Seed[]): string;
export function chain(kind: string, n: number): string;
export function checkAnalysis(engine: Engine, text: string, vendor: string): string[];
export function checkDocument(format: string, doc: string): string | undefined;
export function checkCliRun(r: { code: number; stdout: string; stderr: string }): string[];
