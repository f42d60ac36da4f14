namespace Training.Core.Domain;

/// <summary>One participant's mark on one session; taking attendance again replaces it.</summary>
public class SessionAttendance
{
    private SessionAttendance() { RecordedBy = ""; }

    internal SessionAttendance(ClassSession session, ClassParticipant participant, bool present, string actor, DateTime now)
    {
        Session = session;
        Participant = participant;
        ParticipantId = participant.Id;
        Present = present;
        RecordedBy = actor;
        RecordedAt = now;
    }

    public int Id { get; private set; }
    public int SessionId { get; private set; }
    public ClassSession Session { get; private set; } = null!;
    public int ParticipantId { get; private set; }
    public ClassParticipant Participant { get; private set; } = null!;
    public bool Present { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTime RecordedAt { get; private set; }

    internal void Set(bool present, string actor, DateTime now)
    {
        Present = present;
        RecordedBy = actor;
        RecordedAt = now;
    }
}
