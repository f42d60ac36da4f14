namespace Training.Web.Features.DataExchange.Import;

/// <summary>What one sheet's rows did: new keys, changed rows, rows equal to what was stored.</summary>
public sealed record SheetCounts(string Sheet, int Added, int Updated, int Unchanged);

/// <summary>An import's answer: counts per sheet when it was written, or every error when nothing was.</summary>
public sealed record ImportOutcome(IReadOnlyList<SheetCounts> Counts, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportOutcome Rejected(IReadOnlyList<ImportError> errors) => new([], errors);
}

/// <summary>How far an import is: 0–100 and what it is doing (读取 / 校验 / 写入).</summary>
public sealed record ImportProgress(int Percent, string Stage);
