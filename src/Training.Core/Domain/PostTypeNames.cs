namespace Training.Core.Domain;

public static class PostTypeNames
{
    public static readonly IReadOnlyList<(PostType Value, string Name)> All =
    [
        (PostType.PartySecretary, "党组织书记"),
        (PostType.PartyDeputySecretary, "党组织副书记"),
        (PostType.PartyCommitteeMember, "党组织委员"),
        (PostType.CommitteeDirector, "村(居)委会主任"),
        (PostType.CommitteeDeputyDirector, "村(居)委会副主任"),
        (PostType.CommitteeMember, "村(居)委会委员"),
    ];

    public static string Name(this PostType t) => All.First(x => x.Value == t).Name;

    public static PostType? Parse(string? text)
    {
        var t = text?.Trim();
        foreach (var (value, name) in All)
            if (name == t) return value;
        return null;
    }
}
