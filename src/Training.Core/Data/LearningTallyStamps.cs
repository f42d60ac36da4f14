using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Training.Core.Domain;

namespace Training.Core.Data;

/// <summary>
/// Raises the <see cref="LearningTally.Version"/> of the units a save touches, in the save's transaction, so
/// the learning report never keeps figures older than the data (see <see cref="LearningTally"/>).
/// <list type="bullet">
/// <item>By person: a ledger entry, a post, a reserve in the pool, an admitted enrolment (<see cref="DataFacets"/>) or a class place raises the rows of the
/// person's village (read in the database after the save, so a person moved in the same save is found
/// where it now is); a person added, changed or deleted raises its village before and after.</item>
/// <item>By reach: an assignment to the reserves or a category of a unit raises the rows of the units under
/// that unit (who is overdue there).</item>
/// <item>Everything: an assignment to a cohort or a class (its persons live anywhere), a year's targets (who
/// reached them) or an org unit (the paths assignments reach) raises every row; so does a save touching more
/// than <see cref="MostIds"/> persons and units (an import), cheaper than lists of ids.</item>
/// </list>
/// Anything written around SaveChanges (the demo's fast writer, SQL by hand) is repaired by the nightly job,
/// which computes every row of the year again.
/// </summary>
public static class LearningTallyStamps
{
    public const string Table = "LearningTallies";

    /// <summary>Ids per statement (parameters, well under SQL Server's 2,100).</summary>
    private const int IdsPerStatement = 500;

    /// <summary>Beyond this many persons and units, every row is raised.</summary>
    public const int MostIds = 2_000;

    private static readonly HashSet<Type> Everything = [typeof(StudyTarget), typeof(OrgUnit)];
    private static readonly HashSet<Type> ByPerson = [typeof(StudyLedgerEntry), typeof(Post), typeof(ClassParticipant)];
    /// <summary>By person too, but only what their facet is about (<see cref="DataFacets"/>): an admitted application, a candidate in the pool.</summary>
    private static readonly HashSet<Type> ByPersonFacet = [typeof(Enrollment), typeof(ReserveCandidate)];

    /// <summary>
    /// The subjects (<see cref="DataStamps"/>) whose saves can change a unit's learning figures: what a figure kept in memory
    /// over them is checked against. Applications and reserve candidates by their facets (<see cref="DataFacets"/>).
    /// </summary>
    public static readonly string[] Followed =
    [
        .. Everything.Concat(ByPerson).Concat([typeof(Person), typeof(Assignment)]).Select(DataStamps.SubjectOf),
        .. ByPersonFacet.SelectMany(DataFacets.OfKind),
    ];

    /// <summary>What a save touches: every row, or the rows of these units, of these persons' villages and of the units under these.</summary>
    public sealed record Touch(bool All, IReadOnlyCollection<int> Units, IReadOnlyCollection<int> Persons, IReadOnlyCollection<int> Under)
    {
        public static readonly Touch Nothing = new(false, [], [], []);
        public static readonly Touch Everything = new(true, [], [], []);
        public bool IsEmpty => !All && Units.Count == 0 && Persons.Count == 0 && Under.Count == 0;
    }

    /// <summary>Read from the change tracker before the save (deleted rows still hold their values then).</summary>
    public static Touch Touched(ChangeTracker tracker)
    {
        HashSet<int> units = [], persons = [], under = [];
        foreach (var e in tracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var type = e.Metadata.ClrType;
            if (Everything.Contains(type)) return Touch.Everything;
            if (type == typeof(Person)) AddValues(units, e.Property(nameof(Person.VillageId)));
            else if (ByPerson.Contains(type) || ByPersonFacet.Contains(type) && DataFacets.Of(e) is not null)
                AddValues(persons, e.Property(nameof(Post.PersonId)));
            else if (type == typeof(Assignment))
            {
                var a = (Assignment)e.Entity;
                if (a.Target is AssignmentTarget.Cohort or AssignmentTarget.Class || a.UnitId is null) return Touch.Everything;
                AddValues(under, e.Property(nameof(Assignment.UnitId)));
            }
        }
        if (units.Count == 0 && persons.Count == 0 && under.Count == 0) return Touch.Nothing;
        return units.Count + persons.Count + under.Count > MostIds ? Touch.Everything : new Touch(false, units, persons, under);
    }

    /// <summary>
    /// The value before and after. A person added in the same save has a temporary id here: its own entry
    /// names its village.
    /// </summary>
    private static void AddValues(HashSet<int> set, PropertyEntry p)
    {
        if (!p.IsTemporary && p.CurrentValue is int current) set.Add(current);
        if (p.EntityEntry.State == EntityState.Modified && p.OriginalValue is int original) set.Add(original);
    }

    /// <summary>Raises the rows, in the current transaction, after the save.</summary>
    public static async Task RaiseAsync(TrainingDbContext db, Touch touch, CancellationToken ct)
    {
        foreach (var rows in Rows(db, touch))
            await rows.ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), ct);
    }

    /// <summary>The same as <see cref="RaiseAsync"/>, for the synchronous SaveChanges.</summary>
    public static void Raise(TrainingDbContext db, Touch touch)
    {
        foreach (var rows in Rows(db, touch))
            rows.ExecuteUpdate(s => s.SetProperty(x => x.Version, x => x.Version + 1));
    }

    private static IEnumerable<IQueryable<LearningTally>> Rows(TrainingDbContext db, Touch touch)
    {
        if (touch.All)
        {
            yield return db.LearningTallies;
            yield break;
        }
        foreach (var chunk in touch.Units.Chunk(IdsPerStatement))
            yield return db.LearningTallies.Where(x => chunk.Contains(x.UnitId));
        foreach (var chunk in touch.Persons.Chunk(IdsPerStatement))
            yield return db.LearningTallies.Where(x => db.Persons.Any(p => chunk.Contains(p.Id) && p.VillageId == x.UnitId));
        foreach (var chunk in touch.Under.Chunk(IdsPerStatement))
            yield return db.LearningTallies.Where(x => db.OrgUnits.Any(u => u.Id == x.UnitId && db.OrgUnits.Any(top => chunk.Contains(top.Id) && OrgPaths.IsUnder(u.Path, top.Path))));
    }
}
