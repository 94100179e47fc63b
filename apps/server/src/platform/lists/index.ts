export {
  type CappedCount,
  COUNT_CAP,
  cappedCount,
  keysetBatches,
  likePattern,
  type PageQuery,
  pageOffset,
  pageOrder,
  pageResult,
} from './lists.ts';
export { availableViews, listViewCounts, listViewWhere } from './views.ts';
