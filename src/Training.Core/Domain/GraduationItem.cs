namespace Training.Core.Domain;

/// <summary>A required course or quiz: its id and the name a participant recognises.</summary>
public sealed record GraduationItem(int Id, string Name);
