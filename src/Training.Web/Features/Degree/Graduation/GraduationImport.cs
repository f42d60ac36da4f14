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

    public const string Sheet = GraduationColumns.Sheet;
    public static readonly IReadOnlyList<string> Columns = GraduationColumns.All;

    private const string IdColumn = GraduationColumns.IdNumber, LevelColumn = GraduationColumns.Level, YearColumn = GraduationColumns.Year, StateColumn = GraduationColumns.State,
        DateColumn = GraduationColumns.Date, CertificateColumn = GraduationColumns.Certificate;

    public const string WithdrawalReason = GraduationTexts.WithdrawalReason;

    private static IReadOnlyDictionary<string, DegreeLevel> Levels => GraduationColumns.Levels;

    private static IReadOnlyDictionary<string, EnrollmentState> Outcomes => GraduationColumns.Outcomes;

    /// <summary>How many ID numbers one lookup query carries (SQL Server allows 2,100 parameters).</summary>
    private const int LookupBatch = 500;

    private sealed record ListRow(int Number, string IdNumber, DegreeLevel Level, int Year, EnrollmentState Outcome, DateOnly? On, string? Certificate);

    /// <summary>Graduations and withdrawals of the school's own enrollments; <paramref name="actor"/> is recorded on each transition.</summary>
    public async Task<ImportOutcome> RunAsync(Stream xlsx, int schoolId, string actor, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        progress?.Report(new ImportProgress(0, ImportTexts.Reading));
        await using var copy = await WorkbookReader.SeekableCopyAsync(xlsx, ct);
        using var book = WorkbookReader.TryOpen(copy ?? xlsx, out var openError);
        if (book is null) return ImportOutcome.Rejected([ImportError.File(openError!)]);
        if (!book.HasSheet(Sheet))
            return ImportOutcome.Rejected([new ImportError(Sheet, 0, "",
                GraduationTexts.NoSheet(book.SheetNames))]);

        var today = _clock.Today();
        var errors = new List<ImportError>();
        var rows = ReadRows(book, today, errors);
        ct.ThrowIfCancellationRequested();
        progress?.Report(new ImportProgress(30, ImportTexts.Checking));

        var enrollments = await LoadAsync(rows.Select(r => r.IdNumber).Distinct().ToList(), ct);
        progress?.Report(new ImportProgress(60, ImportTexts.Checking));

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
            return ImportOutcome.Rejected(ImportError.InSheetOrder(errors, Columns));
        }

        progress?.Report(new ImportProgress(70, ImportTexts.Writing));
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
            return ImportOutcome.Rejected([ImportError.File(GraduationTexts.ChangedWhileImporting)]);
        }
        _db.ChangeTracker.Clear();
        progress?.Report(new ImportProgress(100, ImportTexts.Finished));
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
            if (on > today) errors.Add(row.Error(DateColumn, GraduationTexts.AfterToday(on)));
            var certificate = row.Text(CertificateColumn);
            if (outcome == EnrollmentState.Graduated)
            {
                if (row[DateColumn] is null) errors.Add(row.Error(DateColumn, GraduationTexts.GraduatedNeedsDate));
                if (certificate is null) errors.Add(row.Error(CertificateColumn, GraduationTexts.GraduatedNeedsCertificate));
                else if (certificate.Length > 50) errors.Add(row.Error(CertificateColumn, GraduationTexts.CertificateTooLong));
            }
            else if (outcome == EnrollmentState.Withdrawn && certificate is not null)
                errors.Add(row.Error(CertificateColumn, GraduationTexts.WithdrawnHasCertificate));

            if (errors.Count > before || idNumber is null || level is null || year is null || outcome is null) continue;
            var key = (idNumber, level.Value, year.Value);
            if (firstRowOfKey.TryGetValue(key, out var first))
            {
                errors.Add(row.Error(IdColumn, GraduationTexts.Duplicate(first)));
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
            errors.Add(new ImportError(Sheet, row.Number, IdColumn, GraduationTexts.Ambiguous(row.Year, row.Level)));
        else if (own.Count > 0)
            errors.Add(new ImportError(Sheet, row.Number, StateColumn,
                GraduationTexts.NotAdmitted(row.Year, row.Level, own[0].State, row.Outcome)));
        else if (candidates.Count > 0)
            errors.Add(new ImportError(Sheet, row.Number, IdColumn, GraduationTexts.OtherSchool(row.Year, row.Level)));
        else
            errors.Add(new ImportError(Sheet, row.Number, IdColumn, GraduationTexts.NotFound(row.Year, row.Level)));
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
                    errors.Add(new ImportError(Sheet, row.Number, DateColumn, GraduationTexts.GraduatedOnDiffers(e.GraduatedOn)));
                if (!string.Equals(e.CertificateNumber, row.Certificate, StringComparison.Ordinal))
                    errors.Add(new ImportError(Sheet, row.Number, CertificateColumn, GraduationTexts.CertificateDiffers(e.CertificateNumber)));
                return e.GraduatedOn == row.On && string.Equals(e.CertificateNumber, row.Certificate, StringComparison.Ordinal);
            case EnrollmentState.Withdrawn when row.Outcome == EnrollmentState.Withdrawn:
                if (row.On is null || row.On == e.WithdrawnOn) return true;
                errors.Add(new ImportError(Sheet, row.Number, DateColumn, GraduationTexts.WithdrawnOnDiffers(e.WithdrawnOn)));
                return false;
            default:
                errors.Add(new ImportError(Sheet, row.Number, StateColumn, GraduationTexts.AlreadyOther(e.State, row.Outcome)));
                return false;
        }
    }

    /// <summary>Checks against the stored enrollment that the entity would also refuse, worded for the cell.</summary>
    private static bool Applies(ListRow row, Enrollment e, List<ImportError> errors)
    {
        if (row.On is { } on && on < e.AdmittedOn)
        {
            errors.Add(new ImportError(Sheet, row.Number, DateColumn,
                GraduationTexts.BeforeAdmission(row.Outcome, on, e.AdmittedOn)));
            return false;
        }
        return true;
    }
}
