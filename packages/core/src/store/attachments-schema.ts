/**
 * How attachments are laid out in the `files` collection (docs/decisions/0003-attachments.md): one
 * description document per file and its content in base64 chunk documents of bounded size, all
 * ordinary documents, so CouchDB replication (which does not carry RxDB attachments) carries them.
 */
export interface FileDoc {
  /** File id; a chunk's id is `<file id>.<index, 6 digits>`. */
  id: string;
  /**
   * `file`: complete, listed. `pending`: being written or removed; never listed, and cleaned up by
   * `sweep` when it stays pending too long. `chunk`: a piece of content.
   */
  kind: 'file' | 'pending' | 'chunk';
  /** `entity|recordId` for files; the file id for chunks. */
  owner: string;
  createdAt: string;
  field?: string;
  name?: string;
  type?: string;
  size?: number;
  sha256?: string;
  /** Number of chunk documents. */
  chunks?: number;
  createdBy?: string;
  /** For a thumbnail: the id of the file it previews. */
  of?: string;
  /** For a chunk: its position, and the bytes in base64. */
  index?: number;
  data?: string;
}

/** The RxDB schema of the `files` collection. Bump `version` only with a storage migration. */
export const filesSchema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 48 },
    kind: { type: 'string', enum: ['file', 'pending', 'chunk'], maxLength: 8 },
    owner: { type: 'string', maxLength: 200 },
    createdAt: { type: 'string', maxLength: 32 },
    field: { type: 'string' },
    name: { type: 'string' },
    type: { type: 'string' },
    size: { type: 'number' },
    sha256: { type: 'string' },
    chunks: { type: 'number' },
    createdBy: { type: 'string' },
    of: { type: 'string' },
    index: { type: 'number' },
    data: { type: 'string' },
  },
  required: ['id', 'kind', 'owner', 'createdAt'],
  indexes: [['kind', 'owner', 'createdAt']],
} as const;

export const chunkId = (file: string, index: number) => `${file}.${String(index).padStart(6, '0')}`;

export const ownerKey = (entity: string, recordId: string) => `${entity}|${recordId}`;
