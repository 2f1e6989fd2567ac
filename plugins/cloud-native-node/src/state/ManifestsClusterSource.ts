import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { ClusterSource, ClusterSourceContext } from './ClusterSource';
import { KubeObject } from './KubeObject';

const YAML_FILE = /\.ya?ml$/i;
const RELOAD_DELAY_MS = 200;

/**
 * Objects read from one file, and what was wrong in it.
 *
 * @public
 */
export interface FileContent {
  objects: KubeObject[];
  problems: string[];
}

/**
 * Reads every `*.yaml` / `*.yml` file under a directory, recursively, each
 * possibly holding several documents or a `kind: List`. Used for the
 * embedded demo, GitOps repositories and shift-left audits.
 *
 * @public
 */
export function readManifestFile(file: string, label = file): FileContent {
  const text = fs.readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
  });
  const problems: string[] = [];
  const objects: KubeObject[] = [];
  const where = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${label}:${line}:${col}`;
  };
  const docs = Array.isArray(documents) ? documents : [documents];
  docs.forEach(doc => {
    const error = doc.errors[0];
    if (error) {
      problems.push(`${where(error.pos[0])}: ${error.message.split('\n')[0]}`);
      return;
    }
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) return;
    const start = doc.contents?.range?.[0] ?? 0;
    const items =
      value.kind === 'List' && Array.isArray(value.items)
        ? value.items
        : [value];
    for (const item of items) {
      if (
        typeof item !== 'object' ||
        typeof item?.apiVersion !== 'string' ||
        typeof item?.kind !== 'string' ||
        typeof item?.metadata?.name !== 'string'
      ) {
        problems.push(
          `${where(
            start,
          )}: not a Kubernetes object (apiVersion, kind and metadata.name are required)`,
        );
        continue;
      }
      objects.push(item as KubeObject);
    }
  });
  return { objects, problems };
}

function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYamlFiles(full));
    else if (entry.isFile() && YAML_FILE.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/**
 * A cluster whose objects are the manifests in a directory. Files are
 * watched: a changed, added or removed file changes the cache.
 *
 * @public
 */
export class ManifestsClusterSource implements ClusterSource {
  private readonly files = new Map<string, KubeObject[]>();
  private readonly fileProblems = new Map<string, string[]>();
  private watcher: fs.FSWatcher | undefined;
  private reloadTimer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<string>();

  constructor(private readonly context: ClusterSourceContext) {}

  private get dir(): string {
    const { source } = this.context.cluster;
    if (source.type !== 'manifests') {
      throw new Error(
        `cluster ${this.context.cluster.name} is not a manifests cluster`,
      );
    }
    return source.path;
  }

  async start(): Promise<void> {
    const { status, cluster, logger } = this.context;
    try {
      for (const file of listYamlFiles(this.dir)) this.loadFile(file);
      status.clusterRecovered();
    } catch (error) {
      status.clusterFailed(
        `cannot read ${this.dir}: ${(error as Error).message}`,
      );
    }
    this.publish();
    try {
      this.watcher = fs.watch(this.dir, { recursive: true }, (_event, name) => {
        if (!name) return;
        this.pending.add(path.join(this.dir, name.toString()));
        clearTimeout(this.reloadTimer);
        this.reloadTimer = setTimeout(
          () => this.reloadPending(),
          RELOAD_DELAY_MS,
        );
      });
      this.watcher.on('error', error =>
        logger.warn(
          `cluster ${cluster.name} stopped watching ${this.dir}: ${error}`,
        ),
      );
    } catch (error) {
      logger.warn(
        `cluster ${cluster.name} cannot watch ${this.dir} for changes: ${error}`,
      );
    }
    logger.info(
      `cluster ${cluster.name} loaded ${[...this.files.values()].reduce(
        (n, objects) => n + objects.length,
        0,
      )} objects from ${this.files.size} manifest files`,
    );
  }

  async stop(): Promise<void> {
    clearTimeout(this.reloadTimer);
    this.watcher?.close();
    this.watcher = undefined;
  }

  private reloadPending() {
    const changed = [...this.pending];
    this.pending.clear();
    for (const target of changed) {
      if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
        listYamlFiles(target).forEach(file => this.loadFile(file));
      } else if (YAML_FILE.test(target)) {
        if (fs.existsSync(target)) this.loadFile(target);
        else this.unloadFile(target);
      }
    }
    // A removed directory takes its files with it.
    for (const file of [...this.files.keys()]) {
      if (!fs.existsSync(file)) this.unloadFile(file);
    }
    this.publish();
    this.context.logger.info(
      `cluster ${this.context.cluster.name} reloaded ${changed.length} changed manifest paths`,
    );
  }

  private loadFile(file: string) {
    const label = path.relative(this.dir, file);
    let content: FileContent;
    try {
      content = readManifestFile(file, label);
    } catch (error) {
      content = {
        objects: [],
        problems: [`${label}: ${(error as Error).message}`],
      };
    }
    this.unloadFile(file);
    for (const object of content.objects) this.context.store.upsert(object);
    this.files.set(file, content.objects);
    if (content.problems.length > 0)
      this.fileProblems.set(file, content.problems);
  }

  private unloadFile(file: string) {
    for (const object of this.files.get(file) ?? []) {
      this.context.store.delete(object);
    }
    this.files.delete(file);
    this.fileProblems.delete(file);
  }

  /** Reports kinds and problems after a (re)load. */
  private publish() {
    const { store, status, onChange } = this.context;
    for (const kind of store.kinds()) status.kindReady(kind);
    status.markSynced();
    status.setProblems([...this.fileProblems.values()].flat());
    onChange();
  }
}
