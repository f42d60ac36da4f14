namespace Training.Core.Domain;

public class ClassSession
{
    private readonly List<SessionAttendance> _attendance = [];

    private ClassSession() { Title = ""; }

    internal ClassSession(TrainingClass trainingClass, DateOnly on, string title)
    {
        Class = trainingClass;
        On = on;
        Title = title;
    }

    public int Id { get; private set; }
    public int ClassId { get; private set; }
    public TrainingClass Class { get; private set; } = null!;
    public DateOnly On { get; private set; }
    public string Title { get; private set; }
    public IReadOnlyList<SessionAttendance> Attendance => _attendance;

    internal void Mark(ClassParticipant participant, bool present, string actor, DateTime now)
    {
        var existing = _attendance.FirstOrDefault(a => ReferenceEquals(a.Participant, participant) || (participant.Id != 0 && a.ParticipantId == participant.Id));
        if (existing is null) _attendance.Add(new SessionAttendance(this, participant, present, actor, now));
        else existing.Set(present, actor, now);
    }

    internal void Forget(ClassParticipant participant) =>
        _attendance.RemoveAll(a => ReferenceEquals(a.Participant, participant) || (participant.Id != 0 && a.ParticipantId == participant.Id));
}
