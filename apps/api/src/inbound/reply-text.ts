/**
 * What the person wrote in a reply by email, without the message they quoted and without their
 * signature. Mail clients quote in a few ways, and this keeps to what they really write:
 *
 * - an attribution line ("On … wrote:", "Le … a écrit :", "El … escribió:", "في … كتب …:", also
 *   German, Italian, Portuguese, Dutch), possibly wrapped over up to three lines, before `>` lines
 *   (Gmail, Apple Mail, Thunderbird). With `>` lines after it, only the attribution and the quote go
 *   (someone may answer below the quote); without them, everything from the attribution on goes;
 * - Outlook's header block ("From: … Sent: … To: … Subject: …", also in French, Spanish, Arabic,
 *   German, bold or not, after a line of underscores or not) and the "-----Original Message-----"
 *   separators: everything from there on is the original message;
 * - `>` quoted lines anywhere;
 * - the signature after a line holding `-- ` (or `--`), and the "Sent from my iPhone" lines mobile
 *   clients add at the end.
 */
export function stripReply(input: string): string {
  const lines = normalize(input).split('\n');
  const kept: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isSignatureDelimiter(line)) break;
    const attribution = attributionLines(lines, i);
    if (attribution > 0) {
      let j = i + attribution;
      while (j < lines.length && lines[j].trim() === '') j++;
      if (j < lines.length && isQuoted(lines[j])) {
        while (j < lines.length && (isQuoted(lines[j]) || lines[j].trim() === '')) j++;
        i = j;
        continue;
      }
      break;
    }
    if (isOriginalMessageSeparator(line) || isHeaderBlock(lines, i) || isForwardMarker(line)) break;
    if (!isQuoted(line)) kept.push(line);
    i++;
  }
  return tidy(dropTrailingClutter(kept));
}

/** Bidirectional marks out, spaces that clients use before French colons made plain, lines ended with \n. */
function normalize(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ');
}

const isQuoted = (line: string): boolean => /^\s*>/.test(line);

const isSignatureDelimiter = (line: string): boolean => /^--[ \t]*$/.test(line);

/** "On Mon, 7 Dec 2026 at 10:00, Amira <amira@example.org> wrote:" and its translations. */
const ATTRIBUTIONS: readonly RegExp[] = [
  /^On\s.{1,400}\swrote\s*:$/i,
  /^Le\s.{1,400}\sa\s+écrit\s*:$/i,
  /^El\s.{1,400}\sescribió\s*:$/i,
  /^في\s.{1,400}(?:كتب|كتابة).{0,400}:$/,
  /^Am\s.{1,400}\sschrieb.{0,300}:$/i,
  /^Il\s.{1,400}\sha\s+scritto\s*:$/i,
  /^Em\s.{1,400}\sescreveu\s*:$/i,
  /^Op\s.{1,400}\sschreef.{0,300}:$/i,
];

const DATE_OR_ADDRESS = /[\d\u0660-\u0669\u06f0-\u06f9]|@/;

/** "Amira Haddad <amira@example.org> wrote:" without a date: only taken as an attribution before a quote. */
const BARE_ATTRIBUTIONS: readonly RegExp[] = [
  /^.{1,200}\s(?:wrote|a\s+écrit|escribió|schrieb|ha\s+scritto|escreveu|schreef)\s*:$/i,
  /^.{0,200}كتب.{0,200}:$/,
];

/** How many lines (1–3) the attribution starting at line `i` takes; 0 when there is none. */
function attributionLines(lines: readonly string[], i: number): number {
  const first = lines[i].trim();
  if (first === '' || isQuoted(first) || first.length > 400) return 0;
  let joined = '';
  for (let k = 0; k < 3 && i + k < lines.length; k++) {
    const part = lines[i + k].trim();
    if (k > 0 && (part === '' || isQuoted(part))) break;
    joined = k === 0 ? part : `${joined} ${part}`;
    // A real attribution names a date or an address; "Le maire a écrit :" in a sentence does not.
    if (DATE_OR_ADDRESS.test(joined) && ATTRIBUTIONS.some((re) => re.test(joined))) return k + 1;
    if (BARE_ATTRIBUTIONS.some((re) => re.test(joined)) && nextIsQuote(lines, i + k + 1)) return k + 1;
  }
  return 0;
}

