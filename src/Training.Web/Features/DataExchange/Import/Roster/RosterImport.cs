using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.DataExchange.Import.Roster;

/// <summary>
/// Roster import (IMPORT-EXPORT.md): the sheets of <see cref="RosterSheets.InOrder"/>, upserted
/// by their keys, all or nothing.
/// <para>
/// Three stages. 读取: every sheet present is read once into typed rows, each cell checked on
/// its own. 校验: the rows the file's keys refer to are loaded (chunked IN queries, the small
/// catalog tables whole) and every row is applied in memory through the entity verbs, sheet by
/// sheet in the contractual order, so that a row may use what an earlier row or sheet created;
/// whatever is wrong is collected as an error naming sheet, row and column. 写入: only when no
/// row is bad, the new and changed rows are written by <see cref="BulkWriter"/> (prepared
/// statements, not EF's tracked inserts: 55,000 rows) in one transaction; otherwise nothing is
/// written. The tracker is cleared either way. Progress is reported only outside that transaction.
/// </para>
/// </summary>
public sealed class RosterImport(TrainingDbContext db, TimeProvider clock)
{
    /// <summary>Who the import's enrollment transitions name.</summary>
    public const string Actor = "花名册导入";

    /// <summary>Keys per query: each chunk is ONE parameter (a JSON array: json_each / OPENJSON), so every chunk runs the same compiled query.</summary>
    private const int Chunk = 10_000;

    private readonly TrainingDbContext _db = db;
    private readonly TimeProvider _clock = clock;

