namespace Training.Core.Domain;

/// <summary>One graduation condition of a class (LEARNING.md §6).</summary>
public enum GraduationCondition
{
    /// <summary>出勤: the class's attendance threshold over its sessions.</summary>
    Attendance = 1,
    /// <summary>必修学时 earned within the class's dates.</summary>
    RequiredHours = 2,
    /// <summary>选修学时 earned within the class's dates.</summary>
    ElectiveHours = 3,
    /// <summary>A required course completed (its credit standing in the ledger).</summary>
    Course = 4,
    /// <summary>A required quiz passed.</summary>
    Quiz = 5,
}

/// <summary>What a class asks of its participants, as read for one evaluation.</summary>
public sealed record GraduationTerms(
    DateOnly StartOn, DateOnly EndOn, int CompletionPercent, int Sessions, decimal? RequiredHours, decimal? ElectiveHours,
    IReadOnlyList<GraduationItem> Courses, IReadOnlyList<GraduationItem> Quizzes);

/// <summary>A required course or quiz: its id and the name a participant recognises.</summary>
public sealed record GraduationItem(int Id, string Name);

/// <summary>What one participant has done towards the terms (hours within the class's dates, reversals included).</summary>
public sealed record GraduationFacts(
    int Attended, decimal RequiredHours, decimal ElectiveHours, IReadOnlySet<int> CompletedCourses, IReadOnlySet<int> PassedQuizzes)
{
    public static readonly GraduationFacts None = new(0, 0, 0, new HashSet<int>(), new HashSet<int>());
    public decimal Hours => RequiredHours + ElectiveHours;
}

/// <summary>
/// One line of a participant's checklist: what is needed and what they have. For attendance both count sessions
/// (the sessions the threshold asks for, rounded up); for hours 学时; for a course or quiz 1 or 0.
/// </summary>
public sealed record GraduationCheck(GraduationCondition Condition, GraduationItem? Item, decimal Need, decimal Have)
{
    public bool Met => Have >= Need;
    public decimal Missing => Math.Max(0, Need - Have);
}

public sealed record GraduationResult(IReadOnlyList<GraduationCheck> Checks, ClassCompletion Completion)
{
    public bool Graduated => Completion == ClassCompletion.Completed;
    public IEnumerable<GraduationCheck> Missing => Checks.Where(c => !c.Met);
}

/// <summary>
/// Whether a participant graduates (已结业): every condition the class sets is met — attendance when the class has
/// sessions, 必修 and 选修 hours within its dates, each required course completed, each required quiz passed.
/// As soon as all are met the participant is 已结业; after the class's last day otherwise 未结业; before, 学习中.
/// A class asking nothing at all (no session, no condition) has nothing to graduate from.
/// </summary>
public static class Graduation
{
    public static GraduationResult Evaluate(GraduationTerms terms, GraduationFacts facts, DateOnly today)
    {
        var checks = new List<GraduationCheck>();
        if (terms.Sessions > 0)
            checks.Add(new GraduationCheck(GraduationCondition.Attendance, null,
                SessionsNeeded(terms.Sessions, terms.CompletionPercent), facts.Attended));
        if (terms.RequiredHours is { } required)
            checks.Add(new GraduationCheck(GraduationCondition.RequiredHours, null, required, facts.RequiredHours));
        if (terms.ElectiveHours is { } elective)
            checks.Add(new GraduationCheck(GraduationCondition.ElectiveHours, null, elective, facts.ElectiveHours));
        checks.AddRange(terms.Courses.Select(c =>
            new GraduationCheck(GraduationCondition.Course, c, 1, facts.CompletedCourses.Contains(c.Id) ? 1 : 0)));
        checks.AddRange(terms.Quizzes.Select(q =>
            new GraduationCheck(GraduationCondition.Quiz, q, 1, facts.PassedQuizzes.Contains(q.Id) ? 1 : 0)));

        var completion = checks.Count > 0 && checks.All(c => c.Met) ? ClassCompletion.Completed
            : today > terms.EndOn ? ClassCompletion.NotCompleted
            : ClassCompletion.InProgress;
        return new GraduationResult(checks, completion);
    }

    /// <summary>The fewest sessions that reach the threshold: the same rule as <see cref="TrainingClass.Completes"/>.</summary>
    public static int SessionsNeeded(int sessions, int completionPercent) => (completionPercent * sessions + 99) / 100;
}
