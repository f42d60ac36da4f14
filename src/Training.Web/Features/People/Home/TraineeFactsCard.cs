using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.People.Home;

/// <summary>The trainee's home card, first on its page: who it is on the roster (village, education, posts held) and the way to its record.</summary>
public sealed class TraineeFactsCard(TrainingDbContext db, CurrentUser me, TimeProvider clock) : ViewComponent
{
    public sealed record Facts(int PersonId, string Name, string VillageName, string Education, IReadOnlyList<string> Posts);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var today = clock.Today();
        var person = await db.Persons.AsNoTracking().InScope(me)
            .Select(p => new { p.Id, p.Name, Village = p.Village.Name, p.Education })
            .SingleOrDefaultAsync(ct);
        if (person is null) return Content("");
        var posts = await db.Posts.AsNoTracking().InScope(me)
            .Where(Post.HeldOn(today))
            .Select(p => new { p.Type, Village = p.Village.Name })
            .ToListAsync(ct);
        return View("~/Features/People/Home/TraineeFactsCard.cshtml", new Facts(person.Id, person.Name, person.Village,
            person.Education.Name(), posts.Select(p => $"{p.Village} {p.Type.Name()}").ToList()));
    }
}
