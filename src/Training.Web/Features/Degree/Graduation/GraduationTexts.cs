using Training.Core.Domain;

namespace Training.Web.Features.Degree.Graduation;

/// <summary>What the graduation list's import says, row by row and of the whole file.</summary>
public static class GraduationTexts
{
    /// <summary>The transition's reason for a withdrawal from a list (the entity requires one).</summary>
    public const string WithdrawalReason = "院校毕业名单报送退学";
    public const string ChangedWhileImporting = "导入期间名单中的学籍已被他人修改，本次未写入任何数据，请重新导入。";
    public const string GraduatedNeedsDate = "已毕业的记录必须填写毕业日期";
    public const string GraduatedNeedsCertificate = "已毕业的记录必须填写毕业证书编号";
    public const string CertificateTooLong = "毕业证书编号不能超过 50 个字符";
    public const string WithdrawnHasCertificate = "已退学的记录不应填写证书编号（请核对状态）";

    public static string NoSheet(IEnumerable<string> sheets) =>
        $"工作簿中没有“{GraduationColumns.Sheet}”工作表（现有：{string.Join("、", sheets)}）。毕业名单应在名为“{GraduationColumns.Sheet}”的工作表中，表头为：{string.Join("、", GraduationColumns.All)}";
    public static string AfterToday(DateOnly? on) => $"日期 {on:yyyy-MM-dd} 晚于今天";
    public static string Duplicate(int first) => $"与第{first}行重复（同一身份证号、层次、年度只能出现一次）";
    public static string Ambiguous(int year, DegreeLevel level) => $"本校有多条该学员{year}年{level.Name()}的学籍，无法确定是哪一条，请在“学员学籍”页逐条登记";
    public static string NotAdmitted(int year, DegreeLevel level, EnrollmentState state, EnrollmentState outcome) =>
        $"该学员{year}年{level.Name()}的报名状态为“{state.Name()}”，未录取，不能登记{Verb(outcome)}";
    public static string OtherSchool(int year, DegreeLevel level) => $"该学员{year}年{level.Name()}的学籍不属于本校，不能由本校登记";
    public static string NotFound(int year, DegreeLevel level) => $"找不到该身份证号{year}年{level.Name()}的学籍";
    public static string GraduatedOnDiffers(DateOnly? on) => $"已于 {on:yyyy-MM-dd} 登记毕业，与表中日期不符；已登记的毕业信息不能通过名单更改";
    public static string CertificateDiffers(string? number) => $"已登记的证书编号为“{number}”，与表中不符；已登记的毕业信息不能通过名单更改";
    public static string WithdrawnOnDiffers(DateOnly? on) => $"已于 {on:yyyy-MM-dd} 登记退学，与表中日期不符；已登记的退学信息不能通过名单更改";
    public static string AlreadyOther(EnrollmentState state, EnrollmentState outcome) => $"该学籍已登记为“{state.Name()}”，不能再登记为“{outcome.Name()}”";
    public static string BeforeAdmission(EnrollmentState outcome, DateOnly on, DateOnly? admittedOn) =>
        $"{Verb(outcome)}日期 {on:yyyy-MM-dd} 早于入学日期 {admittedOn:yyyy-MM-dd}";

    private static string Verb(EnrollmentState outcome) => outcome == EnrollmentState.Graduated ? "毕业" : "退学";
}
