using Training.Core.Domain;

namespace Training.Web.Features.Degree;

/// <summary>What the degree pages say to their users (trainees, reviewers, schools, the city), in one place to be reviewed.</summary>
public static class DegreeTexts
{
    // Menu, permissions
    public const string MenuApply = "在线报名", MenuReviews = "报名审核", MenuSchool = "学员学籍", MenuGraduation = "毕业名单导入",
        MenuEnrollments = "学籍与缴费", MenuCatalog = "招生管理";
    public const string ApplyPermission = "在线报名（自己的申请）", ReviewPermission = "报名审核（本级的一步）", EnrollmentsPermission = "学籍与缴费",
        TotalsPermission = "学费汇总（按区、年级）", CatalogPermission = "招生管理：院校、专业、年级、名额、学费", RegistrarPermission = "本校学员学籍与毕业名单";

    /// <summary>"广州开放大学 · 行政管理（大专，3 年）"</summary>
    public static string ProgramLine(string school, string program, DegreeLevel level, int years) => $"{school} · {ProgramWithYears(program, level, years)}";
    /// <summary>"行政管理（大专，3 年）"</summary>
    public static string ProgramWithYears(string program, DegreeLevel level, int years) => $"{program}（{level.Name()}，{years} 年）";
    /// <summary>"行政管理（大专）"</summary>
    public static string ProgramWithLevel(string program, DegreeLevel level) => $"{program}（{level.Name()}）";

    /// <summary>The trainee's message for a step, e.g. "您的2026年报名（行政管理）：区审核通过。意见：……"</summary>
    public static string Notification(int year, string? program, EnrollmentTransition t)
    {
        var text = $"您的{year}年报名（{program}）：{t.Action.Name()}，当前状态“{t.To.Name()}”。";
        return t.Comment.Length > 0 ? text + $"意见：{t.Comment}" : text;
    }

    // Reviews
    public const string AdmitAction = "录取", DistrictApproveAction = "区审核通过", TownshipApproveAction = "审核通过";
    public const string CityStep = "市录取", DistrictStep = "区审核", TownshipStep = "镇（街）审核";
    public static string NotYourTurn(EnrollmentState state, string step) => $"该报名当前状态为“{state.Name()}”，不在{step}环节，您不能处理。";
    public const string NoLongerOffered = "本批次已不再开设该专业，无法录取；请退回学员改选专业。";
    public const string NoDistrict = "无法确定该报名所属的区，不能录取。";
    public static string YesNo(bool value) => value ? "是" : "否";

    // Enrollments: tuition, payments, totals
    public const string Total = "学费总额", Subsidy = "财政补助", Waiver = "学校减免", SelfPaid = "个人自付", Amount = "金额";
    public const string SelfPaidOn = "缴费日期", SubsidyPaidOn = "拨付日期", GraduatedOn = "毕业日期", WithdrawnOn = "退学日期";
    public const string SplitAdjustedAudit = "调整学费分担";
    public static string EnrollmentAudit(int id, int year, string detail) => $"学籍 {id}（{year}年）：{detail}";
    public static string PaymentAudit(string amount, DateOnly paidOn, string receipt) => $"{amount}，{paidOn:yyyy-MM-dd}，票据 {receipt}";
    public static string Required(string what) => $"请填写{what}。";
    public static string NotAnAmount(string what, string? text) => $"{what}“{text}”不是有效的金额（以元为单位，如 750 或 750.50）。";
    public static string AtMostCents(string what) => $"{what}最多精确到分（两位小数）。";
    public static string NotADate(string what, string? text) => $"{what}“{text}”不是有效的日期（如 2026-07-01）。";
    /// <summary>What a typed amount may carry besides digits: thousands separators and the unit.</summary>
    public static readonly string[] AmountNoise = [",", "，", "元"];
    public const string TotalRow = "合计", DistrictColumn = "区", YearColumn = "年度";
    public static string YearRow(int year) => $"{year} 年";

    /// <summary>A review step done: "何嘉明：镇街审核通过，当前状态“待区审核”。"</summary>
    public const string ReviewAudit = "报名审核";

    public static string ReviewAuditDetail(int id, string name, EnrollmentTransition step) =>
        $"报名 #{id}（{name}）：{step.Action.Name()}，“{step.From.Name()}”→“{step.To.Name()}”" + (step.Comment.Length > 0 ? $"；意见：{step.Comment}" : "");

    public static string Decided(string name, EnrollmentTransition step) => $"{name}：{step.Action.Name()}，当前状态“{step.To.Name()}”。";

    public const string Graduated = "已登记毕业，学员的最高学历已相应更新。";
    public const string Withdrawn = "已登记退学。";
    public const string PaymentRecorded = "已登记学员缴费。";
    public const string SubsidyRecorded = "已登记财政补助拨付。";
    public const string SplitAdjusted = "已调整学费分担，并记入办理记录。";

    public static string OfferRemoved(string program) => $"已取消开设“{program}”。";

    public const string PickToApprove = "请先勾选要通过的报名。";
}
