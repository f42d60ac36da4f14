namespace Training.Core.Domain;

/// <summary>
/// One line of the 学时 ledger (LEARNING.md §5): a person, a Guangzhou calendar day, hours,
/// 必修 or 选修, where it came from and who recorded it. Entries are never changed or removed: a
/// correction is a reversing entry (the same hours negated) with a reason, and an entry is
/// reversed at most once.
/// </summary>
public sealed class StudyLedgerEntry
{
    private StudyLedgerEntry() { }

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public DateOnly On { get; private set; }
    public decimal Hours { get; private set; }
    public bool Required { get; private set; }
    public StudySource Source { get; private set; }
    /// <summary>The course, class session or import run the hours came from.</summary>
    public int? SourceId { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    /// <summary>For a reversing entry: the entry it cancels, and why.</summary>
    public int? ReversesId { get; private set; }
    public string? Reason { get; private set; }

    public bool IsReversal => ReversesId is not null;

    /// <summary>
    /// The entries of <paramref name="ledger"/> that stand: neither a reversing entry nor reversed by one
    /// (what "credited" means for a course completed once or a session attended). Build it outside a query
    /// and use the result inside one.
    /// </summary>
    public static IQueryable<StudyLedgerEntry> Standing(IQueryable<StudyLedgerEntry> ledger) =>
        ledger.Where(e => e.ReversesId == null && !ledger.Any(r => r.ReversesId == e.Id));

    public static StudyLedgerEntry Credit(int personId, DateOnly on, decimal hours, bool required, StudySource source, int? sourceId,
        string recordedBy, DateTime now)
    {
        if (hours <= 0) throw new DomainException("学时应大于 0。");
        if (hours != decimal.Round(hours, 2)) throw new DomainException("学时最多精确到两位小数。");
        return new StudyLedgerEntry
        {
            PersonId = personId, On = on, Hours = hours, Required = required, Source = source, SourceId = sourceId,
            RecordedBy = recordedBy, RecordedAt = now,
        };
    }

    /// <summary>
    /// The entry that cancels <paramref name="original"/> on <paramref name="on"/>: same person, kind and source,
    /// hours negated. <paramref name="alreadyReversed"/> says whether a reversal of it is already in the ledger.
    /// </summary>
    public static StudyLedgerEntry ReversalOf(StudyLedgerEntry original, string? reason, bool alreadyReversed, DateOnly on, string recordedBy, DateTime now)
    {
        if (original.IsReversal) throw new DomainException("冲销记录不能再冲销。");
        if (alreadyReversed) throw new DomainException("该学时记录已冲销过。");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("冲销学时须填写原因。", nameof(Reason));
        return new StudyLedgerEntry
        {
            PersonId = original.PersonId, On = on, Hours = -original.Hours, Required = original.Required, Source = original.Source,
            SourceId = original.SourceId, RecordedBy = recordedBy, RecordedAt = now, ReversesId = original.Id, Reason = reason.Trim(),
        };
    }
}
