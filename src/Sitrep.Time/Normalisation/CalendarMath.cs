namespace Sitrep.Time.Normalisation;

/// <summary>
/// Date arithmetic that stays inside the calendar .NET can hold (0001-01-01 to 9999-12-31): a shift that would leave
/// it stops at its edge. A report dated 9999-12-31 that says "tomorrow" still gets a value (9999-12-31) instead of
/// failing the whole document; such dates are hostile or mistyped input, and the edge is the honest nearest answer.
/// </summary>
internal static class CalendarMath
{
    private static readonly int MaxDayNumber = DateOnly.MaxValue.DayNumber;

    /// <summary><paramref name="date"/> shifted by <paramref name="days"/>, clamped to the calendar.</summary>
    public static DateOnly AddDays(DateOnly date, long days) =>
        DateOnly.FromDayNumber((int)Math.Clamp(date.DayNumber + days, 0, MaxDayNumber));

    /// <summary><paramref name="date"/> shifted by <paramref name="months"/>, clamped to the calendar.</summary>
    public static DateOnly AddMonths(DateOnly date, long months)
    {
        var index = ((long)date.Year * 12) + date.Month - 1 + months;
        if (index < 12)
        {
            return DateOnly.MinValue;
        }

        if (index > (9999L * 12) + 11)
        {
            return DateOnly.MaxValue;
        }

        return date.AddMonths((int)months);
    }

    /// <summary>A year shifted by <paramref name="years"/>, kept within 1 to 9999.</summary>
    public static int AddYears(int year, long years) => (int)Math.Clamp(year + years, 1, 9999);

    /// <summary><paramref name="time"/> shifted by <paramref name="span"/>, clamped to the calendar.</summary>
    public static DateTime Add(DateTime time, TimeSpan span)
    {
        if (span > TimeSpan.Zero && DateTime.MaxValue - time < span)
        {
            return DateTime.MaxValue;
        }

        if (span < TimeSpan.Zero && time - DateTime.MinValue < span.Duration())
        {
            return DateTime.MinValue;
        }

        return time + span;
    }

    /// <summary><paramref name="time"/> shifted by <paramref name="span"/>, clamped to the calendar (in its own offset).</summary>
    public static DateTimeOffset Add(DateTimeOffset time, TimeSpan span)
    {
        var utcRoom = span > TimeSpan.Zero ? DateTime.MaxValue - time.UtcDateTime : time.UtcDateTime - DateTime.MinValue;
        var localRoom = span > TimeSpan.Zero ? DateTime.MaxValue - time.DateTime : time.DateTime - DateTime.MinValue;
        var room = utcRoom < localRoom ? utcRoom : localRoom;
        return span.Duration() > room ? time.AddTicks(Math.Sign(span.Ticks) * room.Ticks) : time + span;
    }
}
