using Microsoft.EntityFrameworkCore;
using SpreadCheetah;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Import.Roster;

namespace Training.Web.Features.DataExchange.Exports;

/// <summary>
/// 人员花名册: the scope's roster in exactly the roster import's format (<see cref="RosterSheets"/>:
/// the six sheets, their names, headers and order), so that an unmasked export can be imported
/// again. Every sheet is streamed from the database.
/// </summary>
/// <remarks>
/// What the format holds and what it does not (the import's contract, IMPORT-EXPORT.md):
/// 人员.学历 is the recorded base education (graduations are rows of 学历教育 and raise it again
/// on import); 学历教育 lists the enrollments that reached admission, without withdrawal dates
/// (an imported withdrawal is dated on its admission day) and with admission on 1 September of
/// the year; 后备 has no date of leaving the pool and no 未通过 state (declined candidates are
/// left out). 组织 starts with the scope's ancestors so that a district's file imports into an
/// empty database. A masked export (ID numbers 440103********123X) cannot be imported.
/// </remarks>
public static class RosterExport
{
    public static async Task<int> WriteAsync(TrainingDbContext db, int scopeUnitId, bool unmasked, string path,
        ExportProgressCallback? progress = null, CancellationToken ct = default)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        return await WriteAsync(db, scopeUnitId, unmasked, file, progress, ct);
    }

    /// <summary>Writes the six sheets to <paramref name="output"/>; returns the rows written over all sheets.</summary>
    public static async Task<int> WriteAsync(TrainingDbContext db, int scopeUnitId, bool unmasked, Stream output,
        ExportProgressCallback? progress = null, CancellationToken ct = default)
    {
        var scope = await ExportScope.GetAsync(db, scopeUnitId, ct);
        var p = scope.Path;
        var ancestors = p.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).ToList();

        var units = db.OrgUnits.AsNoTracking().Where(u => OrgPaths.IsUnder(u.Path, p) || ancestors.Contains(u.Code));
        var persons = db.Persons.AsNoTracking().Where(x => OrgPaths.IsUnder(x.Village.Path, p));
        var posts = db.Posts.AsNoTracking().Where(x => OrgPaths.IsUnder(x.Village.Path, p));
        var enrollments = db.Enrollments.AsNoTracking().Where(x => OrgPaths.IsUnder(x.Village.Path, p)).Where(Enrollment.HasReachedAdmission);
        var reserves = db.Reserves.AsNoTracking().Where(x => OrgPaths.IsUnder(x.Village.Path, p) && x.State != ReserveState.Declined);
        var villages = db.OrgUnits.AsNoTracking().Where(u => OrgPaths.IsUnder(u.Path, p) && u.Level == OrgLevel.Village);

        var total = await units.CountAsync(ct) + await persons.CountAsync(ct) + await posts.CountAsync(ct)
            + await enrollments.CountAsync(ct) + await reserves.CountAsync(ct) + await villages.CountAsync(ct);

        await using var book = await ExportBook.CreateAsync(output, total, progress, ct);

        // 组织: parents before children (by level), so the import finds every 上级代码 earlier in the sheet.
        await book.StartSheetAsync(RosterSheets.Org, RosterSheets.OrgColumns, ct);
        var org = new Cell[RosterSheets.OrgColumns.Count];
        await foreach (var u in units.OrderBy(u => u.Level).ThenBy(u => u.Code)
            .Select(u => new { u.Code, u.Name, u.Level, ParentCode = u.Parent == null ? null : u.Parent.Code, u.Kind })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            org[0] = ExportBook.Text(u.Code);
            org[1] = ExportBook.Text(u.Name);
            org[2] = ExportBook.Text(u.Level.Name());
            org[3] = ExportBook.Text(u.ParentCode);
            org[4] = ExportBook.Text(u.Kind?.Name());
            await book.AddRowAsync(org, ct);
        }

        await book.StartSheetAsync(RosterSheets.Persons, RosterSheets.PersonColumns, ct);
        var person = new Cell[RosterSheets.PersonColumns.Count];
        await foreach (var x in persons.OrderBy(x => x.Village.Code).ThenBy(x => x.Id)
            .Select(x => new { x.IdNumber, x.Name, x.Phone, x.PoliticalStatus, x.BaseEducation, VillageCode = x.Village.Code })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            person[0] = ExportBook.IdNumber(x.IdNumber, unmasked);
            person[1] = ExportBook.Text(x.Name);
            person[2] = ExportBook.Phone(x.Phone, unmasked);
            person[3] = ExportBook.Text(x.PoliticalStatus.Name());
            person[4] = ExportBook.Text(x.BaseEducation.Name());
            person[5] = ExportBook.Text(x.VillageCode);
            await book.AddRowAsync(person, ct);
        }

        await book.StartSheetAsync(RosterSheets.Posts, RosterSheets.PostColumns, ct);
        var post = new Cell[RosterSheets.PostColumns.Count];
        await foreach (var x in posts.OrderBy(x => x.Village.Code).ThenBy(x => x.PersonId).ThenBy(x => x.StartDate).ThenBy(x => x.Id)
            .Select(x => new { x.Person.IdNumber, VillageCode = x.Village.Code, x.Type, x.StartDate, x.EndDate })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            post[0] = ExportBook.IdNumber(x.IdNumber, unmasked);
            post[1] = ExportBook.Text(x.VillageCode);
            post[2] = ExportBook.Text(x.Type.Name());
            post[3] = book.Date(x.StartDate);
            post[4] = book.Date(x.EndDate);
            await book.AddRowAsync(post, ct);
        }

        await book.StartSheetAsync(RosterSheets.Enrollments, RosterSheets.EnrollmentColumns, ct);
        var enrollment = new Cell[RosterSheets.EnrollmentColumns.Count];
        await foreach (var x in enrollments.OrderBy(x => x.Village.Code).ThenBy(x => x.Year).ThenBy(x => x.Id)
            .Select(x => new
            {
                x.Person.IdNumber, x.Year, x.Level, School = x.Program.School.Name, Program = x.Program.Name, x.State, x.GraduatedOn, x.WithdrawnOn,
                x.Split.TotalFen, x.Split.SubsidyFen, x.Split.WaiverFen, x.Split.SelfPaidFen,
            })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            enrollment[0] = ExportBook.IdNumber(x.IdNumber, unmasked);
            enrollment[1] = new Cell(x.Year);
            enrollment[2] = ExportBook.Text(x.Level.Name());
            enrollment[3] = ExportBook.Text(x.School);
            enrollment[4] = ExportBook.Text(x.Program);
            enrollment[5] = ExportBook.Text(x.State.Name());
            // One date column: the graduation day, or the withdrawal day of an 已退学 row (the import reads it back so).
            enrollment[6] = book.Date(x.State switch
            {
                EnrollmentState.Graduated => x.GraduatedOn,
                EnrollmentState.Withdrawn => x.WithdrawnOn,
                _ => null,
            });
            enrollment[7] = book.Money(x.TotalFen);
            enrollment[8] = book.Money(x.SubsidyFen);
            enrollment[9] = book.Money(x.WaiverFen);
            enrollment[10] = book.Money(x.SelfPaidFen);
            await book.AddRowAsync(enrollment, ct);
        }

        await book.StartSheetAsync(RosterSheets.Reserves, RosterSheets.ReserveColumns, ct);
        var reserve = new Cell[RosterSheets.ReserveColumns.Count];
        await foreach (var x in reserves.OrderBy(x => x.Village.Code).ThenBy(x => x.PersonId).ThenBy(x => x.Id)
            .Select(x => new { x.Person.IdNumber, VillageCode = x.Village.Code, x.Target, x.State, x.InPoolOn })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            reserve[0] = ExportBook.IdNumber(x.IdNumber, unmasked);
            reserve[1] = ExportBook.Text(x.VillageCode);
            reserve[2] = ExportBook.Text(x.Target.Name());
            reserve[3] = ExportBook.Text(x.State.Name());
            reserve[4] = book.Date(x.InPoolOn);
            await book.AddRowAsync(reserve, ct);
        }

        await book.StartSheetAsync(RosterSheets.KeyPosts, RosterSheets.KeyPostColumns, ct);
        var keyPosts = new Cell[RosterSheets.KeyPostColumns.Count];
        await foreach (var x in villages.OrderBy(u => u.Code).Select(u => new { u.Code, u.KeyPosts }).AsAsyncEnumerable().WithCancellation(ct))
        {
            keyPosts[0] = ExportBook.Text(x.Code);
            keyPosts[1] = new Cell(x.KeyPosts);
            await book.AddRowAsync(keyPosts, ct);
        }

        await book.FinishAsync(ct);
        return book.Rows;
    }
}
