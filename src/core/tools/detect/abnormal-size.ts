import type { Severity } from '../../model/finding';
import type { TargetRef, TargetScope, TextField, ToolCategory } from '../types';
import { CANDIDATE_BUDGET, type RawReport } from './context';
import { plural } from '../../text/plural';

/** Above these, a field or a definition is too long for anyone to review by eye. */
export const FIELD_INFO_CHARS = 8_000;
export const FIELD_WARNING_CHARS = 32_000;
export const DEFINITION_WARNING_CHARS = 64_000;
export const NAME_MAX_CHARS = 128;
export const SERVER_MAX_ITEMS = 100;

export type ScopeReport = RawReport & { field: string };

/** Oversized fields and definitions, over-long names, and fields where a detector ran out of budget. */
export function detectAbnormalSize(scope: TargetScope, exhausted: Map<TextField, Set<ToolCategory>>): ScopeReport[] {
  const out: ScopeReport[] = [];
  let total = 0;
  let largest: TextField | undefined;
  for (const f of scope.fields) {
    const len = f.text.length;
    total += len;
    if (!largest || len > largest.text.length) largest = f;
    if ((f.role === 'name' || f.role === 'parameterName') && len > NAME_MAX_CHARS) {
      out.push(
        size(
          f,
          'warning',
          `A ${len}-character name: names are meant to be short identifiers (at most ${NAME_MAX_CHARS}); a long one is text smuggled into a place nobody reads.`,
        ),
      );
    } else if (len > FIELD_WARNING_CHARS) {
      out.push(
        size(
          f,
          'warning',
          `${f.field} is ${kb(len)} long: far more than any tool needs, and too long for anyone to review; instructions can hide anywhere in it.`,
        ),
      );
    } else if (len > FIELD_INFO_CHARS) {
      out.push(size(f, 'info', `${f.field} is ${kb(len)} long; review it in full.`));
    }
    const spent = exhausted.get(f);
    if (spent && spent.size > 0) {
      out.push({
        ...size(
          f,
          'warning',
          `${f.field} holds more than ${CANDIDATE_BUDGET} suspicious-looking phrases of kind ${[...spent].join(', ')}; analysis stopped counting them. Review it by hand.`,
        ),
        end: Math.min(f.text.length, 200),
      });
    }
  }
  if (total > DEFINITION_WARNING_CHARS && largest && !out.some((r) => r.severity === 'warning')) {
    out.push(size(largest, 'warning', `This definition has ${kb(total)} of text in total: too much to review, and a large share of the model's context.`));
  }
  return out;
}

/** Server-wide: very many items flood the model's context and hide the one that matters. */
export function detectServerSize(server: TargetRef, counts: { tools: number; prompts: number; resources: number; templates: number }): ScopeReport[] {
  const total = counts.tools + counts.prompts + counts.resources + counts.templates;
  if (total <= SERVER_MAX_ITEMS) return [];
  return [
    {
      field: 'server',
      category: 'abnormal-size',
      severity: 'info',
      start: 0,
      end: 0,
      message: `The server "${server.name}" offers ${plural(total, 'item')} (tools, prompts and resources); beyond ${SERVER_MAX_ITEMS}, reviewing them all is unrealistic and they crowd the model's context.`,
    },
  ];
}

function size(f: TextField, severity: Severity, message: string): ScopeReport {
  return { field: f.field, category: 'abnormal-size', severity, start: 0, end: f.text.length, message };
}

function kb(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : chars >= 1024 ? `${Math.round(chars / 1024)} KB` : plural(chars, 'character');
}
