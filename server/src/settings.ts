/**
 * Editor settings (`phiGuard.*`), read through `workspace/configuration` per workspace folder
 * and cached until the client says they changed. Never held in globals: the connection wiring
 * owns one SettingsStore.
 */
import type { Connection } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { RULE_IDS, type RuleId } from './engine';
import { SETTINGS_SECTION } from './protocol';

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface Settings {
  enable: boolean;
  severity: Record<RuleId, SeveritySetting>;
  /** Globs (relative to the workspace folder) never analyzed nor reported. */
  exclude: string[];
}

export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/dist/**', '**/out/**', '**/build/**', '**/coverage/**', '**/*.min.js'];

export function defaultSettings(): Settings {
  return {
    enable: true,
    severity: { 'no-phi-in-prompt': 'error', 'approved-vendors': 'error' },
    exclude: [...DEFAULT_EXCLUDE],
  };
}

/** Merges whatever the client sent over the defaults, ignoring values of the wrong shape. */
export function normalizeSettings(raw: unknown): Settings {
  const settings = defaultSettings();
  if (!raw || typeof raw !== 'object') return settings;
  const value = raw as Record<string, unknown>;
  if (typeof value.enable === 'boolean') settings.enable = value.enable;
  const severity = value.severity;
  if (severity && typeof severity === 'object') {
    for (const rule of RULE_IDS) {
      const level = (severity as Record<string, unknown>)[rule];
      if (typeof level === 'string' && isSeverity(level)) settings.severity[rule] = level;
    }
  }
  if (Array.isArray(value.exclude) && value.exclude.every((e) => typeof e === 'string')) settings.exclude = value.exclude as string[];
  return settings;
}

function isSeverity(level: string): level is SeveritySetting {
  return ['error', 'warning', 'information', 'hint', 'off'].includes(level);
}

export function toLspSeverity(level: SeveritySetting): DiagnosticSeverity | undefined {
  switch (level) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
    case 'off':
      return undefined;
  }
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private fallback: Settings;

  /**
   * @param canAsk the client supports `workspace/configuration`
   * @param initial `initializationOptions.settings`, used when it does not (and as defaults)
   */
  constructor(
    private readonly connection: Connection,
    private readonly canAsk: boolean,
    initial: unknown,
  ) {
    this.fallback = normalizeSettings(initial);
  }

  /** Settings for a resource; `scope` is its workspace folder URI (the cache key). */
  get(scope: string | undefined): Promise<Settings> {
    if (!this.canAsk) return Promise.resolve(this.fallback);
    const key = scope ?? '';
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri: scope, section: SETTINGS_SECTION })
        // Safe: without an answer, the initial (or default) settings analyze everything they did.
        .then(normalizeSettings, () => this.fallback);
      this.cache.set(key, pending);
    }
    return pending;
  }

  /** `workspace/didChangeConfiguration`: forget everything; push-style clients send the values. */
  changed(pushed: unknown): void {
    this.cache.clear();
    if (pushed && typeof pushed === 'object' && SETTINGS_SECTION in pushed) {
      this.fallback = normalizeSettings((pushed as Record<string, unknown>)[SETTINGS_SECTION]);
    }
  }
}
