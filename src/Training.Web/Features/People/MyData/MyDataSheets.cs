using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.People.MyData;

/// <summary>
/// Everything the portal holds about the signed-in trainee (PIPL Art. 45: the right to see and copy it), as sheets of
/// text: the account, the roster record, posts, education, degree study, reserve candidacies, classes, the 学时 ledger,
/// certificates, what the audit trail holds of the account and the trainee's 更正申请. The page shows them, the
/// download writes the same sheets: one reading for both, so the copy is the page.
/// </summary>
public sealed class MyDataSheets(TrainingDbContext db, CurrentUser me)
{
    /// <summary>A sheet: its first rows (all of them for the download) and how many there are.</summary>
    public sealed record Sheet(string Title, IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows, int Total);

    /// <param name="rowsPerSheet">The page's first rows of each sheet; null: every row (the download).</param>
    public async Task<IReadOnlyList<Sheet>> ReadAsync(int? rowsPerSheet, CancellationToken ct)
    {
        async Task<Sheet> SheetAsync<T>(string title, IReadOnlyList<string> headers, IQueryable<T> ordered, Func<T, string[]> row)
        {
            var rows = await (rowsPerSheet is { } n ? ordered.Take(n) : ordered).ToListAsync(ct);
            var total = rowsPerSheet is { } limit && rows.Count == limit ? await ordered.CountAsync(ct) : rows.Count;
            return new Sheet(title, headers, rows.Select(row).ToList(), total);
        }

        var personId = me.PersonId ?? throw new InvalidOperationException("MyData is a trainee's page: the account has no person.");
        var account = await db.Users.AsNoTracking().Where(u => u.Id == me.UserId)
            .Select(u => new { u.UserName, u.DisplayName, u.PhoneNumber, u.CreatedAt, u.PasswordChangedAt, u.TwoFactorEnabled })
            .SingleAsync(ct);
        var person = await db.Persons.AsNoTracking().InScope(me)
            .Select(p => new { p.Name, p.IdNumber, p.Sex, p.BirthDate, p.Phone, p.PoliticalStatus, p.Education, Village = p.Village.Name })
            .SingleAsync(ct);
        var userName = account.UserName!;

        return
        [
            new(MyDataTexts.AccountSheet, MyDataTexts.AccountHeaders,
                [[userName, account.DisplayName, account.PhoneNumber ?? "", ChinaTime.Format(account.CreatedAt),
                  account.PasswordChangedAt is { } changed ? ChinaTime.Format(changed) : "", account.TwoFactorEnabled ? MyDataTexts.Yes : MyDataTexts.No]], 1),
            new(MyDataTexts.PersonSheet, MyDataTexts.PersonHeaders,
                [[person.Name, person.IdNumber, person.Sex.Name(), Day(person.BirthDate), person.Phone ?? "", person.PoliticalStatus.Name(), person.Education.Name(), person.Village]], 1),
            await SheetAsync(MyDataTexts.PostsSheet, MyDataTexts.PostsHeaders, db.Posts.AsNoTracking().InScope(me).OrderBy(p => p.StartDate).Select(p => new { Village = p.Village.Name, p.Type, p.StartDate, p.EndDate }),
                p => new[] { p.Village, p.Type.Name(), Day(p.StartDate), Day(p.EndDate) }),
            await SheetAsync(MyDataTexts.EducationSheet, MyDataTexts.EducationHeaders, db.EducationRecords.AsNoTracking().Where(e => e.PersonId == personId).OrderBy(e => e.RecordedAt),
                e => new[] { e.Level.Name(), Day(e.EffectiveOn), PeopleTexts.SourceName(e.Source), e.Note }),
            await SheetAsync(MyDataTexts.EnrollmentsSheet, MyDataTexts.EnrollmentsHeaders, db.Enrollments.AsNoTracking().InScope(me).OrderBy(e => e.Year).Select(e => new { e.Year, School = e.Program.School.Name, Program = e.Program.Name, e.Level, e.State, e.AdmittedOn, e.GraduatedOn }),
                e => new[] { e.Year.ToString(), e.School, e.Program, e.Level.Name(), e.State.Name(), Day(e.AdmittedOn), Day(e.GraduatedOn) }),
            await SheetAsync(MyDataTexts.ReservesSheet, MyDataTexts.ReservesHeaders, db.Reserves.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.RecommendedOn).Select(r => new { r.Target, r.State, r.RecommendedOn, r.InPoolOn, r.LeftPoolOn }),
                r => new[] { r.Target.Name(), r.State.Name(), Day(r.RecommendedOn), Day(r.InPoolOn), Day(r.LeftPoolOn) }),
            await SheetAsync(MyDataTexts.ClassesSheet, MyDataTexts.ClassesHeaders, db.ClassParticipants.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.EnrolledOn).Select(c => new { c.Class.Name, c.Class.StartOn, c.Class.EndOn, c.EnrolledOn }),
                c => new[] { c.Name, Day(c.StartOn), Day(c.EndOn), Day(c.EnrolledOn) }),
            await SheetAsync(MyDataTexts.HoursSheet, MyDataTexts.HoursHeaders, db.StudyLedger.AsNoTracking().Where(e => e.PersonId == personId).OrderBy(e => e.On).ThenBy(e => e.Id),
                e => new[] { Day(e.On), LearningNames.HoursText(e.Hours), e.Required ? MyDataTexts.Yes : MyDataTexts.No, e.Source.Name(), e.Reason ?? "", e.RecordedBy }),
            await SheetAsync(MyDataTexts.CertificatesSheet, MyDataTexts.CertificatesHeaders, db.Certificates.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.IssuedOn).Select(c => new { c.Number, Class = c.Class.Name, c.Hours, c.IssuedOn, c.RevokedAt, c.RevokeReason }),
                c => new[] { c.Number, c.Class, LearningNames.HoursText(c.Hours), Day(c.IssuedOn), c.RevokedAt is { } r ? ChinaTime.Format(r) : "", c.RevokeReason ?? "" }),
            await SheetAsync(MyDataTexts.TrailSheet, MyDataTexts.TrailHeaders, db.Audit.AsNoTracking().Where(a => a.UserName == userName).OrderByDescending(a => a.Id),
                a => new[] { ChinaTime.Format(a.At), a.Action, a.Detail, Audit.AuditTexts.OutcomeName(a.Outcome), a.Source ?? "" }),
            await SheetAsync(MyDataTexts.CorrectionsSheet, MyDataTexts.CorrectionsHeaders, db.CorrectionRequests.AsNoTracking().InScope(me).OrderByDescending(c => c.Id),
                c => new[] { ChinaTime.Format(c.RequestedAt), c.Text, c.State.Name(), c.Reply ?? "", c.HandledBy ?? "", c.HandledAt is { } h ? ChinaTime.Format(h) : "" }),
        ];
    }

    private static string Day(DateOnly? day) => day is { } d ? d.ToString("yyyy-MM-dd") : "";
}
