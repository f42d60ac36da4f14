namespace Training.Core.Domain;

/// <summary>
/// 市 / 区 / 镇街 / 村社区. <see cref="Path"/> holds the codes from the city down
/// ("/440100/440111/440111103/") so that "this unit and everything below it" is one
/// prefix comparison: that is what every scope check is built on.
/// </summary>
public class OrgUnit
{
    public const int DefaultKeyPosts = 1;
    /// <summary>A village has at most a dozen or so two-committee seats; 20 leaves room without accepting typos.</summary>
    public const int MaxKeyPosts = 20;

    private OrgUnit() { Code = Name = Path = ""; }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public OrgLevel Level { get; private set; }
    public VillageKind? Kind { get; private set; }
    public int? ParentId { get; private set; }
    public OrgUnit? Parent { get; private set; }
    public string Path { get; private set; }

    /// <summary>Key posts for the 1:2 reserve rule; only villages have them (their party secretary by default).</summary>
    public int KeyPosts { get; private set; }

    public static OrgUnit CreateCity(string code, string name)
    {
        ValidateCode(code, OrgLevel.City);
        return new OrgUnit { Code = code, Name = RequireName(name), Level = OrgLevel.City, Path = $"/{code}/" };
    }

    public static OrgUnit CreateChild(OrgUnit parent, string code, string name, VillageKind? kind = null)
    {
        if (parent.Level == OrgLevel.Village)
            throw new DomainException($"村社区“{parent.Name}”下不能再设下级组织。");
        var level = parent.Level + 1;
        ValidateCode(code, level);
        if (level == OrgLevel.Village && kind is null)
            throw new DomainException($"村社区“{name}”必须注明类型（村或社区）。");
        if (level != OrgLevel.Village && kind is not null)
            throw new DomainException($"只有村社区才有类型（村或社区），“{name}”是{level.Name()}。");
        return new OrgUnit
        {
            Code = code,
            Name = RequireName(name),
            Level = level,
            Kind = level == OrgLevel.Village ? kind : null,
            Parent = parent,
            ParentId = parent.Id == 0 ? null : parent.Id,
            Path = parent.Path + code + "/",
            KeyPosts = level == OrgLevel.Village ? DefaultKeyPosts : 0,
        };
    }

    /// <summary>A village's kind from its official name: 村委会/村民委员会 is a 村, anything else a 社区.</summary>
    public static VillageKind KindFromName(string name) =>
        name.EndsWith("村委会", StringComparison.Ordinal) || name.EndsWith("村民委员会", StringComparison.Ordinal)
            ? VillageKind.Village
            : VillageKind.Community;

    public void Rename(string name) => Name = RequireName(name);

    /// <summary>Corrects a village's kind (村 or 社区), e.g. from a roster import.</summary>
    public void ChangeKind(VillageKind kind)
    {
        if (Level != OrgLevel.Village)
            throw new DomainException($"只有村社区才有类型（村或社区），“{Name}”是{Level.Name()}。");
        Kind = kind;
    }

    public void SetKeyPosts(int count)
    {
        if (Level != OrgLevel.Village)
            throw new DomainException("只有村社区才设关键岗位数。");
        if (count < 0 || count > MaxKeyPosts)
            throw new DomainException($"关键岗位数应在 0 到 {MaxKeyPosts} 之间。");
        KeyPosts = count;
    }

    public bool Contains(OrgUnit other) => other.Path.StartsWith(Path, StringComparison.Ordinal);

    private static void ValidateCode(string code, OrgLevel level)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length != level.CodeLength() || !code.All(char.IsAsciiDigit))
            throw new DomainException($"{level.Name()}代码应为 {level.CodeLength()} 位数字，“{code}”不符合。");
    }

    private static string RequireName(string name)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0) throw new DomainException("组织名称不能为空。");
        if (name.Length > 100) throw new DomainException("组织名称不能超过 100 个字。");
        return name;
    }
}
