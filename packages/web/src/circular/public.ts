import './translations';
// The public directory of reuse and repair (no login), a light chunk of its own; the map is a
// further lazy chunk loaded only when someone opens it.
export { DirectoryPage } from './DirectoryPage';
