namespace Training.Core.Domain;

public class ClassSession
{
    private readonly List<SessionAttendance> _attendance = [];

    private ClassSession() { Title = ""; }

    public const decimal FullDayHours = 8, HalfDayHours = 4;

    internal ClassSession(TrainingClass trainingClass, DateOnly on, string title, SessionLength length)
    {
        Class = trainingClass;
        On = on;
        Title = title;
        Length = length;
    }

    public int Id { get; private set; }
    public int ClassId { get; private set; }
    public TrainingClass Class { get; private set; } = null!;
    public DateOnly On { get; private set; }
    public string Title { get; private set; }
    public SessionLength Length { get; private set; }
    /// <summary>What a participant present is credited: 全天 8 学时, 半天 4.</summary>
    public decimal Hours => Length == SessionLength.HalfDay ? HalfDayHours : FullDayHours;
    public IReadOnlyList<SessionAttendance> Attendance => _attendance;

    /// <summary>
    /// Marks the participant; true when being present changed (an unrecorded participant counted as absent). A mark
    /// that stays as it was keeps who recorded it and when: saving the sheet again rewrites only what changed.
    /// </summary>
    internal bool Mark(ClassParticipant participant, bool present, string actor, DateTime now)
    {
        var existing = _attendance.FirstOrDefault(a => ReferenceEquals(a.Participant, participant) || (participant.Id != 0 && a.ParticipantId == participant.Id));
        var was = existing?.Present == true;
        if (existing is null) _attendance.Add(new SessionAttendance(this, participant, present, actor, now));
        else if (existing.Present != present) existing.Set(present, actor, now);
        return was != present;
    }

    internal void Forget(ClassParticipant participant) =>
        _attendance.RemoveAll(a => ReferenceEquals(a.Participant, participant) || (participant.Id != 0 && a.ParticipantId == participant.Id));
}
