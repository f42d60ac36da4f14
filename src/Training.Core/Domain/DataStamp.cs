namespace Training.Core.Domain;

/// <summary>
/// How many saves have changed one kind of record (<see cref="Subject"/>: the entity's type name, "Person",
/// "Enrollment"…). Raised in the save's transaction by <see cref="Data.DataStamps"/>; a figure kept in memory
/// is served only while the stamps it was computed at are still the stamps in the database, on every web node.
/// </summary>
public class DataStamp
{
    private DataStamp() { Subject = ""; }

    public string Subject { get; private set; }
    public long Version { get; private set; }
}
