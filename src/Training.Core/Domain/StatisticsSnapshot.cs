namespace Training.Core.Domain;

/// <summary>
/// The figures of every org unit as of one date, stored by the snapshot job. One snapshot per
/// date: a new run for the same date replaces the old one inside one transaction, so a
/// snapshot that can be read is always whole (no "in progress" state is ever committed).
/// </summary>
public class StatisticsSnapshot
{
    private readonly List<SnapshotFigure> _figures = [];

    private StatisticsSnapshot() { Trigger = ""; }

    public StatisticsSnapshot(DateOnly asOf, DateTime computedAt, string trigger)
    {
        AsOf = asOf;
        ComputedAt = computedAt;
        Trigger = trigger.Length > 100 ? trigger[..100] : trigger;
    }

    public int Id { get; private set; }
    /// <summary>The date the figures are as of (a Guangzhou calendar date).</summary>
    public DateOnly AsOf { get; private set; }
    /// <summary>When the job computed them (UTC).</summary>
    public DateTime ComputedAt { get; private set; }
    /// <summary>Why it ran: 每日定时, the user who asked for it, or 导入后.</summary>
    public string Trigger { get; private set; }

    public IReadOnlyList<SnapshotFigure> Figures => _figures;

    public void Add(SnapshotFigure figure) => _figures.Add(figure);
}

/// <summary>One org unit's figures (itself and everything under it) in a snapshot; PRODUCT.md §8.</summary>
public class SnapshotFigure
{
    private SnapshotFigure() { }

    public SnapshotFigure(
        int orgUnitId, int participants, int graduates, int inStudy, int secretaries, int secretariesAssociateOrAbove,
        int twoCommitteeCadres, int twoCommitteeAssociateOrAbove, int reservesInPool, int secretaryReserves, int keyPosts,
        long selfPaidFen, long subsidyFen, long waiverFen)
    {
        OrgUnitId = orgUnitId;
        Participants = participants;
        Graduates = graduates;
        InStudy = inStudy;
        Secretaries = secretaries;
        SecretariesAssociateOrAbove = secretariesAssociateOrAbove;
        TwoCommitteeCadres = twoCommitteeCadres;
        TwoCommitteeAssociateOrAbove = twoCommitteeAssociateOrAbove;
        ReservesInPool = reservesInPool;
        SecretaryReserves = secretaryReserves;
        KeyPosts = keyPosts;
        SelfPaidFen = selfPaidFen;
        SubsidyFen = subsidyFen;
        WaiverFen = waiverFen;
    }

    public int SnapshotId { get; private set; }
    public int OrgUnitId { get; private set; }
    public int Participants { get; private set; }
    public int Graduates { get; private set; }
    public int InStudy { get; private set; }
    public int Secretaries { get; private set; }
    public int SecretariesAssociateOrAbove { get; private set; }
    public int TwoCommitteeCadres { get; private set; }
    public int TwoCommitteeAssociateOrAbove { get; private set; }
    public int ReservesInPool { get; private set; }
    public int SecretaryReserves { get; private set; }
    public int KeyPosts { get; private set; }
    public long SelfPaidFen { get; private set; }
    public long SubsidyFen { get; private set; }
    public long WaiverFen { get; private set; }
}
