using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Heartbeats;
using Training.Web.Features.Learning.Study;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Learning;

/// <summary>
/// <c>POST /Learning/Heartbeat</c> (LEARNING.md §3), the contract every player uses: form fields
/// <c>lessonId</c>, <c>playbackId</c>, <c>position</c> (seconds, decimal), <c>state</c> (playing,
/// paused, hidden, ended) and the antiforgery token. The server credits what its own clock and rules
/// allow (<see cref="Playback.Beat"/>), never what the client claims, and answers what it credited.
/// Cheap on purpose: the request only reads the form; <see cref="HeartbeatWriter"/> credits the
/// heartbeats waiting together, one query and one commit a batch, because thousands of cadres study
/// at once in the evening.
/// </summary>
[Authorize(Policy = LearningPermissions.Study)]
[NoRequestConnection]
public sealed class HeartbeatModel(CurrentUser me, TimeProvider clock, HeartbeatWriter writer) : PageModel
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

        var result = await writer.CreditAsync(new HeartbeatWriter.Beat(personId, lessonId, playbackId, at, playState, clock.UtcNow()), ct);
        return result.Outcome switch
        {
            HeartbeatWriter.Outcome.UnknownPlayback => Problem(StatusCodes.Status404NotFound, StudyTexts.UnknownPlayback),
            HeartbeatWriter.Outcome.Conflict => Problem(StatusCodes.Status409Conflict, StudyTexts.HeartbeatConflict),
            _ => new JsonResult(new Answer(result.Credited, result.CreditedTotal, result.Furthest, result.Completed, result.Newest,
                result.Newest ? null : StudyTexts.Superseded, result.CourseHours)),
        };
    }

    private JsonResult Problem(int status, string message) => new(new { message }) { StatusCode = status };
}
