namespace Training.Core.Domain;

/// <summary>What a class asks of its participants, as read for one evaluation.</summary>
public sealed record GraduationTerms(
    DateOnly StartOn, DateOnly EndOn, int CompletionPercent, int Sessions, decimal? RequiredHours, decimal? ElectiveHours,
    IReadOnlyList<GraduationItem> Courses, IReadOnlyList<GraduationItem> Quizzes);
