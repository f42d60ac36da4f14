using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.People.Home;

/// <summary>The trainee's home card, first on its page: who it is on the roster (village, education, posts held) and the way to its record.</summary>
public sealed class TraineeFactsCard(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : ViewComponent
{
    public sealed record Facts(int PersonId, string Name, string VillageName, string Education, IReadOnlyList<string> Posts);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var today = clock.Today();
        // On every trainee's home: kept per person and day until a person, a post or a unit is saved.
        var facts = await memo.GetAsync($"TraineeFacts|{today:yyyyMMdd}", [typeof(Person), typeof(Post), typeof(OrgUnit)],
            ct => ReadAsync(today, ct), HttpContext.RequestAborted);
        return facts is null ? Content("") : View("~/Features/People/Home/TraineeFactsCard.cshtml", facts);
    }

    private async Task<Facts?> ReadAsync(DateOnly today, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().InScope(me)
            .Select(p => new { p.Id, p.Name, Village = p.Village.Name, p.Education })
            .SingleOrDefaultAsync(ct);
        if (person is null) return null;
        var posts = await db.Posts.AsNoTracking().InScope(me)
            .Where(Post.HeldOn(today))
            .Select(p => new { p.Type, Village = p.Village.Name })
            .ToListAsync(ct);
        return new Facts(person.Id, person.Name, person.Village, person.Education.Name(), posts.Select(p => $"{p.Village} {p.Type.Name()}").ToList());
    }
}
