using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Degree.Apply;

/// <summary>
/// 报名表: the application printed on A4 for the paper file the offices still keep, with boxes
/// for the village, township and district to sign. Only its owner prints it, so the ID number
/// is shown in full here. Someone else's: 404.
/// </summary>
[Authorize(Policy = DegreePermissions.Apply)]
public sealed class FormModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public Applications.View App { get; private set; } = null!;
    public PersonFacts Person { get; private set; } = null!;

    public sealed record PersonFacts(string Name, Sex Sex, DateOnly BirthDate, string IdNumber, string? Phone,
        PoliticalStatus PoliticalStatus, Education Education, string Village, string Township, string District,
        IReadOnlyList<PostType> Posts, IReadOnlyList<ReserveTarget> Reserves);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var app = (await Applications.ReadAsync(db.Enrollments.InScope(me).Where(e => e.Id == id), ct)).SingleOrDefault();
        if (app is null) return NotFound();
        App = app;
        var today = clock.Today();
        Person = await db.Persons.AsNoTracking().InScope(me).Where(p => p.Id == app.PersonId)
            .Select(p => new PersonFacts(p.Name, p.Sex, p.BirthDate, p.IdNumber, p.Phone, p.PoliticalStatus, p.Education,
                p.Village.Name, p.Village.Parent!.Name, p.Village.Parent!.Parent!.Name,
                p.Posts.AsQueryable().Where(Post.HeldOn(today)).Select(x => x.Type).ToList(),
                db.Reserves.Where(ReserveCandidate.InPoolOnDate(today)).Where(r => r.PersonId == p.Id).Select(r => r.Target).ToList()))
            .SingleAsync(ct);
        return Page();
    }
}
