using Microsoft.AspNetCore.Authorization;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Infrastructure;
using Training.Core.Domain;
using Training.Core.Identity;

namespace Training.Web.Features.People.Account;

/// <summary>
/// A trainee registers alone: 身份证号 + 姓名 + 手机号 must match a person already in the roster
/// (a two-committee cadre, a reserve or a party member of a village). One account per person.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(
    TrainingDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock) : PageModel
{
    public const string NotInRoster = PeopleTexts.NotInRoster;

    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = PeopleTexts.EnterIdNumber)] public string IdNumber { get; set; } = "";
        [Required(ErrorMessage = PeopleTexts.EnterName)] public string Name { get; set; } = "";
        [Required(ErrorMessage = PeopleTexts.EnterPhone)] public string Phone { get; set; } = "";
        [Required(ErrorMessage = PeopleTexts.ChooseUserName)] public string UserName { get; set; } = "";
        [Required(ErrorMessage = PeopleTexts.ChoosePassword)][DataType(DataType.Password)] public string Password { get; set; } = "";
        [Required(ErrorMessage = PeopleTexts.RepeatPassword)][DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = PeopleTexts.PasswordsDiffer)]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var today = clock.Today();
        if (!ResidentId.TryParse(Input.IdNumber, today, out var id, out var idError))
        {
            ModelState.AddModelError("Input.IdNumber", idError);
            return Page();
        }
        if (!Phone.TryNormalize(Input.Phone, out var phone, out var phoneError))
        {
            ModelState.AddModelError("Input.Phone", phoneError!);
            return Page();
        }

        var name = Input.Name.Trim();
        var person = await db.Persons.AsNoTracking()
            .Where(p => p.IdNumber == id.Value && p.Name == name && p.Phone == phone)
            .Select(p => new
            {
                p.Id,
                p.Name,
                Eligible = p.Posts.AsQueryable().Any(Post.HeldOn(today))
                    || db.Reserves.Any(r => r.PersonId == p.Id)
                    || p.PoliticalStatus == PoliticalStatus.PartyMember || p.PoliticalStatus == PoliticalStatus.ProbationaryMember,
            })
            .SingleOrDefaultAsync();
        if (person is null || !person.Eligible)
        {
            ModelState.AddModelError("", NotInRoster);
            return Page();
        }
        if (await db.Users.AnyAsync(u => u.PersonId == person.Id))
        {
            ModelState.AddModelError("", PeopleTexts.AlreadyRegistered);
            return Page();
        }

        var user = new AppUser
        {
            UserName = Input.UserName.Trim(),
            DisplayName = person.Name,
            Role = Roles.Trainee,
            PersonId = person.Id,
            PhoneNumber = phone,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        user.PasswordSetByOwner(user.CreatedAt);
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors) ModelState.AddModelError("", e.Description);
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Trainee);
        db.Audit.Add(new AuditEntry(user.UserName, PeopleTexts.RegisteredAudit, PeopleTexts.RegisteredDetail(ResidentId.Mask(id.Value)), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToPage("/Home/Index");
    }
}
