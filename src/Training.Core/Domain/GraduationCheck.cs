namespace Training.Core.Domain;

/// <summary>
/// One line of a participant's checklist: what is needed and what they have. For attendance both count sessions
/// (the sessions the threshold asks for, rounded up); for hours 学时; for a course or quiz 1 or 0.
/// </summary>
public sealed record GraduationCheck(GraduationCondition Condition, GraduationItem? Item, decimal Need, decimal Have)
{
    public bool Met => Have >= Need;
    public decimal Missing => Math.Max(0, Need - Have);
}
