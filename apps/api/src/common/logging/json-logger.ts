import type { LoggerService } from '@nestjs/common';

const LEVELS = { fatal: 60, error: 50, warn: 40, info: 30, log: 30, debug: 20, verbose: 10, silent: 100 } as const;
type Level = keyof typeof LEVELS;

/**
 * Structured JSON logs, one line each. Callers log identifiers (request id, user id, route pattern),
 * never names, phone or ID numbers, tokens or request bodies.
 */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;

  constructor(level: Level = 'info', private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n')) {
    this.threshold = LEVELS[level];
  }

  private emit(level: Level, message: unknown, context?: string): void {
    if (LEVELS[level] < this.threshold) return;
    const base = { time: new Date().toISOString(), level: level === 'log' ? 'info' : level, ...(context ? { context } : {}) };
    const fields = typeof message === 'object' && message !== null ? message : { msg: String(message) };
    this.write(JSON.stringify({ ...base, ...fields }));
  }

  log(message: unknown, context?: string): void {
    this.emit('info', message, context);
  }
  /** Nest calls error(message, stack?, context?). */
  error(message: unknown, ...rest: unknown[]): void {
    const strings = rest.filter((r): r is string => typeof r === 'string');
    const context = strings.length ? strings[strings.length - 1] : undefined;
    const stack = strings.length > 1 ? strings[0] : undefined;
    this.emit('error', stack && typeof message !== 'object' ? { msg: String(message), stack } : message, context);
  }
  warn(message: unknown, context?: string): void {
    this.emit('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.emit('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.emit('verbose', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.emit('fatal', message, context);
  }
}
