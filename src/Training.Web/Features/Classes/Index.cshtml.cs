using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Classes;

/// <summary>
/// 培训班 in the account's scope (its own unit's and below, and those run above it), filtered by
/// year and state. The same URL answers htmx with the list alone.
/// </summary>
[Authorize(Policy = ClassesPermissions.View)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : PageModel
{
    public const int PageSize = 200;


    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public PeriodPhase? State { get; set; }

    public sealed record Row(int Id, string Name, string OwnerName, DateOnly StartOn, DateOnly EndOn, Sex? SexOnly,
        ClassAudience Audience, int Enrolled, int Capacity, int Sessions)
    {
        public string AudienceText => ClassAudienceNames.Describe(SexOnly, Audience);
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public DateOnly Today { get; private set; }

    // The years, the count and the rows for a filter, kept per day (a class's phase moves with the day) until a class,
    // a participant, a session or a unit is saved: three queries a view.
    private static readonly Type[] Follows = [typeof(TrainingClass), typeof(ClassParticipant), typeof(ClassSession), typeof(OrgUnit)];
    public bool MayCreate => me.IsIn(Roles.CityAdmin) || me.IsIn(Roles.DistrictStaff);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        if (Year is { } asked && !FormInput.IsInCalendar(asked))
        {
            // A year typed into the address (a bookmark gone wrong): the list for every year, said plainly.
            ModelState.AddModelError("", ClassesTexts.YearOutOfRange(asked, FormInput.MinDate.Year, FormInput.MaxDate.Year));
            Year = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        var (year, state, today) = (Year, State, Today);
        (Years, Total, Rows) = await memo.GetAsync($"Classes|{year}|{state}|{today:yyyyMMdd}", Follows, async ct =>
        {
            var scoped = db.TrainingClasses.AsNoTracking().InScope(me);
            var years = (await scoped.Select(c => c.StartOn).ToListAsync(ct))
                .Select(d => d.Year).Append(today.Year).Distinct().OrderDescending().ToList();
            var query = scoped;
            if (year is { } y) query = query.Where(c => c.StartOn >= new DateOnly(y, 1, 1) && c.StartOn <= new DateOnly(y, 12, 31));
            if (state is { } phase) query = query.InPhase(phase, today);
            var total = await query.CountAsync(ct);
            var rows = await query.OrderByDescending(c => c.StartOn).ThenByDescending(c => c.Id).Take(PageSize)
                .Select(c => new Row(c.Id, c.Name, c.Owner.Name, c.StartOn, c.EndOn, c.SexOnly, c.Audience,
                    c.Participants.Count, c.Capacity, c.Sessions.Count))
                .ToListAsync(ct);
            return (years, total, rows);
        }, ct);
        return this.PageOrFragment("_Rows");
    }
}
