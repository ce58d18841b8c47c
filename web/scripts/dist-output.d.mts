import type { Plugin } from 'vite';

export const BUILDS_FILE: string;
export function precompress(dir: string, file: string): string[];
export function distOutput(): Plugin;
export function currentBuild(outDir: string): string[];
