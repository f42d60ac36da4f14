using Training.Core.Domain;

namespace Training.Web.Features.Degree.Graduation;

/// <summary>The school's graduation list as IMPORT-EXPORT.md fixes it: the sheet, its headers in order, and the words its cells may hold.</summary>
public static class GraduationColumns
{
    public const string Sheet = "毕业名单";

    public const string IdNumber = "身份证号", Level = "层次", Year = "年度", State = "状态", Date = "毕业日期", Certificate = "证书编号";

    public static readonly IReadOnlyList<string> All = [IdNumber, Level, Year, State, Date, Certificate];

    public static readonly IReadOnlyDictionary<string, DegreeLevel> Levels =
        new Dictionary<string, DegreeLevel> { ["大专"] = DegreeLevel.Associate, ["本科"] = DegreeLevel.Bachelor };

    public static readonly IReadOnlyDictionary<string, EnrollmentState> Outcomes =
        new Dictionary<string, EnrollmentState> { ["已毕业"] = EnrollmentState.Graduated, ["已退学"] = EnrollmentState.Withdrawn };
}
