namespace Training.Core.Domain;

public static class ClassAudienceNames
{
    public static string Name(this ClassAudience a) => a switch
    {
        ClassAudience.Any => "不限",
        ClassAudience.Cadres => "在职两委干部",
        ClassAudience.Reserves => "在库后备干部",
        ClassAudience.CadresOrReserves => "两委干部或后备干部",
        _ => a.ToString(),
    };

    public static readonly IReadOnlyList<ClassAudience> All =
        [ClassAudience.Any, ClassAudience.Cadres, ClassAudience.Reserves, ClassAudience.CadresOrReserves];

    /// <summary>"女性 · 在库后备干部", "不限".</summary>
    public static string Describe(Sex? sexOnly, ClassAudience audience) =>
        (sexOnly, audience) switch
        {
            (null, ClassAudience.Any) => "不限",
            (null, _) => audience.Name(),
            ({ } s, ClassAudience.Any) => $"仅限{s.Name()}性",
            ({ } s, _) => $"仅限{s.Name()}性{audience.Name()}",
        };
}
