namespace Training.Core.Domain;

/// <summary>A program (专业) a school offers at one level, with a nominal duration.</summary>
public class StudyProgram
{
    private StudyProgram() { Name = ""; }

    public int Id { get; private set; }
    public int SchoolId { get; private set; }
    public School School { get; private set; } = null!;
    public string Name { get; private set; }
    public DegreeLevel Level { get; private set; }
    public int DurationYears { get; private set; }

    public static StudyProgram Create(School school, string name, DegreeLevel level, int durationYears)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0) throw new DomainException("专业名称不能为空。");
        if (durationYears is < 1 or > 6) throw new DomainException("学制应在 1 到 6 年之间。");
        return new StudyProgram { School = school, SchoolId = school.Id, Name = name, Level = level, DurationYears = durationYears };
    }

    /// <summary>
    /// Corrects name, level or duration. The level decides eligibility and what graduation
    /// raises a person's education to, so it is fixed once anybody has applied for the program.
    /// </summary>
    public void Change(string name, DegreeLevel level, int durationYears, bool hasEnrollments)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0) throw new DomainException("专业名称不能为空。");
        if (name.Length > 100) throw new DomainException("专业名称不能超过 100 个字。");
        if (durationYears is < 1 or > 6) throw new DomainException("学制应在 1 到 6 年之间。");
        if (level != Level && hasEnrollments)
            throw new DomainException($"“{Name}”已有报名或在读学员，不能再改变层次（{Level.Name()}）。");
        Name = name;
        Level = level;
        DurationYears = durationYears;
    }
}
