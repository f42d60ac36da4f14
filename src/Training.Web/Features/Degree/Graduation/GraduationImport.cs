using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Degree;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Degree.Graduation;

/// <summary>
/// Graduation list import (IMPORT-EXPORT.md): sheet 毕业名单 of one school's registrar, all or
/// nothing. Each row names an enrollment by 身份证号 + 层次 + 年度; it must be the registrar's own
/// school's and reached admission. 已毕业 graduates it (毕业日期 and 证书编号 required; the
/// person's 学历 is raised with history, as on the registrar's page), 已退学 withdraws it
/// (毕业日期 is then the withdrawal date, today when empty). A row that equals what is stored
/// (same outcome, same date and certificate) is counted unchanged, so importing the same list
/// again writes nothing. Any bad row — or a row that would change a recorded outcome — rejects
/// the whole file with every error listed; the writes happen in one SaveChanges (one transaction).
/// Counts: <c>SheetCounts("毕业名单", Added: 0, Updated: newly graduated or withdrawn, Unchanged: the rest)</c>.
/// </summary>
public sealed class GraduationImport(TrainingDbContext db, TimeProvider clock)
{
    private readonly TrainingDbContext _db = db;
    private readonly TimeProvider _clock = clock;

    public const string Sheet = "毕业名单";
    public static readonly IReadOnlyList<string> Columns = [IdColumn, LevelColumn, YearColumn, StateColumn, DateColumn, CertificateColumn];

    private const string IdColumn = "身份证号", LevelColumn = "层次", YearColumn = "年度", StateColumn = "状态",
        DateColumn = "毕业日期", CertificateColumn = "证书编号";

    /// <summary>The transition's reason for a withdrawal from a list (the entity requires one).</summary>
    public const string WithdrawalReason = "院校毕业名单报送退学";

    private static readonly IReadOnlyDictionary<string, DegreeLevel> Levels =
        new Dictionary<string, DegreeLevel> { ["大专"] = DegreeLevel.Associate, ["本科"] = DegreeLevel.Bachelor };

    private static readonly IReadOnlyDictionary<string, EnrollmentState> Outcomes =
        new Dictionary<string, EnrollmentState> { ["已毕业"] = EnrollmentState.Graduated, ["已退学"] = EnrollmentState.Withdrawn };

    /// <summary>How many ID numbers one lookup query carries (SQL Server allows 2,100 parameters).</summary>
    private const int LookupBatch = 500;

    private sealed record ListRow(int Number, string IdNumber, DegreeLevel Level, int Year, EnrollmentState Outcome, DateOnly? On, string? Certificate);

    /// <summary>Graduations and withdrawals of the school's own enrollments; <paramref name="actor"/> is recorded on each transition.</summary>
    public async Task<ImportOutcome> RunAsync(Stream xlsx, int schoolId, string actor, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        progress?.Report(new ImportProgress(0, "读取"));
        await using var copy = xlsx.CanSeek ? null : await CopyAsync(xlsx, ct);
        using var book = WorkbookReader.TryOpen(copy ?? xlsx, out var openError);
        if (book is null) return ImportOutcome.Rejected([ImportError.File(openError!)]);
        if (!book.HasSheet(Sheet))
            return ImportOutcome.Rejected([new ImportError(Sheet, 0, "",
                $"工作簿中没有“{Sheet}”工作表（现有：{string.Join("、", book.SheetNames)}）。毕业名单应在名为“{Sheet}”的工作表中，表头为：{string.Join("、", Columns)}")]);

        var today = _clock.Today();
        var errors = new List<ImportError>();
        var rows = ReadRows(book, today, errors);
        ct.ThrowIfCancellationRequested();
        progress?.Report(new ImportProgress(30, "校验"));

        var enrollments = await LoadAsync(rows.Select(r => r.IdNumber).Distinct().ToList(), ct);
        progress?.Report(new ImportProgress(60, "校验"));

        var now = _clock.UtcNow();
        var changed = new List<Enrollment>();
        var unchanged = 0;
        foreach (var row in rows)
        {
            var enrollment = Match(row, enrollments, schoolId, errors);
            if (enrollment is null) continue;
            var before = errors.Count;
            if (IsStored(row, enrollment, errors)) { unchanged++; continue; }
            if (errors.Count > before || !Applies(row, enrollment, errors)) continue;
            if (ImportError.TryRow(errors, Sheet, row.Number, StateColumn, () =>
                {
                    if (row.Outcome == EnrollmentState.Graduated)
                        enrollment.Graduate(actor, row.On!.Value, row.Certificate!, today, now);
                    else
                        enrollment.Withdraw(actor, row.On ?? today, WithdrawalReason, today, now);
                }))
                changed.Add(enrollment);
        }

        if (errors.Count > 0)
        {
            _db.ChangeTracker.Clear();
            return ImportOutcome.Rejected(errors.OrderBy(e => e.Row).ThenBy(e => ColumnOrder(e.Column)).ToList());
        }

        progress?.Report(new ImportProgress(70, "写入"));
        var notices = new InAppNotifications(_db);
        foreach (var enrollment in changed)
            notices.Notify(enrollment.PersonId, enrollment.Id, EnrollmentMessages.For(enrollment, enrollment.Transitions[^1]), now);
        try
        {
            // One SaveChanges: the graduations, withdrawals, education records and notices are one transaction.
            await _db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            _db.ChangeTracker.Clear();
            return ImportOutcome.Rejected([ImportError.File("导入期间名单中的学籍已被他人修改，本次未写入任何数据，请重新导入。")]);
        }
        _db.ChangeTracker.Clear();
        progress?.Report(new ImportProgress(100, "完成"));
        return new ImportOutcome([new SheetCounts(Sheet, 0, changed.Count, unchanged)], []);
    }

