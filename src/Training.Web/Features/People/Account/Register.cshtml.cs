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
    public const string NotInRoster = "未能在花名册中找到与您填写的身份证号、姓名、手机号一致的人员。请联系所在村（社区）党组织核对登记信息。";

    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入身份证号。")] public string IdNumber { get; set; } = "";
        [Required(ErrorMessage = "请输入姓名。")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "请输入手机号。")] public string Phone { get; set; } = "";
        [Required(ErrorMessage = "请设置用户名。")] public string UserName { get; set; } = "";
        [Required(ErrorMessage = "请设置密码。")][DataType(DataType.Password)] public string Password { get; set; } = "";
        [Required(ErrorMessage = "请再次输入密码。")][DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "两次输入的密码不一致。")]
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
            ModelState.AddModelError("", "该人员已注册过账号，请直接登录；忘记密码请联系所在村（社区）党组织或镇（街）组织办重置。");
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
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors) ModelState.AddModelError("", e.Description);
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Trainee);
        db.Audit.Add(new AuditEntry(user.UserName, "学员注册", $"人员 {ResidentId.Mask(id.Value)}", clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToPage("/Home/Index");
    }
}
