namespace Training.Core.Domain;

/// <summary>
/// "This unit and everything below it" in a query: <c>OrgPaths.IsUnder(p.Village.Path, unitPath)</c>.
/// Written as a prefix test, sent to the database as a range on the path
/// (<c>Path &gt;= @unit AND Path &lt; @unit || 'z'</c>, see <see cref="Data.OrgPathRange"/>), which both
/// providers answer from the index on OrgUnits.Path: SQLite never uses an index for
/// <c>LIKE @p ESCAPE '\'</c> (what <c>StartsWith</c> becomes), so a township's count read every
/// person of the city (45 ms) where the range reads its own (0.5 ms).
/// </summary>
public static class OrgPaths
{
    /// <summary>Whether <paramref name="path"/> is <paramref name="unitPath"/> or below it. In memory an ordinal prefix test.</summary>
    public static bool IsUnder(string path, string unitPath) => path.StartsWith(unitPath, StringComparison.Ordinal);
}
