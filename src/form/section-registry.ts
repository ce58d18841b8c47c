import { Injectable } from '@nestjs/common';
import type { SectionDefinition } from './field-types';

/**
 * Every section of the form, in form order. Generic code — completeness, snapshot, the form
 * descriptor, the PDF — walks this instead of knowing each section. Built once from
 * `ALL_SECTIONS` (`sections/index.ts`, the one place a section is registered): by FormModule for
 * the application, by `SectionRegistry.of(ALL_SECTIONS)` for pure code (unit tests, CLI tools).
 */
@Injectable()
export class SectionRegistry {
  private readonly byKey = new Map<string, SectionDefinition>();

  static of(definitions: readonly SectionDefinition[]): SectionRegistry {
    const registry = new SectionRegistry();
    definitions.forEach((d) => registry.register(d));
    return registry;
  }

  register(definition: SectionDefinition): void {
    if (this.byKey.has(definition.key)) throw new Error(`Section "${definition.key}" registered twice`);
    this.byKey.set(definition.key, definition);
  }

  get(key: string): SectionDefinition | undefined {
    return this.byKey.get(key);
  }

  /** All sections in form order. */
  all(): SectionDefinition[] {
    return [...this.byKey.values()].sort((a, b) => a.order - b.order);
  }

  keys(): string[] {
    return this.all().map((d) => d.key);
  }
}
