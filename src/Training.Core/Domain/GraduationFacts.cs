namespace Training.Core.Domain;

/// <summary>What one participant has done towards the terms (hours within the class's dates, reversals included).</summary>
public sealed record GraduationFacts(
    int Attended, decimal RequiredHours, decimal ElectiveHours, IReadOnlySet<int> CompletedCourses, IReadOnlySet<int> PassedQuizzes)
{
    public static readonly GraduationFacts None = new(0, 0, 0, new HashSet<int>(), new HashSet<int>());
    public decimal Hours => RequiredHours + ElectiveHours;
}
