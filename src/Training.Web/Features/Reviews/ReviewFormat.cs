namespace Training.Web.Features.Reviews;

/// <summary>Instants are stored in UTC; reviewers read them in Guangzhou time.</summary>
public static class ReviewFormat
{
    private static readonly TimeZoneInfo Zone = Find();

    public static string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString("yyyy-MM-dd HH:mm");

    public static string YesNo(bool value) => value ? "是" : "否";

    private static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间"); }
    }
}
