// vitest: IndexedDB for the offline queue's tests (happy-dom has none).
import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';

// happy-dom's Blob is a class of its own that structuredClone (and so fake-indexeddb) cannot copy;
// Node's own Blob is copied whole, as a browser's IndexedDB keeps a photo.
globalThis.Blob = NodeBlob as unknown as typeof Blob;
