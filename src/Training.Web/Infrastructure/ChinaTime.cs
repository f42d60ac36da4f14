namespace Training.Web.Infrastructure;

/// <summary>
/// Calendar dates are Guangzhou's (UTC+8) whatever the server's time zone: a post that
/// starts "today" starts at midnight in Guangzhou, not at 08:00 because a container runs in UTC.
/// </summary>
public static class ChinaTime
{
    private static readonly TimeZoneInfo Zone = Find();

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    private static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间"); }
    }
}
