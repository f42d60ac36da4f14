namespace Training.Core.Domain;

public sealed record GraduationResult(IReadOnlyList<GraduationCheck> Checks, ClassCompletion Completion)
{
    public bool Graduated => Completion == ClassCompletion.Completed;
    public IEnumerable<GraduationCheck> Missing => Checks.Where(c => !c.Met);
}
