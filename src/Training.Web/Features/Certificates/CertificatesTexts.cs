using Training.Core.Domain;

namespace Training.Web.Features.Certificates;

/// <summary>What the certificate pages, the PDF and the audit say, in one place to be reviewed.</summary>
public static class CertificatesTexts
{
    // Permissions
    public const string ManagePermission = "颁发、撤销结业证书", MinePermission = "下载本人结业证书";

    // The PDF
    public const string Title = "结业证书";
    public static string Salutation(string name) => $"{name} 同志：";
    public static string Body(DateOnly start, DateOnly end, string issuer, string className, string hours) =>
        $"于{Date(start)}至{Date(end)}参加{issuer}举办的“{className}”，完成规定的学习任务，经考核合格，准予结业，共计 {hours} 学时。";
    public const string Closing = "特发此证。";
    public const string NumberLabel = "证书编号", ClassLabel = "培训班", DatesLabel = "培训日期", HoursLabel = "学时",
        IssuerLabel = "颁发单位", IssuedOnLabel = "颁发日期", NameLabel = "姓名";
    public static string Dates(DateOnly start, DateOnly end) => $"{Date(start)} 至 {Date(end)}";
    public const string ScanToVerify = "扫码查验证书真伪";
    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
    public static string Hours(decimal hours) => LearningNames.HoursText(hours);
    /// <summary>结业证书_张三明_440111-2026-00001.pdf; the ASCII fallback for old clients: certificate-440111-2026-00001.pdf.</summary>
    public static string FileName(string name, string number) => $"{Title}_{name}_{number}.pdf";

    // Verification (public)
    public const string Valid = "有效", Revoked = "已撤销";
    public const string NotFound = "未找到该证书";
    public const string NotFoundHint = "请核对查验链接是否完整：查验码由 26 位字母和数字组成（不是证书编号）。";
    public static string RevokedOn(DateTime atUtc) => $"已于 {Infrastructure.ChinaTime.Format(atUtc)[..10]} 撤销";

    // Issuing and revoking
    public const string Issued = "颁发结业证书", RevokedAudit = "撤销结业证书";
    public const string IssuedBySystem = "系统（每日颁发）";
    public static string IssueDetail(string className, string number, string name) => $"{className}：{number} {name}";
    public static string RevokeDetail(string className, string number, string name, string reason) => $"{className}：{number} {name}，原因：{reason}";
    public static string IssuedCount(int count) => count == 0 ? "所有结业学员都已有证书，无需颁发。" : $"已为 {count} 名结业学员颁发证书。";
    public static string RevokedDone(string number) => $"已撤销证书 {number}。";
}
