/** graph/lists: SharePoint lists, columns and list items. */
export { getLists, getList, createList, getColumns, createColumn, updateColumn } from './lists.js';
export { listItems, listAllItems, getItem, createItem, updateItemFields, deleteItem, itemsDelta, type ListItem, type ItemFields, type ListItemsOptions } from './items.js';
