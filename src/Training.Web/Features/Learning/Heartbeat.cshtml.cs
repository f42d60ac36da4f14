using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Study;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Learning;

/// <summary>
/// <c>POST /Learning/Heartbeat</c> (LEARNING.md §3), the contract every player uses: form fields
/// <c>lessonId</c>, <c>playbackId</c>, <c>position</c> (seconds, decimal), <c>state</c> (playing,
/// paused, hidden, ended) and the antiforgery token. The server credits what its own clock and rules
/// allow (<see cref="Playback.Beat"/>), never what the client claims, and answers what it credited.
/// Cheap on purpose: one read (the playback, whether a newer one exists, the lesson's progress and
/// kind) and one update, because thousands of cadres study at once in the evening.
/// </summary>
[Authorize(Policy = LearningPermissions.Study)]
public sealed class HeartbeatModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, CourseCompletion completion) : PageModel
{
    /// <summary>What the answer says: seconds this heartbeat earned, the lesson's totals, and whether it (or the course) completed.</summary>
    public sealed record Answer(double Credited, double CreditedTotal, double Furthest, bool Completed, bool Newest,
        string? Message = null, decimal? CourseHours = null);

    public IActionResult OnGet() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    public async Task<IActionResult> OnPostAsync(int lessonId, string? playbackId, string? position, string? state, CancellationToken ct)
    {
        if (me.PersonId is not { } personId) return Forbid();
        if (lessonId <= 0 || string.IsNullOrEmpty(playbackId) || playbackId.Length > 32
            || !double.TryParse(position, NumberStyles.Float, CultureInfo.InvariantCulture, out var at) || !double.IsFinite(at) || at < 0
            || !Enum.TryParse<PlaybackState>(state, ignoreCase: true, out var playState) || !Enum.IsDefined(playState) || int.TryParse(state, out _))
            return Problem(StatusCodes.Status400BadRequest, StudyTexts.BadHeartbeat);

        var now = clock.UtcNow();
        var found = await (
                from p in db.Playbacks
                where p.PublicId == playbackId && p.PersonId == personId && p.LessonId == lessonId
                join l in db.Lessons on p.LessonId equals l.Id
                join x in db.LessonProgress on new { p.PersonId, p.LessonId } equals new { x.PersonId, x.LessonId } into progresses
                from x in progresses.DefaultIfEmpty()
                select new
                {
                    Playback = p,
                    Progress = x,
                    l.Kind,
                    Published = l.Course.State == CourseState.Published,
                    Newest = !db.Playbacks.Any(o => o.PersonId == personId && o.Id > p.Id),
                })
            .SingleOrDefaultAsync(ct);
        if (found is null) return Problem(StatusCodes.Status404NotFound, StudyTexts.UnknownPlayback);

        // An older playback (another tab or phone opened since) and a withdrawn course earn nothing, and leave the progress alone.
        var counts = found.Newest && found.Published && found.Progress is not null;
        var credited = found.Playback.Beat(at, playState, now, counts);
        var progress = found.Progress;
        var completedNow = false;
        if (counts)
        {
            var before = progress!.IsCompleted;
            progress.Record(credited, found.Playback.LastPosition, found.Kind, found.Playback.DurationSeconds, now);
            completedNow = !before && progress.IsCompleted;
        }
        if (!await db.TrySaveAsync(ct)) return Problem(StatusCodes.Status409Conflict, StudyTexts.HeartbeatConflict);

        var entry = completedNow ? await completion.RecordIfCompletedAsync(personId, lessonId, ct) : null;
        return new JsonResult(new Answer(credited, progress?.CreditedSeconds ?? 0, progress?.FurthestPosition ?? 0,
            progress?.IsCompleted ?? false, found.Newest, found.Newest ? null : StudyTexts.Superseded, entry?.Hours));
    }

    private JsonResult Problem(int status, string message) => new(new { message }) { StatusCode = status };
}