    /// <summary>
    /// Validates every sheet of the workbook and, when no row is bad, writes them all in one
    /// transaction. Progress is reported only outside that transaction.
    /// </summary>
    public async Task<ImportOutcome> RunAsync(Stream xlsx, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        progress?.Report(new ImportProgress(0, "读取"));
        var today = _clock.Today();
        var now = _clock.UtcNow();

        var errors = new List<ImportError>();
        Sheets? sheets;
        var stream = xlsx;
        if (!xlsx.CanSeek)
        {
            stream = new MemoryStream();
            await xlsx.CopyToAsync(stream, ct);
            stream.Position = 0;
        }
        try
        {
            sheets = Read(stream, today, errors, progress, ct);
        }
        finally
        {
            if (!ReferenceEquals(stream, xlsx)) await stream.DisposeAsync();
        }
        if (sheets is null) return ImportOutcome.Rejected(errors);

        progress?.Report(new ImportProgress(45, "校验"));
        var autoDetect = _db.ChangeTracker.AutoDetectChangesEnabled;
        _db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var run = new Run(_db, sheets, today, now, errors);
            await run.LoadAsync(ct);
            progress?.Report(new ImportProgress(60, "校验"));
            run.Apply();
            if (errors.Count > 0)
            {
                _db.ChangeTracker.Clear();
                return ImportOutcome.Rejected(Ordered(errors));
            }

            progress?.Report(new ImportProgress(90, "写入"));
            try
            {
                var plan = run.Plan();
                // SQL Server retries failed connections: the whole transaction is what is retried
                // (every insert sets its row's id again, so a second attempt writes the same rows).
                await _db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
                {
                    await using var tx = await _db.Database.BeginTransactionAsync(token);
                    await using (var writer = new BulkWriter(_db, tx.GetDbTransaction()))
                        await plan.WriteAsync(writer, token);
                    await tx.CommitAsync(token);
                }, ct);
            }
            finally
            {
                _db.ChangeTracker.Clear();
            }
            progress?.Report(new ImportProgress(100, "完成"));
            return new ImportOutcome(run.Counts, []);
        }
        finally
        {
            _db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Errors in sheet order, then row, then column order of the sheet.</summary>
    private static List<ImportError> Ordered(List<ImportError> errors) =>
        [.. errors
            .Select((e, i) => (e, i))
            .OrderBy(x => x.e.Row == 0 ? -1 : IndexOfSheet(x.e.Sheet))
            .ThenBy(x => x.e.Row)
            .ThenBy(x => x.e.Sheet.Length == 0 ? 0 : Math.Max(0, IndexOfColumn(x.e.Sheet, x.e.Column)))
            .ThenBy(x => x.i)
            .Select(x => x.e)];

    private static int IndexOfSheet(string sheet)
    {
        for (var i = 0; i < RosterSheets.InOrder.Count; i++)
            if (RosterSheets.InOrder[i] == sheet) return i;
        return int.MaxValue;
    }

    private static int IndexOfColumn(string sheet, string column) =>
        IndexOfSheet(sheet) == int.MaxValue ? 0 : RosterSheets.ColumnsOf(sheet).ToList().IndexOf(column);

    // ---- 读取 --------------------------------------------------------------------------------

    /// <summary>The typed rows of every sheet present (null for an absent sheet); null when the file is no workbook.</summary>
    private sealed class Sheets
    {
        public List<OrgRow>? Org;
        public List<PersonRow>? Persons;
        public List<PostRow>? Posts;
        public List<EnrollmentRow>? Enrollments;
        public List<ReserveRow>? Reserves;
        public List<KeyPostRow>? KeyPosts;
        /// <summary>Keys of rows that were bad on their own: other rows referring to them are not told the key is unknown.</summary>
        public readonly HashSet<string> BadCodes = new(StringComparer.Ordinal);
        public readonly HashSet<string> BadIds = new(StringComparer.Ordinal);
    }

    private static Sheets? Read(Stream stream, DateOnly today, List<ImportError> errors, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var book = WorkbookReader.TryOpen(stream, out var fileError);
        if (book is null)
        {
            errors.Add(ImportError.File(fileError ?? "文件不是有效的 Excel 工作簿（.xlsx）。"));
            return null;
        }
        var present = RosterSheets.InOrder.Where(book.HasSheet).ToList();
        if (present.Count == 0)
        {
            errors.Add(ImportError.File($"工作簿中没有可导入的工作表，工作表名称应为：{string.Join("、", RosterSheets.InOrder)}。"));
            return null;
        }

        var sheets = new Sheets();
        try
        {
            var done = 0;
            foreach (var sheet in present)
            {
                ct.ThrowIfCancellationRequested();
                var columns = RosterSheets.ColumnsOf(sheet);
                var rows = book.Rows(sheet, columns, errors);
                switch (sheet)
                {
                    case RosterSheets.Org:
                        sheets.Org = Collect(rows, r => RosterRows.Org(r, errors), r => r.Text("代码"), sheets.BadCodes);
                        break;
                    case RosterSheets.Persons:
                        sheets.Persons = Collect(rows, r => RosterRows.Person(r, today, errors), RosterRows.RawId, sheets.BadIds);
                        break;
                    case RosterSheets.Posts:
                        sheets.Posts = Collect(rows, r => RosterRows.Post(r, today, errors), null, null);
                        break;
                    case RosterSheets.Enrollments:
                        sheets.Enrollments = Collect(rows, r => RosterRows.Enrollment(r, today, errors), null, null);
                        break;
                    case RosterSheets.Reserves:
                        sheets.Reserves = Collect(rows, r => RosterRows.Reserve(r, today, errors), null, null);
                        break;
                    case RosterSheets.KeyPosts:
                        sheets.KeyPosts = Collect(rows, r => RosterRows.KeyPost(r, errors), null, null);
                        break;
                }
                done++;
                progress?.Report(new ImportProgress(5 + 40 * done / present.Count, "读取"));
            }
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException or NullReferenceException or ArgumentException))
        {
            errors.Add(ImportError.File("文件内容已损坏，无法读取，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。"));
            return null;
        }
        return sheets;
    }

    private static List<T> Collect<T>(IEnumerable<SheetRow> rows, Func<SheetRow, T?> parse, Func<SheetRow, string?>? key, HashSet<string>? bad)
        where T : class
    {
        var list = new List<T>();
        foreach (var r in rows)
        {
            if (parse(r) is { } row) list.Add(row);
            else if (key?.Invoke(r) is { } k) bad!.Add(k);
        }
        return list;
    }

    // ---- 校验 and 写入 -------------------------------------------------------------------------

    private sealed class Run(TrainingDbContext db, Sheets sheets, DateOnly today, DateTime now, List<ImportError> errors)
    {
        private readonly Dictionary<string, OrgUnit> _units = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Person> _persons = new(StringComparer.Ordinal);
        private readonly Dictionary<string, School> _schools = new(StringComparer.Ordinal);
        private readonly Dictionary<(School, string, DegreeLevel), StudyProgram> _programs = [];
        private readonly Dictionary<int, Cohort> _cohorts = [];
        private readonly Dictionary<int, List<Enrollment>> _enrollmentsByPerson = [];
        private readonly Dictionary<(int, ReserveTarget), ReserveCandidate> _storedReserves = [];

        private readonly List<OrgUnit> _newUnits = [];
        private readonly List<Person> _newPersons = [];
        private readonly List<School> _newSchools = [];
        private readonly List<StudyProgram> _newPrograms = [];
        private readonly List<Cohort> _newCohorts = [];
        private readonly List<Enrollment> _newEnrollments = [];
        private readonly List<ReserveCandidate> _newReserves = [];
        private readonly HashSet<OrgUnit> _changedUnits = [];
        private readonly HashSet<Person> _changedPersons = [];
        private readonly HashSet<Post> _changedPosts = [];
        private readonly HashSet<Enrollment> _changedEnrollments = [];
        private readonly HashSet<ReserveCandidate> _changedReserves = [];

        public List<SheetCounts> Counts { get; } = [];

        // -- loading: only what the file's keys refer to, in chunks; the catalog tables whole.

        public async Task LoadAsync(CancellationToken ct)
        {
            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in sheets.Org ?? []) { codes.Add(r.Code); if (r.ParentCode is not null) codes.Add(r.ParentCode); }
            foreach (var r in sheets.Persons ?? []) codes.Add(r.VillageCode);
            foreach (var r in sheets.Posts ?? []) codes.Add(r.VillageCode);
            foreach (var r in sheets.Reserves ?? []) codes.Add(r.VillageCode);
            foreach (var r in sheets.KeyPosts ?? []) codes.Add(r.VillageCode);
            foreach (var chunk in codes.Chunk(Chunk))
                foreach (var u in await db.OrgUnits.Where(u => EF.Parameter(chunk).Contains(u.Code)).ToListAsync(ct))
                    _units[u.Code] = u;

            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in sheets.Persons ?? []) ids.Add(r.IdNumber);
            foreach (var r in sheets.Posts ?? []) ids.Add(r.IdNumber);
            foreach (var r in sheets.Enrollments ?? []) ids.Add(r.IdNumber);
            foreach (var r in sheets.Reserves ?? []) ids.Add(r.IdNumber);
            foreach (var chunk in ids.Chunk(Chunk))
                foreach (var p in await db.Persons.Where(p => EF.Parameter(chunk).Contains(p.IdNumber)).Include(p => p.Village).ToListAsync(ct))
                    _persons[p.IdNumber] = p;
            // Their posts and education history join them in the tracker (fix-up fills the collections).
            foreach (var chunk in _persons.Values.Select(p => p.Id).Chunk(Chunk))
            {
                await db.Posts.Where(p => EF.Parameter(chunk).Contains(p.PersonId)).LoadAsync(ct);
                await db.EducationRecords.Where(r => EF.Parameter(chunk).Contains(r.PersonId)).LoadAsync(ct);
            }

            if (sheets.Enrollments is { Count: > 0 } enrollments)
            {
                foreach (var s in await db.Schools.ToListAsync(ct)) _schools[s.Name] = s;
                foreach (var p in await db.Programs.ToListAsync(ct)) _programs[(p.School, p.Name, p.Level)] = p;
                foreach (var c in await db.Cohorts.ToListAsync(ct)) _cohorts[c.Year] = c;
                var personIds = enrollments.Select(r => _persons.GetValueOrDefault(r.IdNumber)?.Id ?? 0).Where(id => id != 0).Distinct();
                foreach (var chunk in personIds.Chunk(Chunk))
                    foreach (var e in await db.Enrollments.Where(e => EF.Parameter(chunk).Contains(e.PersonId)).ToListAsync(ct))
                        ListOf(e.PersonId).Add(e);
            }

            if (sheets.Reserves is { Count: > 0 } reserves)
            {
                var personIds = reserves.Select(r => _persons.GetValueOrDefault(r.IdNumber)?.Id ?? 0).Where(id => id != 0).Distinct();
                foreach (var chunk in personIds.Chunk(Chunk))
                    foreach (var r in await db.Reserves.Where(r => EF.Parameter(chunk).Contains(r.PersonId)).ToListAsync(ct))
                        _storedReserves.TryAdd((r.PersonId, r.Target), r);
            }
        }

        private List<Enrollment> ListOf(int personId)
        {
            if (!_enrollmentsByPerson.TryGetValue(personId, out var list)) _enrollmentsByPerson[personId] = list = [];
            return list;
        }

        // -- applying every row in memory, sheet by sheet.

        public void Apply()
        {
            if (sheets.Org is not null) Counts.Add(ApplyOrg(sheets.Org));
            if (sheets.Persons is not null) Counts.Add(ApplyPersons(sheets.Persons));
            if (sheets.Posts is not null) Counts.Add(ApplyPosts(sheets.Posts));
            if (sheets.Enrollments is not null) Counts.Add(ApplyEnrollments(sheets.Enrollments));
            if (sheets.Reserves is not null) Counts.Add(ApplyReserves(sheets.Reserves));
            if (sheets.KeyPosts is not null) Counts.Add(ApplyKeyPosts(sheets.KeyPosts));
        }

        /// <summary>
        /// What to write, fixed before the transaction (so that a retried transaction writes the
        /// same): new rows in the order their foreign keys need, then the changed stored rows.
        /// New posts, education records and transitions are found in their owners' collections.
        /// </summary>
        public WritePlan Plan()
        {
            var records = new List<(Person Owner, EducationRecord Record)>();
            var posts = new List<Post>();
            foreach (var person in _persons.Values)
            {
                foreach (var record in person.EducationHistory)
                    if (record.Id == 0)
                    {
                        records.Add((person, record));
                        if (person.Id != 0) _changedPersons.Add(person); // a graduation raised a stored person's education
                    }
                foreach (var post in person.Posts)
                    if (post.Id == 0) posts.Add(post);
            }
            var transitions = _changedEnrollments
                .SelectMany(e => e.Transitions.Where(t => t.Id == 0).Select(t => (Owner: e, Transition: t)))
                .ToList();
            return new WritePlan(this, records, posts, transitions);
        }

        public sealed class WritePlan(Run run, List<(Person Owner, EducationRecord Record)> records, List<Post> posts,
            List<(Enrollment Owner, EnrollmentTransition Transition)> transitions)
        {
            public async Task WriteAsync(BulkWriter writer, CancellationToken ct)
            {
                await writer.InsertAsync(run._newUnits, ct);
                await writer.UpdateAsync(run._changedUnits, ct);
                await writer.InsertAsync(run._newPersons, ct);
                await writer.UpdateAsync(run._changedPersons, ct);
                await writer.InsertAsync(records.Select(r => r.Record).ToList(), ct, (nameof(EducationRecord.PersonId), Owner(records)));
                await writer.InsertAsync(posts, ct);
                await writer.UpdateAsync(run._changedPosts, ct);
                await writer.InsertAsync(run._newSchools, ct);
                await writer.InsertAsync(run._newPrograms, ct);
                await writer.InsertAsync(run._newCohorts, ct);
                await writer.InsertAsync(run._newEnrollments, ct);
                await writer.UpdateAsync(run._changedEnrollments, ct);
                await writer.InsertAsync(transitions.Select(t => t.Transition).ToList(), ct,
                    (nameof(EnrollmentTransition.EnrollmentId), Owner(transitions)));
                await writer.InsertAsync(run._newReserves, ct);
                await writer.UpdateAsync(run._changedReserves, ct);
            }

            private static Func<TChild, object> Owner<TOwner, TChild>(List<(TOwner Owner, TChild Child)> pairs)
                where TOwner : class where TChild : class
            {
                var owners = new Dictionary<TChild, TOwner>(ReferenceEqualityComparer.Instance);
                foreach (var (owner, child) in pairs) owners[child] = owner;
                var key = typeof(TOwner).GetProperty("Id")!;
                return child => key.GetValue(owners[child])!;
            }
        }

        private SheetCounts ApplyOrg(List<OrgRow> rows)
        {
            const string sheet = RosterSheets.Org;
            var c = new Counter(sheet);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var r in rows)
            {
                if (Duplicate(seen, r.Code, r.Row, sheet, "代码", "代码")) continue;
                _units.TryGetValue(r.ParentCode ?? "", out var parent);
                if (r.ParentCode is not null && parent is null)
                {
                    if (!sheets.BadCodes.Contains(r.ParentCode))
                        errors.Add(new(sheet, r.Row, "上级代码", $"上级代码“{r.ParentCode}”不存在（系统中和本表前面的行中都没有）"));
                    continue;
                }
                if (parent is not null && parent.Level != r.Level - 1)
                {
                    errors.Add(new(sheet, r.Row, "上级代码",
                        $"上级“{parent.Code} {parent.Name}”是{parent.Level.Name()}，{r.Level.Name()}的上级应为{(r.Level - 1).Name()}"));
                    continue;
                }

                if (_units.TryGetValue(r.Code, out var unit))
                {
                    if (unit.Level != r.Level)
                    {
                        errors.Add(new(sheet, r.Row, "层级", $"系统中“{unit.Code} {unit.Name}”是{unit.Level.Name()}，层级不能更改"));
                        continue;
                    }
                    var expectedPath = parent is null ? $"/{r.Code}/" : parent.Path + r.Code + "/";
                    if (unit.Path != expectedPath)
                    {
                        var segments = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
                        var current = segments.Length > 1 ? segments[^2] : "（无）";
                        errors.Add(new(sheet, r.Row, "上级代码", $"系统中“{unit.Code} {unit.Name}”的上级是“{current}”，上级不能更改"));
                        continue;
                    }
                    if (unit.Name == r.Name && unit.Kind == r.Kind) { c.Unchanged++; continue; }
                    Try(sheet, r.Row, "名称", () =>
                    {
                        unit.Rename(r.Name);
                        if (r.Kind is { } kind) unit.ChangeKind(kind);
                    });
                    _changedUnits.Add(unit);
                    c.Updated++;
                }
                else
                {
                    var created = Try(sheet, r.Row, "代码", () =>
                        parent is null ? OrgUnit.CreateCity(r.Code, r.Name) : OrgUnit.CreateChild(parent, r.Code, r.Name, r.Kind));
                    if (created is null) continue;
                    _units[r.Code] = created;
                    _newUnits.Add(created);
                    c.Added++;
                }
            }
            return c.Result();
        }

        private SheetCounts ApplyPersons(List<PersonRow> rows)
        {
            const string sheet = RosterSheets.Persons;
            var c = new Counter(sheet);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var r in rows)
            {
                if (Duplicate(seen, r.IdNumber, r.Row, sheet, "身份证号", "身份证号")) continue;
                if (Village(sheet, r.Row, "所在村社区代码", r.VillageCode) is not { } village) continue;
                if (_persons.TryGetValue(r.IdNumber, out var person))
                {
                    var sameVillage = ReferenceEquals(person.Village, village) || (village.Id != 0 && person.VillageId == village.Id);
                    if (person.Name == r.Name && person.Phone == r.Phone && person.PoliticalStatus == r.Political
                        && person.BaseEducation == r.Education && sameVillage)
                    {
                        c.Unchanged++;
                        continue;
                    }
                    Try(sheet, r.Row, "姓名", () =>
                    {
                        person.UpdateContact(r.Name, r.Phone, r.Political);
                        if (!sameVillage) person.MoveTo(village);
                        if (person.BaseEducation != r.Education) person.CorrectBaseEducation(r.Education, "花名册导入", now);
                    });
                    _changedPersons.Add(person);
                    c.Updated++;
                }
                else
                {
                    var created = Try(sheet, r.Row, "身份证号", () =>
                        Person.Register(r.IdNumber, r.Name, r.Phone, r.Political, r.Education, village, today, now));
                    if (created is null) continue;
                    _persons[r.IdNumber] = created;
                    _newPersons.Add(created);
                    c.Added++;
                }
            }
            return c.Result();
        }

        private SheetCounts ApplyPosts(List<PostRow> rows)
        {
            const string sheet = RosterSheets.Posts;
            var c = new Counter(sheet);
            var seen = new Dictionary<(string, string, PostType, DateOnly), int>();
            foreach (var r in rows)
            {
                if (Duplicate(seen, (r.IdNumber, r.VillageCode, r.Type, r.Start), r.Row, sheet, "身份证号", "身份证号、村社区代码、职务、任职日期")) continue;
                var person = PersonOf(sheet, r.Row, r.IdNumber);
                var village = Village(sheet, r.Row, "村社区代码", r.VillageCode);
                if (person is null || village is null) continue;
                var post = person.Posts.FirstOrDefault(p => p.Type == r.Type && p.StartDate == r.Start
                    && (ReferenceEquals(p.Village, village) || (village.Id != 0 && p.VillageId == village.Id)));
                if (post is not null)
                {
                    if (post.EndDate == r.End) { c.Unchanged++; continue; }
                    Try(sheet, r.Row, "离任日期", () => person.ChangePostEnd(post, r.End));
                    if (post.Id != 0) _changedPosts.Add(post);
                    c.Updated++;
                }
                else
                {
                    if (Try(sheet, r.Row, "任职日期", () => person.AddPost(village, r.Type, r.Start, r.End)) is null) continue;
                    c.Added++;
                }
            }
            return c.Result();
        }

        private SheetCounts ApplyEnrollments(List<EnrollmentRow> rows)
        {
            const string sheet = RosterSheets.Enrollments;
            var c = new Counter(sheet);
            var seen = new Dictionary<(string, int, DegreeLevel), int>();
            // The enrollment each person has that blocks another active one (IX_Enrollments_OneActivePerPerson), and its row.
            var activeRow = new Dictionary<Person, int>();
            foreach (var r in rows)
            {
                if (Duplicate(seen, (r.IdNumber, r.Year, r.Level), r.Row, sheet, "身份证号", "身份证号、年度、层次")) continue;
                if (PersonOf(sheet, r.Row, r.IdNumber) is not { } person) continue;
                var program = ProgramOf(r);
                var cohort = CohortOf(r.Year);
                var list = person.Id == 0 ? NewList(person) : ListOf(person.Id);
                var enrollment = list.FirstOrDefault(e => e.Year == r.Year && e.Level == r.Level);
                if (enrollment is not null)
                {
                    var changed = Try(sheet, r.Row, "状态", () => enrollment.ApplyHistorical(program, r.Split, r.State, r.GraduatedOn, Actor, today, now, r.WithdrawnOn));
                    if (changed is null) continue;
                    if (changed.Value)
                    {
                        if (enrollment.Id != 0) _changedEnrollments.Add(enrollment);
                        c.Updated++;
                    }
                    else c.Unchanged++;
                }
                else
                {
                    enrollment = Try(sheet, r.Row, "状态", () =>
                        Enrollment.Historical(person, cohort, program, r.Split, r.State, r.GraduatedOn, r.WithdrawnOn, now));
                    if (enrollment is null) continue;
                    list.Add(enrollment);
                    _newEnrollments.Add(enrollment);
                    c.Added++;
                }
                if (enrollment.State.IsActive())
                {
                    var other = list.FirstOrDefault(e => e != enrollment && e.State.IsActive());
                    if (other is not null)
                    {
                        var where = activeRow.TryGetValue(person, out var at) ? $"第{at}行" : $"系统中{other.Year}年{other.Level.Name()}的记录（{other.State.Name()}）";
                        errors.Add(new(sheet, r.Row, "状态", $"同一人同时只能有一条在读或正在办理的学历教育，{where}已是“{other.State.Name()}”"));
                    }
                    else activeRow[person] = r.Row;
                }
            }
            return c.Result();
        }

        private readonly Dictionary<Person, List<Enrollment>> _newPersonEnrollments = [];

        private List<Enrollment> NewList(Person person)
        {
            if (!_newPersonEnrollments.TryGetValue(person, out var list)) _newPersonEnrollments[person] = list = [];
            return list;
        }

        private StudyProgram ProgramOf(EnrollmentRow r)
        {
            if (!_schools.TryGetValue(r.School, out var school))
            {
                _schools[r.School] = school = School.Create(r.School);
                _newSchools.Add(school);
            }
            if (!_programs.TryGetValue((school, r.Program, r.Level), out var program))
            {
                // Duration is not in the sheet: three years, as every program of the demo catalog; the catalog page corrects it.
                _programs[(school, r.Program, r.Level)] = program = StudyProgram.Create(school, r.Program, r.Level, 3);
                _newPrograms.Add(program);
            }
            return program;
        }

        /// <summary>A missing cohort year is created with a closed application window (1 January only) and the policy minimum quota.</summary>
        private Cohort CohortOf(int year)
        {
            if (!_cohorts.TryGetValue(year, out var cohort))
            {
                var day = new DateOnly(year, 1, 1);
                _cohorts[year] = cohort = Cohort.Create(year, "", day, day, Cohort.MinimumCityQuota);
                _newCohorts.Add(cohort);
            }
            return cohort;
        }

        private SheetCounts ApplyReserves(List<ReserveRow> rows)
        {
            const string sheet = RosterSheets.Reserves;
            var c = new Counter(sheet);
            var seen = new Dictionary<(string, ReserveTarget), int>();
            foreach (var r in rows)
            {
                if (Duplicate(seen, (r.IdNumber, r.Target), r.Row, sheet, "身份证号", "身份证号、后备类型")) continue;
                var person = PersonOf(sheet, r.Row, r.IdNumber);
                var village = Village(sheet, r.Row, "村社区代码", r.VillageCode);
                if (person is null || village is null) continue;
                if (person.Id != 0 && _storedReserves.TryGetValue((person.Id, r.Target), out var reserve))
                {
                    var changed = Try(sheet, r.Row, "状态", () => reserve.ApplyImport(village, r.State, r.InPoolOn, today));
                    if (changed is null) continue;
                    if (changed.Value)
                    {
                        _changedReserves.Add(reserve);
                        c.Updated++;
                    }
                    else c.Unchanged++;
                }
                else
                {
                    var candidate = Try(sheet, r.Row, "状态", () => ReserveCandidate.Imported(person, village, r.Target, r.State, r.InPoolOn, today));
                    if (candidate is null) continue;
                    _newReserves.Add(candidate);
                    c.Added++;
                }
            }
            return c.Result();
        }

        private SheetCounts ApplyKeyPosts(List<KeyPostRow> rows)
        {
            const string sheet = RosterSheets.KeyPosts;
            var c = new Counter(sheet);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var r in rows)
            {
                if (Duplicate(seen, r.VillageCode, r.Row, sheet, "村社区代码", "村社区代码")) continue;
                if (Village(sheet, r.Row, "村社区代码", r.VillageCode) is not { } village) continue;
                if (village.KeyPosts == r.Count) { c.Unchanged++; continue; }
                if (Try(sheet, r.Row, "关键岗位数", () => village.SetKeyPosts(r.Count)))
                {
                    // A village this file creates gets its key posts as a new row; a stored one's change is an update.
                    if (village.Id == 0) c.Added++;
                    else
                    {
                        _changedUnits.Add(village);
                        c.Updated++;
                    }
                }
            }
            return c.Result();
        }

        // -- shared checks

        private bool Duplicate<TKey>(Dictionary<TKey, int> seen, TKey key, int row, string sheet, string column, string keyColumns) where TKey : notnull
        {
            if (seen.TryAdd(key, row)) return false;
            errors.Add(new(sheet, row, column, $"与第{seen[key]}行重复（{keyColumns}相同）"));
            return true;
        }

        private OrgUnit? Village(string sheet, int row, string column, string code)
        {
            if (!_units.TryGetValue(code, out var unit))
            {
                if (!sheets.BadCodes.Contains(code))
                    errors.Add(new(sheet, row, column, $"村社区代码“{code}”不存在（系统中和“组织”表中都没有）"));
                return null;
            }
            if (unit.Level != OrgLevel.Village)
            {
                errors.Add(new(sheet, row, column, $"“{unit.Code} {unit.Name}”是{unit.Level.Name()}，不是村社区"));
                return null;
            }
            return unit;
        }

        private Person? PersonOf(string sheet, int row, string idNumber)
        {
            if (_persons.TryGetValue(idNumber, out var person)) return person;
            if (!sheets.BadIds.Contains(idNumber))
                errors.Add(new(sheet, row, "身份证号", $"人员不存在：系统中和“人员”表中都没有身份证号为 {ResidentId.Mask(idNumber)} 的人员"));
            return null;
        }

        private T? Try<T>(string sheet, int row, string column, Func<T> action) where T : class
        {
            try { return action(); }
            catch (DomainException e)
            {
                errors.Add(new(sheet, row, column, e.Message.TrimEnd('。')));
                return null;
            }
        }

        private bool? Try(string sheet, int row, string column, Func<bool> action)
        {
            try { return action(); }
            catch (DomainException e)
            {
                errors.Add(new(sheet, row, column, e.Message.TrimEnd('。')));
                return null;
            }
        }

        private bool Try(string sheet, int row, string column, Action action) =>
            Try(sheet, row, column, () => { action(); return true; }) == true;

        private sealed class Counter(string sheet)
        {
            public int Added;
            public int Updated;
            public int Unchanged;
            public SheetCounts Result() => new(sheet, Added, Updated, Unchanged);
        }
    }
}
