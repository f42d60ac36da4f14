namespace Training.Core.Domain;

public static class OrgLevelNames
{
    public static string Name(this OrgLevel level) => level switch
    {
        OrgLevel.City => "市",
        OrgLevel.District => "区",
        OrgLevel.Township => "镇街",
        OrgLevel.Village => "村社区",
        _ => level.ToString(),
    };

    public static string Name(this VillageKind kind) => kind == VillageKind.Village ? "村" : "社区";

    /// <summary>Code length per level: 440100 / 440111 / 440111103 / 440111103201.</summary>
    public static int CodeLength(this OrgLevel level) => level switch
    {
        OrgLevel.City or OrgLevel.District => 6,
        OrgLevel.Township => 9,
        _ => 12,
    };
}
