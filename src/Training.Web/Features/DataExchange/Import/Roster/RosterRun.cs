using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Features.DataExchange.Import.Roster;

/// <summary>
/// One import's unit of work, shared by its sheets: the stored rows the file's keys refer to
/// (loaded in chunks), the rows the file creates or changes (written together by
/// <see cref="RosterWritePlan"/>), the errors, and the checks every sheet makes alike.
/// </summary>
internal sealed class RosterRun(TrainingDbContext db, DateOnly today, DateTime now, List<ImportError> errors)
{
    /// <summary>Keys per query: each chunk is ONE parameter (a JSON array: json_each / OPENJSON), so every chunk runs the same compiled query.</summary>
    public const int Chunk = 10_000;

    public TrainingDbContext Db => db;
    public DateOnly Today => today;
    public DateTime Now => now;
    public List<ImportError> Errors => errors;

    /// <summary>Keys of rows that were bad on their own: other rows referring to them are not told the key is unknown.</summary>
    public HashSet<string> BadCodes { get; } = new(StringComparer.Ordinal);
    public HashSet<string> BadIds { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, OrgUnit> Units { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Person> Persons { get; } = new(StringComparer.Ordinal);

    public List<OrgUnit> NewUnits { get; } = [];
    public List<Person> NewPersons { get; } = [];
    public List<School> NewSchools { get; } = [];
    public List<StudyProgram> NewPrograms { get; } = [];
    public List<Cohort> NewCohorts { get; } = [];
    public List<Enrollment> NewEnrollments { get; } = [];
    public List<ReserveCandidate> NewReserves { get; } = [];
    public HashSet<OrgUnit> ChangedUnits { get; } = [];
    public HashSet<Person> ChangedPersons { get; } = [];
    public HashSet<Post> ChangedPosts { get; } = [];
    public HashSet<Enrollment> ChangedEnrollments { get; } = [];
    public HashSet<ReserveCandidate> ChangedReserves { get; } = [];

    /// <summary>Only what the file's keys refer to, in chunks: units by code, persons by ID number with their posts and education history.</summary>
    public async Task LoadAsync(IReadOnlyList<RosterSheet> sheets, CancellationToken ct)
    {
        var codes = new HashSet<string>(sheets.SelectMany(s => s.Codes), StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(Chunk))
            foreach (var u in await db.OrgUnits.Where(u => EF.Parameter(chunk).Contains(u.Code)).ToListAsync(ct))
                Units[u.Code] = u;

        var ids = new HashSet<string>(sheets.SelectMany(s => s.IdNumbers), StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(Chunk))
            foreach (var p in await db.Persons.Where(p => EF.Parameter(chunk).Contains(p.IdNumber)).Include(p => p.Village).ToListAsync(ct))
                Persons[p.IdNumber] = p;
        // Their posts and education history join them in the tracker (fix-up fills the collections).
        foreach (var chunk in Persons.Values.Select(p => p.Id).Chunk(Chunk))
        {
            await db.Posts.Where(p => EF.Parameter(chunk).Contains(p.PersonId)).LoadAsync(ct);
            await db.EducationRecords.Where(r => EF.Parameter(chunk).Contains(r.PersonId)).LoadAsync(ct);
        }
        foreach (var sheet in sheets) await sheet.LoadAsync(this, ct);
    }

    /// <summary>
    /// What to write, fixed before the transaction (so that a retried transaction writes the
    /// same): new rows in the order their foreign keys need, then the changed stored rows.
    /// New posts, education records and transitions are found in their owners' collections.
    /// </summary>
    public RosterWritePlan Plan()
    {
        var records = new List<(Person Owner, EducationRecord Record)>();
        var posts = new List<Post>();
        foreach (var person in Persons.Values)
        {
            foreach (var record in person.EducationHistory)
                if (record.Id == 0)
                {
                    records.Add((person, record));
                    if (person.Id != 0) ChangedPersons.Add(person); // a graduation raised a stored person's education
                }
            foreach (var post in person.Posts)
                if (post.Id == 0) posts.Add(post);
        }
        var transitions = ChangedEnrollments
            .SelectMany(e => e.Transitions.Where(t => t.Id == 0).Select(t => (Owner: e, Transition: t)))
            .ToList();
        return new RosterWritePlan(this, records, posts, transitions);
    }

    // -- the checks every sheet makes alike

    public bool Duplicate<TKey>(Dictionary<TKey, int> seen, TKey key, int row, string sheet, string column, string keyColumns) where TKey : notnull
    {
        if (seen.TryAdd(key, row)) return false;
        errors.Add(new(sheet, row, column, ImportTexts.DuplicateOf(seen[key], keyColumns)));
        return true;
    }

    public OrgUnit? Village(string sheet, int row, string column, string code)
    {
        if (!Units.TryGetValue(code, out var unit))
        {
            if (!BadCodes.Contains(code))
                errors.Add(new(sheet, row, column, ImportTexts.NoSuchVillage(code)));
            return null;
        }
        if (unit.Level != OrgLevel.Village)
        {
            errors.Add(new(sheet, row, column, ImportTexts.NotAVillage(unit.Code, unit.Name, unit.Level)));
            return null;
        }
        return unit;
    }

    public Person? PersonOf(string sheet, int row, string idNumber)
    {
        if (Persons.TryGetValue(idNumber, out var person)) return person;
        if (!BadIds.Contains(idNumber))
            errors.Add(new(sheet, row, RosterColumns.IdNumber, ImportTexts.NoSuchPerson(ResidentId.Mask(idNumber))));
        return null;
    }

    /// <summary>Runs an entity verb; a broken rule becomes the row's error (sheet, row, column) and null.</summary>
    public T? Try<T>(string sheet, int row, string column, Func<T> action) where T : class
    {
        T? result = null;
        return ImportError.TryRow(errors, sheet, row, column, () => result = action()) ? result : null;
    }

    public bool? Try(string sheet, int row, string column, Func<bool> action)
    {
        var result = false;
        return ImportError.TryRow(errors, sheet, row, column, () => result = action()) ? result : null;
    }

    public bool Try(string sheet, int row, string column, Action action) =>
        ImportError.TryRow(errors, sheet, row, column, action);
}