function nextIsQuote(lines: readonly string[], from: number): boolean {
  let j = from;
  while (j < lines.length && lines[j].trim() === '') j++;
  return j < lines.length && isQuoted(lines[j]);
}

const ORIGINAL_MESSAGE =
  /^\s*-{2,}\s*(?:Original Message|Message d['’]origine|Mensaje original|الرسالة الأصلية|Ursprüngliche Nachricht|Messaggio originale|Mensagem original|Oorspronkelijk bericht)\s*-{2,}\s*$/i;
const isOriginalMessageSeparator = (line: string): boolean => ORIGINAL_MESSAGE.test(line);

const isForwardMarker = (line: string): boolean =>
  /^\s*(?:Begin forwarded message|Début du message réexpédié|Inicio del mensaje reenviado)\s*:\s*$/i.test(line) ||
  /^\s*-{5,}\s*(?:Forwarded message|Message transféré|Mensaje reenviado|رسالة مُعاد توجيهها|رسالة معاد توجيهها)\s*-{5,}\s*$/i.test(
    line,
  );

/** A header field of Outlook's quoted block: optional bold stars, a label, a colon. */
const headerField = (labels: string): RegExp => new RegExp(`^\\s*\\*?\\s*(?:${labels})\\s*:\\s*\\*?(?:\\s|$)`, 'i');
const FROM_FIELD = headerField('From|De|Von|Da|Van|من|المرسل');
const SUBJECT_FIELD = headerField('Subject|Objet|Asunto|Betreff|Oggetto|Assunto|Onderwerp|الموضوع');
const OTHER_FIELDS = [
  headerField(
    'Sent|Date|Envoyé|Enviado el|Enviado|Fecha|Gesendet|Datum|Inviato|Data|Verzonden|تاريخ الإرسال|التاريخ|أرسل|أرسلت|تم الإرسال',
  ),
  headerField('To|À|A|Para|An|Aan|إلى'),
  headerField('Cc'),
];

/**
 * Outlook's "From: … / Sent: … / To: … / Subject: …" block starting at line `i`: a From line, then
 * within the next six lines a Subject line and a Sent/Date or To line (so "From: Lyon / To: Montreal"
 * in an itinerary is no header block).
 */
function isHeaderBlock(lines: readonly string[], i: number): boolean {
  if (!FROM_FIELD.test(lines[i])) return false;
  let subject = false;
  let other = false;
  for (let k = 1; k <= 6 && i + k < lines.length; k++) {
    if (SUBJECT_FIELD.test(lines[i + k])) subject = true;
    else if (OTHER_FIELDS.some((re) => re.test(lines[i + k]))) other = true;
  }
  return subject && other;
}

const MOBILE_SIGNATURE =
  /^\s*(?:Sent from (?:my |Outlook|Mail|Yahoo|Samsung)|Sent via |Sent with |Get Outlook for |Envoyé de mon |Envoyé depuis |Obtenir Outlook pour |Enviado desde mi |Enviado desde |Obtener Outlook para |Enviado con |أُرسلت من |أرسلت من |مرسل من |تم الإرسال من |Von meinem .{1,40} gesendet|Inviato da )/i;

/** Blank lines, Outlook's line of underscores and the "Sent from my iPhone" lines at the end. */
function dropTrailingClutter(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0) {
    const line = lines[end - 1].trim();
    if (line === '' || /^_{8,}$/.test(line) || /^-{8,}$/.test(line)) end--;
    else if (line.length <= 100 && MOBILE_SIGNATURE.test(line)) end--;
    else break;
  }
  return lines.slice(0, end);
}

/** No leading blank lines, trailing spaces removed, at most one empty line in a row. */
function tidy(lines: string[]): string {
  return lines
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trim();
}
