using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Training.Web.Features.People.Account;

/// <summary>Where a sign-in goes once it succeeds: the page asked for when it is one of the portal's own, else home.</summary>
internal static class ReturnUrls
{
    public static string LocalOrHome(this PageModel page, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && page.Url.IsLocalUrl(returnUrl) ? returnUrl : page.Url.Page("/Home/Index")!;
}
