using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Features.People.Accounts;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.People.Admin.Users;

/// <summary>
/// Open a staff account for a unit below one's own (the system administrator: any unit, and school registrars). The
/// role follows the unit's level. The account is opened without a password: its owner sets the first one through a
/// 密码申请 the administrator confirms (<see cref="Account.PasswordRequests"/>), so no administrator picks or sees one.
/// </summary>
[Authorize(Policy = PeoplePermissions.Accounts)]
public sealed class CreateModel(TrainingDbContext db, UserManager<AppUser> users, AccountRules rules, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<(int Id, string Name)> Schools { get; private set; } = [];
    public bool MayCreateRegistrars => rules.MayCreateRegistrars;
    public Created? Result { get; private set; }

    public sealed record Created(string Id, string UserName);

    public sealed class InputModel
    {
        public bool Registrar { get; set; }
        public string? UnitCode { get; set; }
        public int? SchoolId { get; set; }
        [Required(ErrorMessage = PeopleTexts.UserNameRequired)] public string UserName { get; set; } = "";
        [Required(ErrorMessage = PeopleTexts.DisplayNameRequired)] public string DisplayName { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();

        var user = new AppUser
        {
            UserName = Input.UserName.Trim(),
            DisplayName = Input.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        string scope;
        if (Input.Registrar)
        {
            if (!rules.MayCreateRegistrars) return Forbid();
            var school = Schools.FirstOrDefault(s => s.Id == Input.SchoolId);
            if (school.Name is null) { ModelState.AddModelError("Input.SchoolId", PeopleTexts.SchoolRequired); return Page(); }
            user.Role = Roles.SchoolRegistrar;
            user.SchoolId = school.Id;
            scope = school.Name;
        }
        else
        {
            var code = Input.UnitCode?.Trim() ?? "";
            var unit = await rules.UnitsForNewAccounts().AsNoTracking().Where(u => u.Code == code)
                .Select(u => new { u.Id, u.Name, u.Level }).SingleOrDefaultAsync(ct);
            if (unit is null)
            {
                ModelState.AddModelError("Input.UnitCode", code.Length == 0 ? PeopleTexts.UnitCodeRequired : PeopleTexts.UnitOutOfReach(code));
                return Page();
            }
            user.Role = Roles.ForLevel(unit.Level);
            user.OrgUnitId = unit.Id;
            scope = unit.Name;
        }

        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors) ModelState.AddModelError("", e.Description);
            return Page();
        }
        await users.AddToRoleAsync(user, user.Role);
        await rules.AuditAsync(PeopleTexts.AccountCreatedAudit, PeopleTexts.AccountCreatedDetail(user.UserName, Roles.DisplayName(user.Role), scope), clock.GetUtcNow().UtcDateTime);
        this.Flash(PeopleTexts.AccountCreated(scope, Roles.DisplayName(user.Role), user.UserName));
        Result = new Created(user.Id, user.UserName);
        ModelState.Clear();
        Input = new InputModel();
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!rules.MayCreateRegistrars) return;
        Schools = (await db.Schools.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            .Select(s => (s.Id, s.Name)).ToList();
    }
}
