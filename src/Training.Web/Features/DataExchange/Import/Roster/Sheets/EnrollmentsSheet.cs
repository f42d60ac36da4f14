using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;

namespace Training.Web.Features.DataExchange.Import.Roster.Sheets;

/// <summary>学历教育: enrollments keyed by person, year and level, applied as history; schools, programs and cohort years the file names are created.</summary>
internal sealed class EnrollmentsSheet() : RosterSheet<EnrollmentRow>(RosterSheets.Enrollments)
{
    protected override EnrollmentRow? Parse(SheetRow row, RosterRun run) => RosterRows.Enrollment(row, run.Today, run.Errors);

    public override IEnumerable<string> IdNumbers => Rows.Select(r => r.IdNumber);

    private readonly Dictionary<string, School> _schools = new(StringComparer.Ordinal);
    private readonly Dictionary<(School, string, DegreeLevel), StudyProgram> _programs = [];
    private readonly Dictionary<int, Cohort> _cohorts = [];
    private readonly Dictionary<int, List<Enrollment>> _byPerson = [];
    private readonly Dictionary<Person, List<Enrollment>> _newPersonEnrollments = [];

    /// <summary>The catalog tables whole (they are small), and the stored enrollments of the persons the rows name.</summary>
    public override async Task LoadAsync(RosterRun run, CancellationToken ct)
    {
        if (Rows.Count == 0) return;
        foreach (var s in await run.Db.Schools.ToListAsync(ct)) _schools[s.Name] = s;
        foreach (var p in await run.Db.Programs.ToListAsync(ct)) _programs[(p.School, p.Name, p.Level)] = p;
        foreach (var c in await run.Db.Cohorts.ToListAsync(ct)) _cohorts[c.Year] = c;
        var personIds = Rows.Select(r => run.Persons.GetValueOrDefault(r.IdNumber)?.Id ?? 0).Where(id => id != 0).Distinct();
        foreach (var chunk in personIds.Chunk(RosterRun.Chunk))
            foreach (var e in await run.Db.Enrollments.Where(e => EF.Parameter(chunk).Contains(e.PersonId)).ToListAsync(ct))
                ListOf(e.PersonId).Add(e);
    }

    public override SheetCounts Check(RosterRun run)
    {
        const string sheet = RosterSheets.Enrollments;
        var c = new SheetCounter(sheet);
        var seen = new Dictionary<(string, int, DegreeLevel), int>();
        // The enrollment each person has that blocks another active one (IX_Enrollments_OneActivePerPerson), and its row.
        var activeRow = new Dictionary<Person, int>();
        foreach (var r in Rows)
        {
            if (run.Duplicate(seen, (r.IdNumber, r.Year, r.Level), r.Row, sheet, RosterColumns.IdNumber, RosterColumns.Key(RosterColumns.IdNumber, RosterColumns.Year, RosterColumns.DegreeLevel))) continue;
            if (run.PersonOf(sheet, r.Row, r.IdNumber) is not { } person) continue;
            var program = ProgramOf(run, r);
            var cohort = CohortOf(run, r.Year);
            var list = person.Id == 0 ? NewList(person) : ListOf(person.Id);
            var enrollment = list.FirstOrDefault(e => e.Year == r.Year && e.Level == r.Level);
            if (enrollment is not null)
            {
                var changed = run.Try(sheet, r.Row, RosterColumns.State, () => enrollment.ApplyHistorical(program, r.Split, r.State, r.GraduatedOn, RosterImport.Actor, run.Today, run.Now, r.WithdrawnOn));
                if (changed is null) continue;
                if (changed.Value)
                {
                    if (enrollment.Id != 0) run.ChangedEnrollments.Add(enrollment);
                    c.Updated++;
                }
                else c.Unchanged++;
            }
            else
            {
                enrollment = run.Try(sheet, r.Row, RosterColumns.State, () =>
                    Enrollment.Historical(person, cohort, program, r.Split, r.State, r.GraduatedOn, r.WithdrawnOn, run.Now));
                if (enrollment is null) continue;
                list.Add(enrollment);
                run.NewEnrollments.Add(enrollment);
                c.Added++;
            }
            if (enrollment.State.IsActive())
            {
                var other = list.FirstOrDefault(e => e != enrollment && e.State.IsActive());
                if (other is not null)
                {
                    var where = activeRow.TryGetValue(person, out var at) ? ImportTexts.RowOf(at) : ImportTexts.StoredEnrollment(other.Year, other.Level, other.State);
                    run.Errors.Add(new(sheet, r.Row, RosterColumns.State, ImportTexts.OneActiveEnrollment(where, other.State)));
                }
                else activeRow[person] = r.Row;
            }
        }
        return c.Result();
    }

    private List<Enrollment> ListOf(int personId)
    {
        if (!_byPerson.TryGetValue(personId, out var list)) _byPerson[personId] = list = [];
        return list;
    }

    private List<Enrollment> NewList(Person person)
    {
        if (!_newPersonEnrollments.TryGetValue(person, out var list)) _newPersonEnrollments[person] = list = [];
        return list;
    }

    private StudyProgram ProgramOf(RosterRun run, EnrollmentRow r)
    {
        if (!_schools.TryGetValue(r.School, out var school))
        {
            _schools[r.School] = school = School.Create(r.School);
            run.NewSchools.Add(school);
        }
        if (!_programs.TryGetValue((school, r.Program, r.Level), out var program))
        {
            // Duration is not in the sheet: three years, as every program of the demo catalog; the catalog page corrects it.
            _programs[(school, r.Program, r.Level)] = program = StudyProgram.Create(school, r.Program, r.Level, 3);
            run.NewPrograms.Add(program);
        }
        return program;
    }

    /// <summary>A missing cohort year is created with a closed application window (1 January only) and the policy minimum quota.</summary>
    private Cohort CohortOf(RosterRun run, int year)
    {
        if (!_cohorts.TryGetValue(year, out var cohort))
        {
            var day = new DateOnly(year, 1, 1);
            _cohorts[year] = cohort = Cohort.Create(year, "", day, day, Cohort.MinimumCityQuota);
            run.NewCohorts.Add(cohort);
        }
        return cohort;
    }
}
