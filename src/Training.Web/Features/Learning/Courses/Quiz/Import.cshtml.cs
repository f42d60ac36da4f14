using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.Learning.Courses.Lessons;
using Training.Web.Features.Statistics.Export;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Learning.Courses.Quiz;

/// <summary>
/// 导入题库: the author of a course uploads its questions as an xlsx (<see cref="QuestionImport"/>),
/// or downloads the template to fill in. All or nothing: a file with any error is answered with
/// every error (422) and nothing is saved; otherwise the questions are added to the bank with one
/// audit entry. A bank is small, so it is read while the request waits, not by the import job.
/// </summary>
[Authorize(Policy = LearningPermissions.Author)]
[RequestSizeLimit(ImportUpload.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUpload.RequestLimit)]
[ImportUpload.TooLargeFilter]
public sealed class ImportModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    private const long Megabyte = 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty(SupportsGet = true)] public bool TooLarge { get; set; }

    public int CourseId { get; private set; }
    public string CourseTitle { get; private set; } = "";
    public IReadOnlyList<ImportError> Errors { get; private set; } = [];
    public static long MaxBytes => QuestionImport.MaxBytes;
    public static string TooLargeText => QuestionImportTexts.TooLarge(QuestionImport.MaxBytes / Megabyte);

    /// <summary>WeChat's built-in browser does not save downloads: the page tells the user to open it in the system browser.</summary>
    public bool InWeChat => Request.Headers.UserAgent.ToString().Contains("MicroMessenger", StringComparison.OrdinalIgnoreCase);

    public async Task<IActionResult> OnGetAsync(int courseId, CancellationToken ct)
    {
        if (await FindAsync(courseId, ct) is { } refused) return refused;
        if (TooLarge) ModelState.AddModelError(nameof(Upload), TooLargeText);
        return Page();
    }

    /// <summary>The template: the same for every course, but offered only to the course's author, as the page is.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(int courseId, CancellationToken ct)
    {
        if (await FindAsync(courseId, ct) is { } refused) return refused;
        var file = new MemoryStream();
        await QuestionTemplate.WriteAsync(file, ct);
        file.Position = 0;
        Response.Headers.ContentDisposition = Downloads.ContentDisposition(QuestionImportTexts.TemplateFileName);
        return File(file, StatisticsReport.ContentType);
    }

    public async Task<IActionResult> OnPostAsync(int courseId, CancellationToken ct)
    {
        if (await FindAsync(courseId, ct) is { } refused) return refused;
        if (Upload is null || Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), Upload is null ? QuestionImportTexts.NoFile : TooLargeText);
            return this.Unprocessable();
        }

        QuestionImport.Outcome outcome;
        await using (var stream = Upload.OpenReadStream())
            outcome = await QuestionImport.ReadAsync(stream, courseId, ct);
        if (outcome.Errors.Count > 0)
        {
            Errors = outcome.Errors;
            ModelState.AddModelError(nameof(Upload), QuestionImportTexts.Refused(Errors.Count));
            return this.Unprocessable();
        }

        db.Questions.AddRange(outcome.Questions);
        db.Audit.Add(new AuditEntry(me.UserName, QuestionImportTexts.Audit,
            LearningTexts.OfCourse(CourseTitle, QuestionImportTexts.Detail(ImportUpload.FileName(Upload), outcome.Questions)), clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return this.FlashAndRedirect(QuestionImportTexts.Imported(CourseTitle, outcome.Questions), "/Learning/Courses/Quiz/Bank", new { courseId });
    }

    /// <summary>The course as its author may change it; else the refusal (403 in scope, 404 outside).</summary>
    private async Task<IActionResult?> FindAsync(int courseId, CancellationToken ct)
    {
        CourseId = courseId;
        var found = await LessonSteps.FindAsync(this, db, me, courseId, ct);
        if (found.Refusal is { } refused) return refused;
        CourseTitle = found.Course!.Title;
        return null;
    }
}
