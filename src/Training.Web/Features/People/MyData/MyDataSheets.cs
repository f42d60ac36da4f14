using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Features.Audit;
using Training.Web.Features.DataExchange.Exports;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.People.MyData;

/// <summary>
/// Everything the portal holds about the signed-in trainee (PIPL Art. 45: the right to see and copy it), as sheets of
/// text: the account and the roster record (one row each), then the lists — posts, education, degree study, reserve
/// candidacies, classes, the 学时 ledger, certificates, what the audit trail holds of the account and the trainee's
/// 更正申请. The page shows the two records and how many rows each list has (one compiled query for all the counts,
/// <see cref="CountsOf"/>), a list's own page shows it 20 rows a page, the download writes every sheet whole: one
/// definition of each list's rows for the list's page and the download.
/// </summary>
public sealed class MyDataSheets(TrainingDbContext db, CurrentUser me)
{
    /// <summary>A sheet: its rows (a page of them, or all) and how many there are.</summary>
    public sealed record Sheet(string Key, string Title, IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows, int Total);

    /// <summary>A list sheet and how many rows it has, for the page's summary.</summary>
    public sealed record Count(string Key, string Title, int Total);

    /// <summary>The key of the 更正申请 list, shown whole on the page itself (the unit answers there).</summary>
    public const string CorrectionsKey = "corrections";

    private int PersonId => me.PersonId ?? throw new InvalidOperationException("MyData is a trainee's page: the account has no person.");

