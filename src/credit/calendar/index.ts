export {
  addWorkingDays, CalendarYearMissingError, isWorkingDay, loadHolidayYears, officialCalendar, WorkingCalendar, workingDaysBetween,
  type HolidayYear,
} from './workingCalendar.js';
