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
