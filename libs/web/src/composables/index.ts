export { qs, useUrlFilters } from './urlFilters';
export { usePagedList, useSelection, type Page } from './pagedList';
