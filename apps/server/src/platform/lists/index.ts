export {
  type CappedCount,
  COUNT_CAP,
  cappedCount,
  keysetBatches,
  type PageQuery,
  pageOffset,
  pageOrder,
  pageResult,
} from './lists.ts';
