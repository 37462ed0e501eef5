/**
 * Candidates that do not stay in memory. In a file of 100,000 candidates, the mappings, fields
 * and values of every candidate cost ~2.5 KB each: the language server keeps instead each
 * candidate's span, and reads its fields again from the text when something asks for them (a
 * rule, a hover, an inlay hint): ~10 µs with the fast parser. At most KEEP candidates are kept
 * read at a time (first read, first forgotten).
 *
 * Only candidates the fast parser read in its subset, written `- key: …` on their dash line, are
 * lazy: reading the lines from that dash to the end of the candidate's last value gives exactly
 * the same mapping (fast-parse.ts; a test checks it). Everything else stays as parsed.
 */
import { fastParseItem } from './fast-parse';
import { type Candidate, type Cohort, type FieldInfo, fieldOf, type GridModel, moveTree, type ObjectInfo, readCandidate, type ResultField, textField, type TextField, type ValueNode } from './model';
import type { Span } from './text';

/** Candidates kept read at most, per file. */
export const KEEP = 2048;

/** The lazy candidates of one model, and which of them are read (first read, first forgotten). */
export class CandidateStore {
  /** Set once the model is built: candidates are read from its current text. */
  model: GridModel | undefined;
  /** Candidates in the order they were read; `head` is the oldest not yet forgotten. */
  private queue: LazyObject[] = [];
  private head = 0;
  /** Candidates whose fields are read now. */
  private live = 0;
  /**
   * While the file is first parsed and checked, candidates are forgotten at once (each is read
   * by the parser, then once more by the rules): what dies young costs the garbage collector
   * little, what lives a while is copied and promoted. settle() ends this.
   */
  private limit = 16;

  constructor(private readonly keep = KEEP) {}

  /** A candidate was read: it joins the queue (at `slot`). */
  remember(o: LazyObject): number {
    this.compact();
    this.live++;
    this.queue.push(o);
    const slot = this.queue.length - 1;
    this.trim();
    return slot;
  }

  /** A candidate's fields were forgotten (moved by an edit, or trimmed). */
  forgotten(): void {
    this.live--;
  }

  /** The first check is done: forget all but the last `keep` candidates read. */
  settle(): void {
    this.limit = this.keep;
  }

  private trim(): void {
    while (this.live > this.limit && this.head < this.queue.length) {
      const slot = this.head++;
      // (A candidate read again since, or already forgotten, has another slot or none.)
      this.queue[slot]!.forgetIfAt(slot);
    }
  }

  /** Drops the queue's forgotten head (slots move: only here, never while a slot is being handed out). */
  private compact(): void {
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      for (const [i, o] of this.queue.entries()) o.moveSlot(i + this.head, i);
      this.head = 0;
    }
  }
}

/**
 * A candidate list item just parsed, as a lazy candidate. The objects it keeps (span, item) are
 * made here, not where the parser makes the ones it throws away: V8 decides per allocation site
 * whether to allocate in the old generation ("pretenuring"), and a site whose objects mostly
 * survive would put the parser's garbage there too, where only a full collection frees it.
 */
export function lazyItem(item: ValueNode, store: CandidateStore): ValueNode {
  const span = { start: item.span.start, end: item.span.end };
  const obj = new LazyObject(span, item.map!.fields, store);
  return { kind: 'map', span, flow: false, map: obj };
}

/** A candidate's mapping whose fields are read from the text on demand. */
export class LazyObject implements ObjectInfo {
  readonly kind = 'candidate' as const;
  readonly flow = false;
  #fields: FieldInfo[] | undefined;
  /** Where the store's queue has this candidate while its fields are read (-1: not read). */
  #slot: number;
  /** The candidate built on this mapping (its text fields are dropped with the fields). */
  owner: LazyCandidate | undefined;
  /**
   * The id and the name are kept (compactly): duplicate-id reads every candidate's id after each
   * edit that changes one, the outline every name, and reading 100,000 candidates again for
   * them would cost a second.
   */
  readonly keptId: Kept | undefined;
  readonly keptName: Kept | undefined;

  constructor(
    readonly span: Span,
    fields: FieldInfo[],
    private readonly store: CandidateStore,
  ) {
    this.#fields = fields;
    this.keptId = keep(textField(fieldOf(this, 'id')));
    this.keptName = keep(textField(fieldOf(this, 'name')));
    this.#slot = store.remember(this);
  }

