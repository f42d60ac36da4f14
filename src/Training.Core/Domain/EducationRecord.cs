namespace Training.Core.Domain;

/// <summary>
/// One entry in a person's education history: the recorded base level (undated; a later
/// correction supersedes it) or a graduation dated on its day. A person's highest education
/// on D is the base or any graduation dated on or before D, whichever is higher, so that a
/// statistic as of a past date sees the past.
/// </summary>
public class EducationRecord
{
    private EducationRecord() { Note = ""; }

    internal EducationRecord(Education level, DateOnly? effectiveOn, EducationSource source, string note, DateTime recordedAt)
    {
        Level = level;
        EffectiveOn = effectiveOn;
        Source = source;
        Note = note;
        RecordedAt = recordedAt;
    }

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public Education Level { get; private set; }
    /// <summary>null: the base level, effective since always.</summary>
    public DateOnly? EffectiveOn { get; private set; }
    public EducationSource Source { get; private set; }
    public string Note { get; private set; }
    public DateTime RecordedAt { get; private set; }

    public bool IsEffectiveOn(DateOnly date) => EffectiveOn is null || EffectiveOn <= date;
}
