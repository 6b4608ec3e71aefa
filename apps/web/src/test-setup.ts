// vitest: IndexedDB for the offline queue's tests (happy-dom has none).
import 'fake-indexeddb/auto';
