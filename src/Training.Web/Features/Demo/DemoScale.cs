using Training.Web.Infrastructure;

namespace Training.Web.Features.Demo;

/// <summary>City = Guangzhou as it is; province ×10 and nation ×150 for benchmarks.</summary>
public enum DemoScale
{
    City = 1,
    Province = 10,
    Nation = 150,
}

public static class DemoScaleParser
{
    public static DemoScale Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "city" => DemoScale.City,
        "province" => DemoScale.Province,
        "nation" => DemoScale.Nation,
        _ => throw new CommandLineException(DemoTexts.UnknownScale(text)),
    };
}

/// <summary>What <see cref="DemoSeeder"/> wrote; <see cref="Summary"/> is the line printed for people.</summary>
public sealed record DemoSeedResult(string Summary)
{
    public TimeSpan Elapsed { get; init; }
    public int OrgUnits { get; init; }
    public int Persons { get; init; }
    public int Posts { get; init; }
    public int Enrollments { get; init; }
    public int Reserves { get; init; }
    public int MentorPairs { get; init; }
    public int Shadowings { get; init; }
    public int Classes { get; init; }
    public int Accounts { get; init; }
}
