using Training.Core.Domain;

namespace Training.Web.Features.Degree.Catalog;

/// <summary>What the catalog pages (招生管理: cohorts, quotas, fee schedules, schools, programmes) say in C#, and what their audit entries record.</summary>
public static class CatalogTexts
{
    public const string NotStarted = "未开始", Closed = "已截止", Open = "报名中";

    // Field names in messages
    public const string Year = "年度", ApplyFrom = "报名开始日期", ApplyTo = "报名截止日期", CityQuota = "全市名额";
    public const string DurationYears = "学制（年）";
    public static string DistrictQuota(string district) => district + "名额";

    // Cohorts
    public static string YearTaken(int year) => $"{year} 年度已有招生批次，请在该批次中修改。";
    public const string CohortNameTooLong = "批次名称不能超过 100 个字。";
    public const string NoSuchSourceCohort = "所选的沿用批次不存在。";
    public const string ChooseProgram = "请选择要开设的专业。";
    public static string Copied(string source, int offers) => $"；沿用{source}的各区名额和 {offers} 个开设专业";
    public static string CohortDescribed(string name, string from, string to, int quota) => $"{name}，报名 {from} 至 {to}，全市名额 {quota}";
    public static string CohortCreated(string name, string from, string to, int quota, string copied) => $"{name}：报名 {from} 至 {to}，全市名额 {quota}{copied}";
    public static string Quotas(string cohort, IEnumerable<(string District, int Quota)> quotas) =>
        $"{cohort}：" + string.Join("，", quotas.Select(q => $"{q.District} {q.Quota}"));

    // Fee schedules
    public static string Split(FeeSplit s) =>
        $"总额 {Money.Format(s.TotalFen)}，财政补助 {Money.Format(s.SubsidyFen)}，学校减免 {Money.Format(s.WaiverFen)}，个人自付 {Money.Format(s.SelfPaidFen)}";
    public static string FeeChanged(string cohort, string program, FeeSplit before, FeeSplit after) => $"{cohort}：{program}由 {Split(before)} 改为 {Split(after)}";
    public static string Offered(string cohort, string program, FeeSplit split) => $"{cohort}：{program}，{Split(split)}";
    public static string Withdrawn(string cohort, string program) => $"{cohort}：{program}";

    // Schools and programmes
    public static string SchoolExists(string name) => $"院校“{name}”已存在。";
    public static string SchoolNameTaken(string name) => $"院校“{name}”已存在，名称不能重复。";
    public const string SchoolNameTooLong = "院校名称不能超过 100 个字。";
    public const string ChooseLevel = "请选择层次（大专或本科）。";
    public static string ProgramExists(DegreeLevel level, string name) => $"本校已有{level.Name()}专业“{name}”。";
    public const string ProgramNameTooLong = "专业名称不能超过 100 个字。";
    public static string Renamed(string before, string after) => $"{before} → {after}";
    public static string ProgramAdded(string school, string program) => $"{school}：{program}";

    // Audit actions
    public const string CohortCreatedAudit = "新建招生批次", CohortChangedAudit = "修改招生批次", QuotasAudit = "分配各区名额";
    public const string FeeChangedAudit = "修改学费标准", OfferedAudit = "开设专业", WithdrawnAudit = "取消开设专业";
    public const string SchoolAddedAudit = "新增院校", SchoolRenamedAudit = "院校更名", ProgramAddedAudit = "新增专业", ProgramChangedAudit = "修改专业";
}
