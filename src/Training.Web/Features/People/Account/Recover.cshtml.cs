using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.People.Account;

/// <summary>
/// /Account/Recover, 首次登录或忘记密码: the owner's half of a <see cref="PasswordRequests">密码申请</see>. The page shows,
/// from this browser's cookie, where the request is: nothing yet (a user name to type), waiting for the administrator
/// (the code to read out; the page asks again every 5 s), confirmed (the new password), or closed.
/// </summary>
[AllowAnonymous]
public sealed class RecoverModel(PasswordRequests requests, TrainingDbContext db, TimeProvider clock) : PageModel
{
    public enum Stage { Start, Waiting, Confirmed }

    public Stage Now { get; private set; }
    public string Code { get; private set; } = "";
    public bool WasClosed { get; private set; }
    /// <summary>The password rule of the account's kind, for the new password.</summary>
    public string Rule { get; private set; } = "";

    /// <summary>As typed, shown again when the form comes back.</summary>
    public string? UserName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return this.PageOrFragment("_RecoverState");
    }

    public async Task<IActionResult> OnPostStartAsync(string? userName, CancellationToken ct)
    {
        UserName = userName?.Trim();
        if (string.IsNullOrEmpty(UserName))
        {
            ModelState.AddModelError(nameof(userName), PeopleTexts.EnterUserName);
            return await PageAsync(ct);
        }
        var started = await requests.StartAsync(UserName, ClientAddress.Of(HttpContext), ct);
        if (started.TooMany)
        {
            ModelState.AddModelError("", PeopleTexts.PasswordRequestTooMany);
            return await PageAsync(ct);
        }
        Response.Cookies.Append(PasswordRequests.Cookie, started.Token, new CookieOptions
        {
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            MaxAge = PasswordRequest.Lifetime,
        });
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSetAsync(string? newPassword, string? confirmPassword, CancellationToken ct)
    {
        var token = Request.Cookies[PasswordRequests.Cookie];
        var request = await requests.FindAsync(token, ct);
        if (request is null || !request.IsConfirmed(clock.UtcNow())) return await PageAsync(ct);
        if (string.IsNullOrEmpty(newPassword)) ModelState.AddModelError(nameof(newPassword), PeopleTexts.EnterNewPassword);
        else if (newPassword != confirmPassword) ModelState.AddModelError(nameof(confirmPassword), PeopleTexts.NewPasswordsDiffer);
        if (ModelState.IsValid)
        {
            var result = await requests.SetPasswordAsync(request, newPassword!, ct);
            foreach (var e in result.Errors) ModelState.AddModelError(nameof(newPassword), e.Description);
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(request, token!, ct);
            return Page();
        }
        Response.Cookies.Delete(PasswordRequests.Cookie);
        return this.FlashAndRedirect(PeopleTexts.PasswordSetLogIn, "/People/Account/Login");
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        if (await requests.FindAsync(Request.Cookies[PasswordRequests.Cookie], ct) is { } request)
        {
            request.Close(clock.UtcNow());
            await db.SaveChangesAsync(ct);
        }
        Response.Cookies.Delete(PasswordRequests.Cookie);
        return this.FlashAndRedirect(PeopleTexts.PasswordRequestCancelled, "/People/Account/Recover");
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var token = Request.Cookies[PasswordRequests.Cookie];
        await ShowAsync(await requests.FindAsync(token, ct), token, ct);
    }

    private async Task ShowAsync(PasswordRequest? request, string? token, CancellationToken ct)
    {
        var now = clock.UtcNow();
        if (request is null || !request.IsOpen(now))
        {
            WasClosed = request is not null;
            Now = Stage.Start;
            return;
        }
        Code = PasswordRequests.Shown(PasswordRequests.CodeOf(token!));
        Now = request.IsConfirmed(now) ? Stage.Confirmed : Stage.Waiting;
        if (Now == Stage.Confirmed && await db.Users.FindAsync([request.UserId], ct) is { } user)
            Rule = PeopleTexts.PasswordRuleOf(user);
    }
}
