using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Media;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Media;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Learning.Courses.Lessons;

/// <summary>
/// 添加文件 / 视频课时: the file is streamed into the shared media folder as it arrives (never whole
/// in memory), then read back for what the lesson needs: a PDF's pages (the author's duration may be
/// at most 3 minutes a page), an MP4's duration from its movie header (never typed). A refused lesson
/// leaves no file behind. The form's script sends it with a progress bar and the antiforgery header.
/// </summary>
[Authorize(Policy = LearningPermissions.Author)]
[StreamedUpload]
public sealed class UploadModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, MediaStorage storage) : PageModel
{
    [FromQuery(Name = "kind")] public LessonKind Kind { get; set; } = LessonKind.File;
    public LessonForm Input { get; private set; } = new();
    public string? Minutes { get; private set; }
    public Guid Version { get; private set; }
    public int CourseId { get; private set; }
    public MediaKind Media => Kind == LessonKind.Video ? MediaKind.Mp4 : MediaKind.Pdf;

    public async Task<IActionResult> OnGetAsync(int courseId, CancellationToken ct)
    {
        if (Kind is not (LessonKind.File or LessonKind.Video)) return NotFound();
        CourseId = courseId;
        var found = await LessonSteps.FindAsync(this, db, me, courseId, ct);
        if (found.Refusal is { } refused) return refused;
        Version = found.Course!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int courseId, CancellationToken ct)
    {
        if (Kind is not (LessonKind.File or LessonKind.Video)) return NotFound();
        CourseId = courseId;
        var found = await LessonSteps.FindAsync(this, db, me, courseId, ct);
        if (found.Refusal is { } refused) return refused;

        var upload = await MediaUpload.ReadAsync(Request, storage, Media, ct);
        Input = new LessonForm { Title = upload.Field("Input.Title"), Optional = upload.Field("Input.Optional") == "true" };
        Minutes = upload.Field("Minutes");
        Version = Guid.TryParse(upload.Field("Version"), out var seen) ? seen : Guid.Empty;
        if (upload.File is not { } file)
        {
            ModelState.AddModelError("File", upload.Problem!);
            return this.Unprocessable();
        }

        var path = storage.PathOf(file.StoredName);
        int? pages = null, seconds = null;
        if (Kind == LessonKind.File)
        {
            pages = PdfPages.Count(path);
            if (pages is null) ModelState.AddModelError("File", LearningTexts.PdfUnreadable);
            var minutes = ModelState.Whole("Minutes", Minutes, LearningTexts.Minutes);
            seconds = minutes * 60;
        }
        else
        {
            await using var stream = System.IO.File.OpenRead(path);
            var duration = Mp4Duration.Read(stream);
            if (duration is null) ModelState.AddModelError("File", LearningTexts.VideoUnreadable);
            else seconds = (int)Math.Round(duration.Value);
        }
        if (!ModelState.IsValid)
        {
            storage.Delete(file.StoredName);
            return this.Unprocessable();
        }

        var result = await CourseSteps.RunAsync(db, me, clock, courseId, Version, LearningTexts.LessonAddedAudit, c =>
        {
            var lesson = Kind == LessonKind.File
                ? c.AddFile(Input.Title, file.StoredName, file.Bytes, pages!.Value, seconds!.Value, Input.Optional)
                : c.AddVideo(Input.Title, file.StoredName, file.Bytes, seconds!.Value, Input.Optional);
            return (LearningTexts.LessonDetail(lesson), LearningTexts.LessonAdded(lesson));
        }, ct);
        if (result.Status != StepStatus.Done) storage.Delete(file.StoredName);
        return await this.AnswerAsync(result, () => RedirectToPage("/Learning/Courses/Details", new { id = courseId }), () => Task.CompletedTask);
    }
}
