using Training.Core.Domain;

namespace Training.Web.Features.People.MyData;

public static class MyDataTexts
{
    public const string Menu = "我的数据", Permission = "我的数据：查看、下载、申请更正", CorrectionsPermission = "更正申请：处理学员的更正申请";
    public const string CorrectionsMenu = "更正申请";

    public const string AccountSheet = "账号", PersonSheet = "个人信息", PostsSheet = "任职", EducationSheet = "学历记录", EnrollmentsSheet = "学历教育",
        ReservesSheet = "后备干部", ClassesSheet = "培训班", HoursSheet = "学时", CertificatesSheet = "证书", TrailSheet = "登录与操作记录", CorrectionsSheet = "更正申请";

    public static readonly string[] AccountHeaders = ["用户名", "显示名", "手机号", "开户时间", "密码修改时间", "身份验证器"];
    public static readonly string[] PersonHeaders = ["姓名", "身份证号", "性别", "出生日期", "手机号", "政治面貌", "学历", "所在村社区"];
    public static readonly string[] PostsHeaders = ["村社区", "职务", "任职日期", "离任日期"];
    public static readonly string[] EducationHeaders = ["学历", "生效日期", "来源", "说明"];
    public static readonly string[] EnrollmentsHeaders = ["年度", "学校", "专业", "层次", "状态", "录取日期", "毕业日期"];
    public static readonly string[] ReservesHeaders = ["后备类型", "状态", "推荐日期", "入库日期", "出库日期"];
    public static readonly string[] ClassesHeaders = ["培训班", "开班日期", "结业日期", "报名日期"];
    public static readonly string[] HoursHeaders = ["日期", "学时", "必修", "来源", "说明", "记录人"];
    public static readonly string[] CertificatesHeaders = ["证书编号", "培训班", "学时", "颁发日期", "撤销时间", "撤销理由"];
    public static readonly string[] TrailHeaders = ["时间", "操作", "内容", "结果", "来源地址"];
    public static readonly string[] CorrectionsHeaders = ["申请时间", "需要更正的内容", "状态", "答复", "处理人", "处理时间"];

    public const string Yes = "是", No = "否";
    public const string DownloadedAudit = "下载我的数据";
    public const string CorrectionRequestedAudit = "提出更正申请";
    public const string CorrectionHandledAudit = "处理更正申请";
    public const string CorrectionSent = "更正申请已提交，所在单位处理后会在本页答复。";
    public const string CorrectionHandled = "已处理这份更正申请。";

    public static string FileName(DateOnly today) => $"我的数据_{today:yyyyMMdd}.xlsx";
    public static string CorrectionDetail(int id, string person) => $"#{id}：{person}";
    public static string HandledDetail(int id, string person, CorrectionState state) => $"#{id}：{person}：{state.Name()}";
    public static string DownloadLimited(int limit, TimeSpan window) =>
        $"{window.TotalMinutes:0} 分钟内已下载 {limit} 次，请稍后再下载。每次下载的都是您的全部数据，下载一次即可。";
    public static string DownloadDetail(int sheets, int rows) => $"{sheets} 张工作表，{rows:N0} 行";
}
