namespace Training.Core.Domain;

/// <summary>
/// The learning figures of the persons whose village is one org unit, for a calendar year, as of a day
/// (LEARNING.md §7): a read-through cache that makes a report over a city a sum of a few thousand rows.
/// <list type="bullet">
/// <item><see cref="Version"/> is raised by every save that touches what the figures read — a ledger
/// entry, a post, a reserve, an enrolment, a class place or the person of the unit, in the same
/// transaction (<see cref="Data.LearningTallyStamps"/>); an assignment, a year's target or the org tree
/// raises every row.</item>
/// <item>A row holds figures only when <see cref="ComputedVersion"/> equals <see cref="Version"/> and
/// <see cref="Day"/> is the day asked; otherwise the report computes the unit again from the ledger
/// aggregates and writes the figures back only if nobody raised the version meanwhile, so a stale sum is
/// never kept (Web's LearningTallies writes them, by SQL).</item>
/// </list>
/// Figures are the unit's own persons only; the report adds the rows up the tree.
/// </summary>
public sealed class LearningTally
{
    private LearningTally() { }

    public LearningTally(int year, int unitId) => (Year, UnitId, ComputedVersion) = (year, unitId, -1);

    public int Year { get; private set; }
    public int UnitId { get; private set; }
    /// <summary>Raised by every change to what the figures read (never by the report).</summary>
    public long Version { get; private set; }
    /// <summary>The <see cref="Version"/> the figures were computed at (−1: never).</summary>
    public long ComputedVersion { get; private set; }
    /// <summary>The day the categories and deadlines were taken on.</summary>
    public DateOnly Day { get; private set; }

    public int Learners { get; private set; }
    public int Cadres { get; private set; }
    public int Reserves { get; private set; }
    public int Members { get; private set; }
    public long TotalCenti { get; private set; }
    public long RequiredCenti { get; private set; }
    public int Reached { get; private set; }
    public int NotStarted { get; private set; }
    public int Overdue { get; private set; }
    /// <summary>Hours credited to the unit's persons (all of them, 应学 or not) in each month of the year, in hundredths.</summary>
    public long[] MonthsCenti { get; private set; } = new long[12];

    /// <summary>Whether the figures stand for <paramref name="day"/> and no change came after them.</summary>
    public bool IsCurrent(DateOnly day) => ComputedVersion == Version && Day == day;

    /// <summary>The stored form of <see cref="MonthsCenti"/>: the twelve sums, comma-separated ("0,150,…").</summary>
    public static string MonthsText(IEnumerable<long> monthsCenti) =>
        string.Join(',', monthsCenti.Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary><see cref="MonthsText"/> read back.</summary>
    public static long[] MonthsFrom(string text) =>
        text.Split(',').Select(m => long.Parse(m, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
