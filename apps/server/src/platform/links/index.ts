export {
  type DescribedDoc,
  documentLinks,
  LINKED_TYPES,
  type LinkEdge,
  type LinkedDoc,
  type LinkedKind,
  type LinkedType,
  registerLinkEdge,
  registerLinkedKind,
  scopeOrNone,
} from './links.ts';
