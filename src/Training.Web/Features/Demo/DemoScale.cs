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
        _ => throw new CommandLineException($"未知的规模“{text}”：应为 city、province 或 nation。"),
    };
}

public sealed record DemoSeedResult(string Summary);
