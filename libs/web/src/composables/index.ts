export { qs, useUrlFilters } from './urlFilters';
export { usePagedList, useSelection, type Page, type PagedList } from './pagedList';
