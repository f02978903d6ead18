export {
  addWorkingDays, bundledCalendar, CalendarYearMissingError, isWorkingDay, loadHolidayYears, nextWorkingDay, officialCalendar, WorkingCalendar,
  workingDaysBetween,
  type Deadline, type HolidayYear, type ProvisionalYears,
} from './workingCalendar.js';
export { buildCalendar, KnexCalendarSource, readAddedYears, toStoredDays, type CalendarSource } from './KnexCalendarSource.js';
export { HolidayNoticeError, parseHolidayNotice } from './parseHolidayNotice.js';
export {
  computeProvisionalYear, STATUTORY_HOLIDAY_RULES, STATUTORY_RULE_FILE, statutoryVersionFor,
  type StatutoryHoliday, type StatutoryHolidayRules, type StatutoryHolidayVersion,
} from './statutoryHolidays.js';
