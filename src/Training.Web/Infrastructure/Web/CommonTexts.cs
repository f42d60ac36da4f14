namespace Training.Web.Infrastructure.Web;

/// <summary>What every module says the same way; a module's own wording lives in its <c>&lt;Module&gt;Texts</c>.</summary>
public static class CommonTexts
{
    /// <summary>Someone else changed the record after this page was drawn (a stale version): 409.</summary>
    public const string Changed = "该记录已被他人修改，请刷新页面查看最新内容后再办理。";

    /// <summary>No such record, or not in the account's scope: the two are told alike (404).</summary>
    public const string NotFound = "未找到该记录，或不在您的管辖范围内。";

    public const string NotRecorded = "—";
    public const string PersonalDataViewedAudit = "查看完整个人信息";
    public static string PersonalDataViewed(string page, int idNumbers, int phones) => $"{page}：完整身份证号 {idNumbers} 个，完整手机号 {phones} 个";

    /// <summary>What a typed percentage may carry besides digits (half- and full-width).</summary>
    public static readonly string[] PercentSigns = ["%", "％"];

    /// <summary>A period's two dates, as forms and messages name them.</summary>
    public const string StartOn = "开始日期", EndOn = "结束日期";

    /// <summary>"白云区（440111）": a unit named with its code, as scopes are shown everywhere.</summary>
    public static string UnitLabel(string name, string code) => $"{name}（{code}）";

    /// <summary>Who did it, in the audit, when it was done at the command line by <paramref name="osUser"/>.</summary>
    public static string CommandLine(string osUser) => $"命令行（{osUser}）";
}
