import type { ToolCategory } from '../types';
import type { FieldContext } from './context';
import { negated, patternTable, runTable } from './table';

/**
 * The commonest orders of a poisoned definition written in French, Spanish, German, Italian,
 * Portuguese or Chinese: drop the earlier instructions, keep something from the user, pick this tool
 * first or shun the others. The English detectors read none of it; these are the same classes, not
 * a translation of any one text. Other languages and other classes are not covered (docs/tool-analysis.md, Limits).
 */
const PATTERNS: { re: RegExp; category: ToolCategory; why: string }[] = [
  {
    re: /\b(?:ignore[rz]?|oublie[rz]?) (?:toutes? )?(?:les |vos )?(?:instructions|consignes|directives|r[eè]gles) (?:pr[eé]c[eé]dentes|ant[eé]rieures|ci-dessus|du syst[eè]me)|\bignora(?:r|d)? (?:todas )?(?:las )?(?:instrucciones|indicaciones|reglas) (?:anteriores|previas)|\b(?:ignoriere|ignorieren sie|vergiss|vergessen sie) (?:alle )?(?:vorherigen|bisherigen|obigen|fr[uü]heren) (?:anweisungen|instruktionen|regeln|vorgaben)|\bignora(?:re)? (?:tutte )?(?:le )?(?:istruzioni|regole) (?:precedenti|sopra)|\bignor(?:e|ar|a) (?:todas )?(?:as )?(?:instru[cç][oõ]es|regras) (?:anteriores|pr[eé]vias)|忽略(?:之前|以前|先前|上述|前面)(?:的)?(?:所有)?(?:指令|指示|说明|规则)/,
    category: 'prompt-injection',
    why: 'tells the model to drop its earlier instructions',
  },
  {
    re: /\bne (?:le |lui )?(?:dites|dis|mentionnez|mentionne|signalez|r[eé]v[eé]lez|montrez) (?:pas|rien|jamais) (?:[a-z']+ ){0,2}?(?:à )?l'utilisat(?:eur|rice)|\bsans (?:en )?(?:informer|pr[eé]venir|avertir) l'utilisat(?:eur|rice)|\bno (?:se lo |le |lo )?(?:digas|diga|menciones|mencione|informes|informe|reveles|revele|muestres) (?:nada )?al usuario|\bsin (?:informar|avisar) al usuario|\b(?:sag|sage|sagen sie|erw[aä]hne|erw[aä]hnen sie|verrate|verraten sie) (?:dem|den) (?:benutzer|nutzer|anwender) (?:davon )?nichts?|\bohne (?:den|dem) (?:benutzer|nutzer|anwender) zu (?:informieren|benachrichtigen)|\bnon (?:dire|dirlo|menzionare|informare|rivelare) (?:nulla )?(?:all'utente|l'utente)|\bn[aã]o (?:diga|conte|mencione|informe|revele) (?:nada )?ao (?:usu[aá]rio|utilizador)|不要(?:告诉|通知|提醒|透露给)用户|不要让用户知道/,
    category: 'concealment',
    why: 'tells the model to keep something from the user',
  },
  {
    re: /\bcet outil (?:doit|devra) (?:toujours )?(?:[eê]tre )?(?:s[eé]lectionn[eé]|utilis[eé]|choisi|appel[eé])e? (?:en priorit[eé]|en premier|avant tout)|\boutils\b[^.\n]{0,80}\bne doivent (?:pas|jamais) [eê]tre utilis[eé]s|\besta herramienta debe (?:ser )?(?:seleccionada|usada|utilizada|elegida|llamada) (?:primero|con prioridad|siempre)|\bno (?:uses|utilices|use|utilice) (?:otras|ninguna otra) herramientas?|\bdieses (?:tool|werkzeug) (?:muss|soll) (?:immer )?(?:zuerst|vorrangig|bevorzugt)|\b(?:verwende|verwenden sie|nutze|nutzen sie) keine anderen (?:tools|werkzeuge)|\bquesto strumento deve (?:essere )?(?:usato|selezionato|scelto|chiamato) (?:per primo|con priorit[aà]|sempre)|\bnon usare altri strumenti|\besta ferramenta deve (?:ser )?(?:usada|selecionada|escolhida|chamada) (?:primeiro|com prioridade|sempre)|\bn[aã]o use outras ferramentas|(?:必须|务必)(?:优先|首先)(?:使用|调用|选择)(?:此|这个|本)工具|不要使用其他工具/,
    category: 'coercion',
    why: 'tells the model to pick this tool first or to shun the others',
  },
];

const TABLE = patternTable(PATTERNS);

export function detectForeign(ctx: FieldContext): void {
  runTable(
    ctx,
    TABLE,
    [
      // The concealment and pick-me-first orders are negative themselves ("ne dites pas", "no uses otras");
      // only the override can be undone by a negator before it.
      (c, hit) => hit.which === 0 && negated(c, hit),
      // Quoted right where it starts: cited, not said.
      (c, hit) => /["'«“]\s*$/.test(c.view.slice(Math.max(0, hit.start - 3), hit.start)),
    ],
    (hit) =>
      ctx.reportView({
        category: hit.row.category,
        severity: 'warning',
        start: hit.start,
        end: hit.end,
        message: `"${ctx.originalOf(hit.start, hit.end)}" ${hit.row.why} (written in another language than English).`,
      }),
  );
}
