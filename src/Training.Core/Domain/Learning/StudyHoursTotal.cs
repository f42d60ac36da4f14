namespace Training.Core.Domain;

/// <summary>
/// The 学时 ledger summed per person and calendar month (LEARNING.md §7's aggregates): 必修 and 选修
/// in hundredths of a 学时 (the ledger keeps two decimals, so the sums are exact integers on every
/// database and add up atomically in SQL). Kept by the ledger itself — every entry added through
/// SaveChanges adds its hours here in the same transaction (<see cref="Data.LedgerTotals"/>) — and
/// rebuilt from the ledger by the nightly job. Reversals are entries like any other, so the sums
/// are the standing hours. Never written by anything else.
/// </summary>
public sealed class StudyHoursTotal
{
    private StudyHoursTotal() { }

    public StudyHoursTotal(int personId, int year, int month, long requiredCenti, long electiveCenti) =>
        (PersonId, Year, Month, RequiredCenti, ElectiveCenti) = (personId, year, month, requiredCenti, electiveCenti);

    public int PersonId { get; private set; }
    public int Year { get; private set; }
    /// <summary>1 to 12.</summary>
    public int Month { get; private set; }
    /// <summary>必修 hours × 100.</summary>
    public long RequiredCenti { get; private set; }
    /// <summary>选修 hours × 100.</summary>
    public long ElectiveCenti { get; private set; }

    /// <summary>A ledger amount (two decimals at most) in hundredths.</summary>
    public static long Centi(decimal hours) => (long)decimal.Round(hours * 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>Hundredths back to 学时.</summary>
    public static decimal Hours(long centi) => centi / 100m;
}
