namespace Training.Core.Domain;

public static class PoliticalStatusNames
{
    public static readonly IReadOnlyList<(PoliticalStatus Value, string Name)> All =
    [
        (PoliticalStatus.PartyMember, "中共党员"),
        (PoliticalStatus.ProbationaryMember, "中共预备党员"),
        (PoliticalStatus.YouthLeagueMember, "共青团员"),
        (PoliticalStatus.Masses, "群众"),
    ];

    public static string Name(this PoliticalStatus s) => All.First(x => x.Value == s).Name;

    public static PoliticalStatus? Parse(string? text)
    {
        var t = text?.Trim();
        foreach (var (value, name) in All)
            if (name == t) return value;
        return null;
    }
}
