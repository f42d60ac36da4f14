using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Features.Classes.Graduation;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Classes;

/// <summary>
/// 我的培训班: the classes the signed-in trainee takes part in, each session with its own mark, the attendance
/// rate, and the graduation checklist: every condition of the class, met or what is still missing, with a way to
/// the course or quiz it asks for.
/// </summary>
[Authorize(Policy = ClassesPermissions.Mine)]
public sealed class MineModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : PageModel
{
    public enum Mark { Present, Absent, NotRecorded, NotYet }

    public sealed record SessionRow(DateOnly On, string Title, Mark Mark);

    public sealed record ClassCard(int Id, string Name, string OwnerName, DateOnly StartOn, DateOnly EndOn,
        int CompletionPercent, IReadOnlyList<SessionRow> Sessions, GraduationResult Graduation)
    {
        public ClassCompletion Completion => Graduation.Completion;
        public int Attended => Sessions.Count(s => s.Mark == Mark.Present);
        /// <summary>Of all the class's sessions (<see cref="TrainingClass.AttendancePercent"/>).</summary>
        public int? RatePercent => TrainingClass.AttendancePercent(Attended, Sessions.Count);
    }

    public IReadOnlyList<ClassCard> Classes { get; private set; } = [];

    private sealed record TakenSession(DateOnly On, string Title, bool? Present);
    private sealed record Taken(int Id, int ParticipantId, string Name, string OwnerName, DateOnly StartOn, DateOnly EndOn,
        int CompletionPercent, List<TakenSession> Sessions);

    // The trainee's classes and its own marks, kept until a class, a participant, a session, a mark or a unit is saved.
    private static readonly Type[] Follows = [typeof(TrainingClass), typeof(ClassParticipant), typeof(ClassSession), typeof(SessionAttendance), typeof(OrgUnit)];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (me.PersonId is not { } personId) return;
        var today = clock.Today();
        var found = await memo.GetAsync("MyClasses", Follows, ct => db.TrainingClasses.AsNoTracking().InScope(me)
            .Where(c => c.Participants.Any(p => p.PersonId == personId))
            .OrderByDescending(c => c.StartOn).ThenByDescending(c => c.Id)
            .Select(c => new Taken(
                c.Id, c.Participants.Where(p => p.PersonId == personId).Select(p => p.Id).First(), c.Name, c.Owner.Name, c.StartOn, c.EndOn, c.CompletionPercent,
                c.Sessions.OrderBy(s => s.On).ThenBy(s => s.Id).Select(s => new TakenSession(
                    s.On, s.Title,
                    s.Attendance.Where(a => a.Participant.PersonId == personId).Select(a => (bool?)a.Present).FirstOrDefault())).ToList()))
            .ToListAsync(ct), ct);
        var graduation = await ClassGraduation.EvaluateAsync(db,
            found.Select(c => new ParticipantKey(c.ParticipantId, personId, c.Id)).ToList(), today, ct, memo: memo);

        Classes = found.Select(c =>
        {
            var sessions = c.Sessions.Select(s => new SessionRow(s.On, s.Title, s.Present switch
            {
                true => Mark.Present,
                false => Mark.Absent,
                null when s.On > today => Mark.NotYet,
                null => Mark.NotRecorded,
            })).ToList();
            return new ClassCard(c.Id, c.Name, c.OwnerName, c.StartOn, c.EndOn, c.CompletionPercent, sessions,
                graduation[c.ParticipantId].Result);
        }).ToList();
    }

    public static string Name(Mark mark) => mark switch
    {
        Mark.Present => ClassesTexts.Present,
        Mark.Absent => ClassesTexts.Absent,
        Mark.NotRecorded => ClassesTexts.NotRecorded,
        _ => ClassesTexts.NotStarted,
    };

    public static string Badge(Mark mark) => mark switch
    {
        Mark.Present => "badge badge-ok",
        Mark.Absent => "badge quota-full",
        _ => "badge badge-off",
    };
}
