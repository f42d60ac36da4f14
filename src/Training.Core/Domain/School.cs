namespace Training.Core.Domain;

/// <summary>A partner college (院校).</summary>
public class School
{
    private School() { Name = ""; }

    public int Id { get; private set; }
    public string Name { get; private set; }

    public static School Create(string name)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0) throw new DomainException("院校名称不能为空。");
        return new School { Name = name };
    }

    /// <summary>Uniqueness of the name is the database's (and the page's) to check.</summary>
    public void Rename(string name)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0) throw new DomainException("院校名称不能为空。");
        if (name.Length > 100) throw new DomainException("院校名称不能超过 100 个字。");
        Name = name;
    }
}