  /** Moves the span and the kept fields after an edit at `at`; the fields are read again when asked. */
  shift(at: number, delta: number): void {
    const move = (o: number) => (o >= at ? o + delta : o);
    this.span.start = move(this.span.start);
    this.span.end = move(this.span.end);
    for (const k of [this.keptId, this.keptName]) {
      if (!k) continue;
      k.keyStart = move(k.keyStart);
      k.keyEnd = move(k.keyEnd);
      k.start = move(k.start);
      k.end = move(k.end);
    }
    this.evict();
  }

  get fields(): FieldInfo[] {
    if (!this.#fields) {
      this.#fields = this.readFields();
      this.#slot = this.store.remember(this);
    }
    return this.#fields;
  }

  /** Forgets the fields (after an edit moved the text under them, or to free memory). */
  evict(): void {
    if (!this.#fields) return;
    this.#fields = undefined;
    this.#slot = -1;
    this.owner?.drop();
    this.store.forgotten();
  }

  /** The store's oldest entry: forgotten if that entry is still this candidate's current one. */
  forgetIfAt(slot: number): void {
    if (this.#slot === slot) this.evict();
  }

  /** The store compacted its queue. */
  moveSlot(from: number, to: number): void {
    if (this.#slot === from) this.#slot = to;
  }

  private readFields(): FieldInfo[] {
    const text = this.store.model?.text ?? '';
    const { start, end } = this.span;
    const from = text.lastIndexOf('\n', start - 1) + 1;
    const nl = text.indexOf('\n', end);
    const to = nl < 0 ? text.length : nl + 1;
    const item = fastParseItem(text.slice(from, to), 'candidate');
    if (!item?.node.map || item.node.span.start + from !== start || item.node.span.end + from !== end) {
      // Cannot happen while the text is the model's (edits go through incremental.ts): say so loudly.
      throw new Error(`the candidate at offset ${start} could not be read again from the text`);
    }
    moveTree(item.node, from);
    return item.node.map.fields;
  }
}

/** A candidate whose text fields (id, name, …) are read from its lazy mapping when asked. */
export class LazyCandidate implements Candidate {
  #read: Pick<Candidate, 'id' | 'name' | 'profession' | 'threshold' | 'result'> | undefined;

  constructor(
    public index: number,
    public cohort: Cohort,
    readonly obj: LazyObject,
  ) {
    obj.owner = this;
  }

  private get fieldsRead(): Pick<Candidate, 'id' | 'name' | 'profession' | 'threshold' | 'result'> {
    if (!this.#read) {
      const read: Pick<Candidate, 'id' | 'name' | 'profession' | 'threshold' | 'result'> = {};
      readCandidate(this.obj, read);
      this.#read = read;
    }
    return this.#read;
  }

  drop(): void {
    this.#read = undefined;
  }

  get id(): TextField | undefined {
    return unkeep(this.obj.keptId);
  }
  get name(): TextField | undefined {
    return unkeep(this.obj.keptName);
  }
  get profession(): TextField | undefined {
    return this.fieldsRead.profession;
  }
  get threshold(): TextField | undefined {
    return this.fieldsRead.threshold;
  }
  get result(): ResultField | undefined {
    return this.fieldsRead.result;
  }
}

/** A text field in 7 values instead of 4 objects. */
interface Kept {
  value: string;
  kind: ValueNode['kind'];
  style: ValueNode['style'];
  keyStart: number;
  keyEnd: number;
  start: number;
  end: number;
}

function keep(f: TextField | undefined): Kept | undefined {
  if (!f) return undefined;
  return { value: f.value, kind: f.node.kind, style: f.node.style, keyStart: f.keySpan.start, keyEnd: f.keySpan.end, start: f.span.start, end: f.span.end };
}

/** The text field again (a new object at each call, equal to the one read from the text). */
function unkeep(k: Kept | undefined): TextField | undefined {
  if (!k) return undefined;
  const span = { start: k.start, end: k.end };
  const node: ValueNode = { kind: k.kind, span, text: k.value };
  if (k.style !== undefined) node.style = k.style;
  return { value: k.value, span, keySpan: { start: k.keyStart, end: k.keyEnd }, node };
}