    /// <summary>The account and the roster record, one row each.</summary>
    public async Task<IReadOnlyList<Sheet>> RecordsAsync(CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == me.UserId)
            .Select(u => new { u.UserName, u.DisplayName, u.PhoneNumber, u.CreatedAt, u.PasswordChangedAt, u.TwoFactorEnabled })
            .SingleAsync(ct);
        var person = await db.Persons.AsNoTracking().InScope(me)
            .Select(p => new { p.Name, p.IdNumber, p.Sex, p.BirthDate, p.Phone, p.PoliticalStatus, p.Education, Village = p.Village.Name })
            .SingleAsync(ct);
        return
        [
            new("account", MyDataTexts.AccountSheet, MyDataTexts.AccountHeaders,
                [[account.UserName!, account.DisplayName, account.PhoneNumber ?? "", ChinaTime.Format(account.CreatedAt),
                  account.PasswordChangedAt is { } changed ? ChinaTime.Format(changed) : "", account.TwoFactorEnabled ? MyDataTexts.Yes : MyDataTexts.No]], 1),
            new("person", MyDataTexts.PersonSheet, MyDataTexts.PersonHeaders,
                [[person.Name, person.IdNumber, person.Sex.Name(), Day(person.BirthDate), person.Phone ?? "", person.PoliticalStatus.Name(), person.Education.Name(), person.Village]], 1),
        ];
    }

    /// <summary>How many rows every list sheet has, in one query (a scalar subquery a list), compiled once.</summary>
    public async Task<IReadOnlyList<Count>> CountsAsync(CancellationToken ct)
    {
        var totals = await CountsOf(db, PersonId, me.UserName, ct);
        return Lists().Select((l, i) => new Count(l.Key, l.Title, totals[i])).ToList();
    }

    /// <summary>
    /// The lists' counts in <see cref="BuildLists"/>'s order. Each list is the trainee's own rows, so each counts by the
    /// person (the trail by the account's name): the same rows the scope helper gives a trainee, written out so the query
    /// compiles once (built per request, nine queries of expression trees cost more than the SQL). MyData's tests hold
    /// every count to its list's page.
    /// </summary>
    private static readonly Func<TrainingDbContext, int, string, CancellationToken, Task<int[]>> CountsOf = EF.CompileAsyncQuery(
        (TrainingDbContext db, int personId, string userName, CancellationToken ct) => db.Persons.Where(p => p.Id == personId).Select(p => new[]
        {
            db.Posts.Count(x => x.PersonId == personId),
            db.EducationRecords.Count(x => x.PersonId == personId),
            db.Enrollments.Count(x => x.PersonId == personId),
            db.Reserves.Count(x => x.PersonId == personId),
            db.ClassParticipants.Count(x => x.PersonId == personId),
            db.StudyLedger.Count(x => x.PersonId == personId),
            db.Certificates.Count(x => x.PersonId == personId),
            db.Audit.Count(x => x.UserName == userName),
            db.CorrectionRequests.Count(x => x.PersonId == personId),
        }).Single());

    /// <summary>A page of one list sheet; null when there is no sheet of that key.</summary>
    /// <param name="total">The list's count when the caller has it from <see cref="CountsAsync"/>.</param>
    public async Task<(Sheet Sheet, Paged<string[]> Rows)?> PageAsync(string key, int pageNumber, CancellationToken ct, int? total = null)
    {
        if (Lists().FirstOrDefault(l => l.Key == key) is not { } list) return null;
        var rows = await list.PageAsync(pageNumber, ct, total);
        return (new Sheet(list.Key, list.Title, list.Headers, rows.Items, rows.Total), rows);
    }

    /// <summary>
    /// Every sheet with every row into <paramref name="book"/>: the download. Each list is read as it is written, a row
    /// at a time (the trail grows with every sign-in and download: held in lists, a long one cost the server memory
    /// three times over). Returns how many sheets and rows it wrote, for the download's audit entry.
    /// </summary>
    internal async Task<(int Sheets, int Rows)> WriteAllAsync(ExportBook book, CancellationToken ct)
    {
        var records = await RecordsAsync(ct);
        foreach (var sheet in records) await book.WriteSheetAsync(sheet.Title, sheet.Headers, sheet.Rows.ToAsyncEnumerable(), ct);
        foreach (var list in Lists()) await list.WriteAsync(book, ct);
        return (records.Count + Lists().Count, book.Rows);
    }

    private IReadOnlyList<ListSheet>? lists;

    private IReadOnlyList<ListSheet> Lists() => lists ??= BuildLists();

    /// <summary>The list sheets in the order the page and the workbook show them; each query in the trainee's scope.</summary>
    private ListSheet[] BuildLists()
    {
        var personId = PersonId;
        var userName = me.UserName;
        return
        [
            ListSheet.Of("posts", MyDataTexts.PostsSheet, MyDataTexts.PostsHeaders,
                () => db.Posts.AsNoTracking().InScope(me).OrderBy(p => p.StartDate).ThenBy(p => p.Id).Select(p => new { Village = p.Village.Name, p.Type, p.StartDate, p.EndDate }),
                p => [p.Village, p.Type.Name(), Day(p.StartDate), Day(p.EndDate)]),
            ListSheet.Of("education", MyDataTexts.EducationSheet, MyDataTexts.EducationHeaders,
                () => db.EducationRecords.AsNoTracking().Where(e => e.PersonId == personId).OrderBy(e => e.RecordedAt).ThenBy(e => e.Id),
                e => [e.Level.Name(), Day(e.EffectiveOn), PeopleTexts.SourceName(e.Source), e.Note]),
            ListSheet.Of("enrollments", MyDataTexts.EnrollmentsSheet, MyDataTexts.EnrollmentsHeaders,
                () => db.Enrollments.AsNoTracking().InScope(me).OrderBy(e => e.Year).ThenBy(e => e.Id).Select(e => new { e.Year, School = e.Program.School.Name, Program = e.Program.Name, e.Level, e.State, e.AdmittedOn, e.GraduatedOn }),
                e => [e.Year.ToString(), e.School, e.Program, e.Level.Name(), e.State.Name(), Day(e.AdmittedOn), Day(e.GraduatedOn)]),
            ListSheet.Of("reserves", MyDataTexts.ReservesSheet, MyDataTexts.ReservesHeaders,
                () => db.Reserves.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.RecommendedOn).ThenBy(r => r.Id).Select(r => new { r.Target, r.State, r.RecommendedOn, r.InPoolOn, r.LeftPoolOn }),
                r => [r.Target.Name(), r.State.Name(), Day(r.RecommendedOn), Day(r.InPoolOn), Day(r.LeftPoolOn)]),
            ListSheet.Of("classes", MyDataTexts.ClassesSheet, MyDataTexts.ClassesHeaders,
                () => db.ClassParticipants.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.EnrolledOn).ThenBy(c => c.Id).Select(c => new { c.Class.Name, c.Class.StartOn, c.Class.EndOn, c.EnrolledOn }),
                c => [c.Name, Day(c.StartOn), Day(c.EndOn), Day(c.EnrolledOn)]),
            ListSheet.Of("hours", MyDataTexts.HoursSheet, MyDataTexts.HoursHeaders,
                () => db.StudyLedger.AsNoTracking().Where(e => e.PersonId == personId).OrderBy(e => e.On).ThenBy(e => e.Id),
                e => [Day(e.On), LearningNames.HoursText(e.Hours), e.Required ? MyDataTexts.Yes : MyDataTexts.No, e.Source.Name(), e.Reason ?? "", e.RecordedBy]),
            ListSheet.Of("certificates", MyDataTexts.CertificatesSheet, MyDataTexts.CertificatesHeaders,
                () => db.Certificates.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.IssuedOn).ThenBy(c => c.Id).Select(c => new { c.Number, Class = c.Class.Name, c.Hours, c.IssuedOn, c.RevokedAt, c.RevokeReason }),
                c => [c.Number, c.Class, LearningNames.HoursText(c.Hours), Day(c.IssuedOn), c.RevokedAt is { } r ? ChinaTime.Format(r) : "", c.RevokeReason ?? ""]),
            ListSheet.Of("trail", MyDataTexts.TrailSheet, MyDataTexts.TrailHeaders,
                () => db.Audit.AsNoTracking().Where(a => a.UserName == userName).OrderByDescending(a => a.Id).ToRows(),
                a => [ChinaTime.Format(a.At), a.Action, a.Detail, AuditTexts.OutcomeName(a.Outcome), a.Source ?? ""]),
            ListSheet.Of(CorrectionsKey, MyDataTexts.CorrectionsSheet, MyDataTexts.CorrectionsHeaders,
                () => db.CorrectionRequests.AsNoTracking().InScope(me).OrderByDescending(c => c.Id),
                c => [ChinaTime.Format(c.RequestedAt), c.Text, c.State.Name(), c.Reply ?? "", c.HandledBy ?? "", c.HandledAt is { } h ? ChinaTime.Format(h) : ""]),
        ];
    }

    /// <summary>A list sheet: its ordered rows in the trainee's scope and how a row reads as text.</summary>
    private abstract class ListSheet(string key, string title, IReadOnlyList<string> headers)
    {
        public string Key => key;
        public string Title => title;
        public IReadOnlyList<string> Headers => headers;

        /// <param name="total">The list's count when already read (<see cref="CountsAsync"/>), else it is counted.</param>
        public abstract Task<Paged<string[]>> PageAsync(int pageNumber, CancellationToken ct, int? total = null);

        public abstract Task WriteAsync(ExportBook book, CancellationToken ct);

        public static ListSheet Of<T>(string key, string title, IReadOnlyList<string> headers, Func<IQueryable<T>> ordered, Func<T, string[]> row) =>
            new Typed<T>(key, title, headers, ordered, row);

        /// <param name="ordered">Builds the query: only for the list read (expression trees cost per request).</param>
        private sealed class Typed<T>(string key, string title, IReadOnlyList<string> headers, Func<IQueryable<T>> ordered, Func<T, string[]> row)
            : ListSheet(key, title, headers)
        {
            public override async Task<Paged<string[]>> PageAsync(int pageNumber, CancellationToken ct, int? total)
            {
                var page = await ordered().ToPagedAsync(pageNumber, ct, count: total is { } known ? _ => Task.FromResult(known) : null);
                return new Paged<string[]>(page.Items.Select(row).ToList(), page.PageNumber, page.PageSize, page.Total);
            }

            public override Task WriteAsync(ExportBook book, CancellationToken ct) =>
                book.WriteSheetAsync(Title, Headers, ordered().AsAsyncEnumerable().Select(row), ct);
        }
    }

    private static string Day(DateOnly? day) => day is { } d ? d.ToString("yyyy-MM-dd") : "";
}