    /// <summary>Every data row checked cell by cell; rows with a bad cell or a key repeated in the file are left out (their errors kept).</summary>
    private static List<ListRow> ReadRows(WorkbookReader book, DateOnly today, List<ImportError> errors)
    {
        var rows = new List<ListRow>();
        var firstRowOfKey = new Dictionary<(string, DegreeLevel, int), int>();
        foreach (var row in book.Rows(Sheet, Columns, errors))
        {
            var before = errors.Count;
            string? idNumber = null;
            if (row.Required(IdColumn, errors) is { } idText)
            {
                if (ResidentId.TryParse(idText, today, out var id, out var idError)) idNumber = id.Value;
                else errors.Add(row.Error(IdColumn, idError.TrimEnd('。')));
            }
            var levelText = row.Required(LevelColumn, errors);
            var level = levelText is null ? null : row.OneOf(LevelColumn, Levels, errors);
            var year = row.Required(YearColumn, errors) is null ? null : row.Integer(YearColumn, errors);
            var outcome = row.Required(StateColumn, errors) is null ? null : row.OneOf(StateColumn, Outcomes, errors);
            var on = row.Date(DateColumn, errors);
            if (on > today) errors.Add(row.Error(DateColumn, $"日期 {on:yyyy-MM-dd} 晚于今天"));
            var certificate = row.Text(CertificateColumn);
            if (outcome == EnrollmentState.Graduated)
            {
                if (row[DateColumn] is null) errors.Add(row.Error(DateColumn, "已毕业的记录必须填写毕业日期"));
                if (certificate is null) errors.Add(row.Error(CertificateColumn, "已毕业的记录必须填写毕业证书编号"));
                else if (certificate.Length > 50) errors.Add(row.Error(CertificateColumn, "毕业证书编号不能超过 50 个字符"));
            }
            else if (outcome == EnrollmentState.Withdrawn && certificate is not null)
                errors.Add(row.Error(CertificateColumn, "已退学的记录不应填写证书编号（请核对状态）"));

            if (errors.Count > before || idNumber is null || level is null || year is null || outcome is null) continue;
            var key = (idNumber, level.Value, year.Value);
            if (firstRowOfKey.TryGetValue(key, out var first))
            {
                errors.Add(row.Error(IdColumn, $"与第{first}行重复（同一身份证号、层次、年度只能出现一次）"));
                continue;
            }
            firstRowOfKey[key] = row.Number;
            rows.Add(new ListRow(row.Number, idNumber, level.Value, year.Value, outcome.Value, on, certificate));
        }
        return rows;
    }

    /// <summary>The enrollments of the listed persons (any school, any state), tracked with what a graduation changes.</summary>
    private async Task<ILookup<string, Enrollment>> LoadAsync(List<string> idNumbers, CancellationToken ct)
    {
        var found = new List<Enrollment>();
        foreach (var batch in idNumbers.Chunk(LookupBatch))
            found.AddRange(await _db.Enrollments
                .Include(e => e.Program)
                .Include(e => e.Person).ThenInclude(p => p.EducationHistory)
                .Where(e => batch.Contains(e.Person.IdNumber))
                .AsSplitQuery()
                .ToListAsync(ct));
        return found.ToLookup(e => e.Person.IdNumber);
    }

