namespace Training.Core.Domain;

public enum ExportKind
{
    Enrollments = 1, // 报名名单
    Roster = 2,      // 人员花名册 (the roster import's sheets)
}
