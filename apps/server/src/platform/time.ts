/** The calendar date (YYYY-MM-DD) of an instant in the company's time zone (SPEC: Asia/Shanghai). */
export function companyDate(at: Date, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
