/** graph/calendar: group and personal calendar events. */
export { createGroupEvent, getGroupCalendarView, calendarView, createMyEvent, updateEvent, cancelEvent, getEvent, type EventParent, type EventWithETag } from './calendar.js';
