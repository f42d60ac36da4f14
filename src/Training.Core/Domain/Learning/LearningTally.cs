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
/// aggregates and writes the figures back only if nobody raised the version meanwhile (the version is
/// the concurrency token), so a stale sum is never kept.</item>
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

    /// <summary>Keeps figures computed from the data read after this row's <see cref="Version"/> was read.</summary>
    public void Keep(DateOnly day, int learners, int cadres, int reserves, int members, long totalCenti, long requiredCenti,
        int reached, int notStarted, int overdue, long[] monthsCenti)
    {
        if (monthsCenti.Length != 12) throw new ArgumentException("12 months", nameof(monthsCenti));
        (ComputedVersion, Day) = (Version, day);
        (Learners, Cadres, Reserves, Members, TotalCenti, RequiredCenti, Reached, NotStarted, Overdue) =
            (learners, cadres, reserves, members, totalCenti, requiredCenti, reached, notStarted, overdue);
        MonthsCenti = monthsCenti;
    }
}
