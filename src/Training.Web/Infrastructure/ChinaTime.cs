namespace Training.Web.Infrastructure;

/// <summary>
/// Calendar dates are Guangzhou's (UTC+8) whatever the server's time zone: a post that
/// starts "today" starts at midnight in Guangzhou, not at 08:00 because a container runs in UTC.
/// </summary>
public static class ChinaTime
{
    /// <summary>Asia/Shanghai (UTC+8), for schedules such as the nightly statistics run.</summary>
    public static readonly TimeZoneInfo Zone = Find();

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    /// <summary>Midnight of a Guangzhou day, as the UTC instant stored times are compared with.</summary>
    public static DateTime StartUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), Zone);

    /// <summary>A stored UTC instant as Guangzhou reads it: "2026-11-25 08:34".</summary>
    public static string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString("yyyy-MM-dd HH:mm");

    private static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间"); }
    }
}