    /// <summary>The row's enrollment at this school that reached admission; null with an error when there is none.</summary>
    private static Enrollment? Match(ListRow row, ILookup<string, Enrollment> enrollments, int schoolId, List<ImportError> errors)
    {
        var candidates = enrollments[row.IdNumber].Where(e => e.Level == row.Level && e.Year == row.Year).ToList();
        var own = candidates.Where(e => e.Program.SchoolId == schoolId).ToList();
        var admitted = own.Where(e => e.State.ReachedAdmission()).ToList();
        if (admitted.Count == 1) return admitted[0];
        if (admitted.Count > 1)
            errors.Add(new ImportError(Sheet, row.Number, IdColumn, $"本校有多条该学员{row.Year}年{row.Level.Name()}的学籍，无法确定是哪一条，请在“学员学籍”页逐条登记"));
        else if (own.Count > 0)
            errors.Add(new ImportError(Sheet, row.Number, StateColumn,
                $"该学员{row.Year}年{row.Level.Name()}的报名状态为“{own[0].State.Name()}”，未录取，不能登记{Verb(row.Outcome)}"));
        else if (candidates.Count > 0)
            errors.Add(new ImportError(Sheet, row.Number, IdColumn, $"该学员{row.Year}年{row.Level.Name()}的学籍不属于本校，不能由本校登记"));
        else
            errors.Add(new ImportError(Sheet, row.Number, IdColumn, $"找不到该身份证号{row.Year}年{row.Level.Name()}的学籍"));
        return null;
    }

    /// <summary>
    /// True when the stored outcome is the row's (unchanged). A different recorded outcome,
    /// date or certificate is an error: recorded outcomes are not changed by a list.
    /// </summary>
    private static bool IsStored(ListRow row, Enrollment e, List<ImportError> errors)
    {
        switch (e.State)
        {
            case EnrollmentState.Admitted:
                return false;
            case EnrollmentState.Graduated when row.Outcome == EnrollmentState.Graduated:
                if (e.GraduatedOn != row.On)
                    errors.Add(new ImportError(Sheet, row.Number, DateColumn, $"已于 {e.GraduatedOn:yyyy-MM-dd} 登记毕业，与表中日期不符；已登记的毕业信息不能通过名单更改"));
                if (!string.Equals(e.CertificateNumber, row.Certificate, StringComparison.Ordinal))
                    errors.Add(new ImportError(Sheet, row.Number, CertificateColumn, $"已登记的证书编号为“{e.CertificateNumber}”，与表中不符；已登记的毕业信息不能通过名单更改"));
                return e.GraduatedOn == row.On && string.Equals(e.CertificateNumber, row.Certificate, StringComparison.Ordinal);
            case EnrollmentState.Withdrawn when row.Outcome == EnrollmentState.Withdrawn:
                if (row.On is null || row.On == e.WithdrawnOn) return true;
                errors.Add(new ImportError(Sheet, row.Number, DateColumn, $"已于 {e.WithdrawnOn:yyyy-MM-dd} 登记退学，与表中日期不符；已登记的退学信息不能通过名单更改"));
                return false;
            default:
                errors.Add(new ImportError(Sheet, row.Number, StateColumn, $"该学籍已登记为“{e.State.Name()}”，不能再登记为“{row.Outcome.Name()}”"));
                return false;
        }
    }

    /// <summary>Checks against the stored enrollment that the entity would also refuse, worded for the cell.</summary>
    private static bool Applies(ListRow row, Enrollment e, List<ImportError> errors)
    {
        if (row.On is { } on && on < e.AdmittedOn)
        {
            errors.Add(new ImportError(Sheet, row.Number, DateColumn,
                $"{Verb(row.Outcome)}日期 {on:yyyy-MM-dd} 早于入学日期 {e.AdmittedOn:yyyy-MM-dd}"));
            return false;
        }
        return true;
    }

    private static string Verb(EnrollmentState outcome) => outcome == EnrollmentState.Graduated ? "毕业" : "退学";

    private static int ColumnOrder(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i] == column) return i;
        return -1;
    }

    private static async Task<Stream> CopyAsync(Stream source, CancellationToken ct)
    {
        var copy = new MemoryStream();
        await source.CopyToAsync(copy, ct);
        copy.Position = 0;
        return copy;
    }
}
