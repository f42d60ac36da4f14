namespace Training.Core.Domain;

/// <summary>A participant whose mark on a session moved between present and not: the ledger credits (or reverses) it.</summary>
public sealed record AttendanceChange(ClassParticipant Participant, bool Present);
